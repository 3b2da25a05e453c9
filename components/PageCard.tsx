interface Props {
  title: string;
  /** "約 4,200 字" */
  lengthLabel: string;
  truncatedLabel?: string;
  hint: string;
  summarizeLabel?: string;
  closeLabel: string;
  onSummarize?(): void;
  onClose(): void;
}

/** The page the user is about to ask about: its title and length, before anything is sent. */
export function PageCard({
  title,
  lengthLabel,
  truncatedLabel,
  hint,
  summarizeLabel,
  closeLabel,
  ...handlers
}: Props) {
  return (
    <section className="page-card" aria-label={title}>
      <h2>{title}</h2>
      <p className="source">
        {lengthLabel}
        {truncatedLabel && ` · ${truncatedLabel}`}
      </p>
      <p className="hint">{hint}</p>
      <div className="toolbar">
        {summarizeLabel && handlers.onSummarize && (
          <button type="button" onClick={handlers.onSummarize}>
            {summarizeLabel}
          </button>
        )}
        <button type="button" onClick={handlers.onClose}>
          {closeLabel}
        </button>
      </div>
    </section>
  );
}

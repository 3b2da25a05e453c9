interface Props {
  title: string;
  url: string;
  text: string;
  message: string;
  openLabel: string;
  acceptLabel: string;
  onAccept(): void;
}

/** Shown instead of sending anything until the user has read and accepted the organisation's guideline. */
export function GuidelineGate({ title, url, text, message, openLabel, acceptLabel, onAccept }: Props) {
  return (
    <section className="guideline-gate" aria-labelledby="guideline-title">
      <h2 id="guideline-title">{title}</h2>
      <p>{message}</p>
      {text && <p className="guideline-text">{text}</p>}
      {url && (
        <p>
          <a href={url} target="_blank" rel="noopener noreferrer">
            {openLabel}
          </a>
        </p>
      )}
      <button type="button" className="primary" onClick={onAccept}>
        {acceptLabel}
      </button>
    </section>
  );
}

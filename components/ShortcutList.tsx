import type { ShortcutRow } from '../utils/shortcuts';

interface Props {
  title: string;
  rows: ShortcutRow[];
  changeLabel: string;
  /** Firefox has no page to open: the instructions are shown instead of a button. */
  changeHint?: string;
  onChange?(): void;
}

/** The keyboard shortcuts with the keys in force, and how to change them. */
export function ShortcutList({ title, rows, changeLabel, changeHint, onChange }: Props) {
  if (rows.length === 0) return null;
  return (
    <section className="shortcuts" aria-label={title}>
      <h3>{title}</h3>
      <dl>
        {rows.map((row) => (
          <div key={row.name}>
            <dt>{row.label}</dt>
            <dd>{row.assigned ? <kbd>{row.keys}</kbd> : row.keys}</dd>
          </div>
        ))}
      </dl>
      {onChange ? (
        <button type="button" onClick={onChange}>
          {changeLabel}
        </button>
      ) : (
        changeHint && <p className="hint">{changeHint}</p>
      )}
    </section>
  );
}

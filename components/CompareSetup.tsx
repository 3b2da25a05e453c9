import type { ModelEntry } from '../utils/settings/schema';

interface Props {
  legend: string;
  hint: string;
  models: ModelEntry[];
  selected: string[];
  max: number;
  title(model: ModelEntry): string;
  onChange(selected: string[]): void;
  /** A start button, when the question is already there (an action's result). */
  start?: { label: string; onStart(): void };
}

/** Which two or three models a Compare asks. */
export function CompareSetup({ legend, hint, models, selected, max, title, onChange, start }: Props) {
  return (
    <fieldset className="compare-setup">
      <legend>{legend}</legend>
      <p className="hint">{hint}</p>
      {models.map((model) => {
        const checked = selected.includes(model.id);
        return (
          <label key={model.id}>
            <input
              type="checkbox"
              checked={checked}
              disabled={!checked && selected.length >= max}
              onChange={() =>
                onChange(checked ? selected.filter((id) => id !== model.id) : [...selected, model.id])
              }
            />
            {title(model)}
          </label>
        );
      })}
      {start && (
        <button type="button" disabled={selected.length < 2} onClick={start.onStart}>
          {start.label}
        </button>
      )}
    </fieldset>
  );
}

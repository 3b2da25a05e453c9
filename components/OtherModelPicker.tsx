import type { ModelEntry } from '../utils/settings/schema';

interface Props {
  label: string;
  models: ModelEntry[];
  /** The model that gave the answer: not offered again. */
  current: string;
  disabled: boolean;
  title(model: ModelEntry): string;
  onPick(modelId: string): void;
}

/** "Try with another model": choosing a model asks it the same question at once. */
export function OtherModelPicker({ label, models, current, disabled, title, onPick }: Props) {
  const others = models.filter((model) => model.id !== current);
  if (others.length === 0) return null;
  return (
    <label className="other-model">
      <span>{label}</span>
      <select
        value=""
        disabled={disabled}
        onChange={(event) => {
          if (event.target.value) onPick(event.target.value);
        }}
      >
        <option value="">—</option>
        {others.map((model) => (
          <option key={model.id} value={model.id}>
            {title(model)}
          </option>
        ))}
      </select>
    </label>
  );
}

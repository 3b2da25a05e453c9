import { modelTitle } from '../utils/settings/model-choice';
import type { ModelEntry } from '../utils/settings/schema';

interface Props {
  label: string;
  models: ModelEntry[];
  value: string;
  onChange(modelId: string): void;
}

export function ModelPicker({ label, models, value, onChange }: Props) {
  return (
    <label className="model-picker">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {models.map((model) => (
          <option key={model.id} value={model.id}>
            {modelTitle(model)}
          </option>
        ))}
      </select>
    </label>
  );
}

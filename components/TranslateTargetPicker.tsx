import type { TranslateTarget } from '../utils/actions/translate-targets';

interface Props {
  label: string;
  targets: readonly TranslateTarget[];
  value: string;
  disabled: boolean;
  onChange(targetId: string): void;
}

export function TranslateTargetPicker({ label, targets, value, disabled, onChange }: Props) {
  return (
    <label className="translate-target">
      <span>{label}</span>
      <select value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
        {targets.map((target) => (
          <option key={target.id} value={target.id}>
            {target.label}
          </option>
        ))}
      </select>
    </label>
  );
}

import type { ReactNode } from 'react';

interface Props {
  label: string;
  help?: string;
  /** Shown when an administrator's policy sets this value: the field is then read-only. */
  lockedLabel?: string;
  children: ReactNode;
}

export function SettingField({ label, help, lockedLabel, children }: Props) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children, wrapped by this label
    <label className={lockedLabel ? 'setting locked' : 'setting'}>
      <span className="setting-label">
        {label}
        {lockedLabel && (
          <span className="lock-badge" title={lockedLabel}>
            🔒 {lockedLabel}
          </span>
        )}
      </span>
      {children}
      {help && <small>{help}</small>}
    </label>
  );
}

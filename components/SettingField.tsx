import type { ReactNode } from 'react';
import { LockIcon } from './LockIcon';

/** Why a setting cannot be changed: who set it (managed policy / policy URL) and the policy key. */
export interface Lock {
  /** e.g. 「管理者がポリシーで設定」 / 「管理者がポリシーURLで設定」 */
  text: string;
  keyName: string;
}

interface Props {
  /** The policy key: the field's anchor for search (`setting-<path>`). */
  path: string;
  label: string;
  help?: string;
  /** Set when an administrator's policy sets this value: the field is then shown and behaves read-only. */
  lock?: Lock;
  children: ReactNode;
}

export function LockBadge({ lock }: { lock: Lock }) {
  return (
    <span className="lock-badge">
      <LockIcon />
      {lock.text} <code className="lock-key">{lock.keyName}</code>
    </span>
  );
}

export function SettingField({ path, label, help, lock, children }: Props) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children, wrapped by this label
    <label id={`setting-${path}`} className={lock ? 'setting locked' : 'setting'}>
      <span className="setting-label">{label}</span>
      {children}
      {lock && <LockBadge lock={lock} />}
      {help && <small>{help}</small>}
    </label>
  );
}

interface ReadOnlyProps {
  path: string;
  label: string;
  value: string;
  help?: string;
  lock?: Lock;
}

/** A setting the page shows but does not edit (set by the organisation, or edited elsewhere). */
export function ReadOnlySetting({ path, label, value, help, lock }: ReadOnlyProps) {
  return (
    <div id={`setting-${path}`} className={lock ? 'setting read-only locked' : 'setting read-only'}>
      <span className="setting-label">{label}</span>
      <span className="setting-value">{value}</span>
      {lock && <LockBadge lock={lock} />}
      {help && <small>{help}</small>}
    </div>
  );
}

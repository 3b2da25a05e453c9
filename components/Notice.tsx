import type { ReactNode } from 'react';

interface Props {
  tone: 'info' | 'warning' | 'error';
  title?: string;
  children?: ReactNode;
}

export function Notice({ tone, title, children }: Props) {
  return (
    <div className={`notice notice-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title && <strong>{title}</strong>}
      {children}
    </div>
  );
}

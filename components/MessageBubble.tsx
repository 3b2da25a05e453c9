import type { ReactNode } from 'react';

interface Props {
  role: 'user' | 'assistant';
  author: string;
  streaming: boolean;
  badge?: string;
  copyLabel: string;
  children: ReactNode;
  footer?: ReactNode;
  onCopy(): void;
}

export function MessageBubble({
  role,
  author,
  streaming,
  badge,
  copyLabel,
  children,
  footer,
  onCopy,
}: Props) {
  return (
    <article className={`message message-${role}`} aria-busy={streaming}>
      <header>
        <span className="author">{author}</span>
        {badge && <span className="badge">{badge}</span>}
        {!streaming && (
          <button type="button" className="copy" onClick={onCopy}>
            {copyLabel}
          </button>
        )}
      </header>
      <div className="message-body">{children}</div>
      {footer}
    </article>
  );
}

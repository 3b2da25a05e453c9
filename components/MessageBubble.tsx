import type { ReactNode } from 'react';

interface Props {
  id?: string;
  role: 'user' | 'assistant';
  author: string;
  streaming: boolean;
  badge?: string;
  copyLabel: string;
  /** "Insert at cursor" in the page, offered on answers. */
  insertLabel?: string;
  children: ReactNode;
  footer?: ReactNode;
  onCopy(): void;
  onInsert?(): void;
}

export function MessageBubble({
  id,
  role,
  author,
  streaming,
  badge,
  copyLabel,
  insertLabel,
  children,
  footer,
  onCopy,
  onInsert,
}: Props) {
  return (
    <article id={id} className={`message message-${role}`} aria-busy={streaming}>
      <header>
        <span className="author">{author}</span>
        {badge && <span className="badge">{badge}</span>}
        {!streaming && (
          <button type="button" className="copy" onClick={onCopy}>
            {copyLabel}
          </button>
        )}
        {!streaming && insertLabel && onInsert && (
          <button type="button" className="copy" onClick={onInsert}>
            {insertLabel}
          </button>
        )}
      </header>
      <div className="message-body">{children}</div>
      {footer}
    </article>
  );
}

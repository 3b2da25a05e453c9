import type { Tip } from '../utils/settings/schema';
import { tipKey } from '../utils/tips/tips';

interface Props {
  title: string;
  unreadLabel: string;
  tryLabel: string;
  /** Newest first. */
  tips: Tip[];
  unread: ReadonlySet<string>;
  /** Offered when a tip names a template that this person has. */
  canTry(templateId: string): boolean;
  onTry(templateId: string): void;
  onOpen(): void;
  /** A tip's `YYYY-MM-DD` in the UI's style. */
  formatDay(day: string): string;
}

/** The organisation's weekly tips, newest first, with a dot until they have been opened. */
export function TipsPanel({ title, unreadLabel, tryLabel, tips, unread, canTry, ...props }: Props) {
  const { onTry, onOpen, formatDay } = props;
  if (tips.length === 0) return null;
  const newest = tips[0];
  return (
    <details
      className="tips"
      onToggle={(event) => {
        if ((event.target as HTMLDetailsElement).open) onOpen();
      }}
    >
      <summary>
        {unread.size > 0 && (
          <span className="unread-dot" role="img" aria-label={`${unreadLabel} ${unread.size}`} />
        )}
        {title}: {newest?.title}
      </summary>
      {tips.map((tip) => (
        <article key={tipKey(tip)} className={unread.has(tipKey(tip)) ? 'unread' : undefined}>
          <h3>
            <time dateTime={tip.date}>{formatDay(tip.date)}</time> {tip.title}
          </h3>
          <p>{tip.body}</p>
          {tip.templateId && canTry(tip.templateId) && (
            <button type="button" onClick={() => onTry(tip.templateId ?? '')}>
              {tryLabel}
            </button>
          )}
        </article>
      ))}
    </details>
  );
}

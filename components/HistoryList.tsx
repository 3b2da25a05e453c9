import { useEffect, useRef } from 'react';
import { useVirtualWindow } from '../hooks/useVirtualWindow';
import type { ConversationRecord } from '../utils/history/db';
import type { Snippet } from '../utils/history/text';
import { Highlighted } from './Highlighted';

/** Room for a two-line title, a two-line search hit and the date line at the root text size. */
export const HISTORY_ROW_HEIGHT = 112;

export interface HistoryRow {
  conversation: ConversationRecord;
  title: Snippet;
  snippet?: Snippet;
}

interface Props {
  rows: HistoryRow[];
  hasMore: boolean;
  emptyText: string;
  selected: ReadonlySet<string>;
  labels: { delete: string; select(title: string): string };
  statusLabel(status: ConversationRecord['status']): string | undefined;
  kindLabel(conversation: ConversationRecord): string;
  formatDate(timestamp: number): string;
  /** The policy's name for a model ("ChatGPT"), not its id. */
  modelLabel(id: string): string;
  onNeedMore(): void;
  onOpen(id: string): void;
  onDelete(id: string): void;
  onToggle(id: string): void;
}

/** Conversations as fixed-height rows; only the rows on screen are in the DOM. */
export function HistoryList({ rows, hasMore, emptyText, selected, labels, onNeedMore, ...props }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const { first, last, onScroll } = useVirtualWindow(container, rows.length, HISTORY_ROW_HEIGHT);

  // The next page is asked for while the last loaded rows are still a screen away.
  useEffect(() => {
    if (hasMore && last >= rows.length - 10) onNeedMore();
  }, [hasMore, last, rows.length, onNeedMore]);

  if (rows.length === 0) return <p className="empty history-empty">{emptyText}</p>;
  return (
    <div ref={container} className="history-scroll" onScroll={onScroll}>
      <ul className="history-rows" style={{ height: rows.length * HISTORY_ROW_HEIGHT }}>
        {rows.slice(first, last).map((row, offset) => {
          const { conversation } = row;
          const status = props.statusLabel(conversation.status);
          return (
            <li
              key={conversation.id}
              className="history-row"
              style={{ top: (first + offset) * HISTORY_ROW_HEIGHT, height: HISTORY_ROW_HEIGHT }}
            >
              <input
                type="checkbox"
                checked={selected.has(conversation.id)}
                aria-label={labels.select(conversation.title)}
                onChange={() => props.onToggle(conversation.id)}
              />
              <button type="button" className="history-open" onClick={() => props.onOpen(conversation.id)}>
                <span className="history-title">
                  <Highlighted {...row.title} />
                </span>
                {row.snippet && (
                  <span className="history-snippet">
                    <Highlighted {...row.snippet} />
                  </span>
                )}
                <span className="history-meta">
                  {/* First, so a narrow row never cuts it off. */}
                  {status && <span className={`badge badge-${conversation.status}`}>{status}</span>}
                  {props.formatDate(conversation.updatedAt)} · {props.kindLabel(conversation)} ·{' '}
                  {props.modelLabel(conversation.model)}
                </span>
              </button>
              <button
                type="button"
                className="history-delete"
                aria-label={`${labels.delete}: ${conversation.title}`}
                onClick={() => props.onDelete(conversation.id)}
              >
                {labels.delete}
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

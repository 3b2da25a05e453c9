import type { ConversationRecord } from '../utils/history/db';

interface Props {
  conversations: ConversationRecord[];
  emptyText: string;
  deleteLabel: string;
  statusLabel(status: ConversationRecord['status']): string | undefined;
  formatDate(timestamp: number): string;
  onOpen(id: string): void;
  onDelete(id: string): void;
}

export function HistoryList({
  conversations,
  emptyText,
  deleteLabel,
  statusLabel,
  formatDate,
  onOpen,
  onDelete,
}: Props) {
  if (conversations.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <ul className="history-list">
      {conversations.map((conversation) => {
        const status = statusLabel(conversation.status);
        return (
          <li key={conversation.id}>
            <button type="button" className="history-open" onClick={() => onOpen(conversation.id)}>
              <span className="history-title">{conversation.title}</span>
              <span className="history-meta">
                {formatDate(conversation.updatedAt)} · {conversation.model}
                {status && <span className={`badge badge-${conversation.status}`}>{status}</span>}
              </span>
            </button>
            <button
              type="button"
              className="history-delete"
              aria-label={`${deleteLabel}: ${conversation.title}`}
              onClick={() => onDelete(conversation.id)}
            >
              {deleteLabel}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

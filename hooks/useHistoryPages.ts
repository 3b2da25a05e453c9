import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { ConversationRecord } from '../utils/history/db';
import { listConversations } from '../utils/history/store';

const PAGE = 100;

/** Conversations newest first, a page at a time from IndexedDB, updated live as answers are written. */
export function useHistoryPages(): {
  rows: ConversationRecord[] | undefined;
  hasMore: boolean;
  loadMore(): void;
} {
  const [limit, setLimit] = useState(PAGE);
  const rows = useLiveQuery(() => listConversations(limit), [limit]);
  const hasMore = rows !== undefined && rows.length >= limit;
  const loadMore = useCallback(() => {
    if (hasMore) setLimit(limit + PAGE);
  }, [hasMore, limit]);
  return { rows, hasMore, loadMore };
}

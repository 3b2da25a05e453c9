import { useLiveQuery } from 'dexie-react-hooks';
import type { ConversationRecord } from '../utils/history/db';
import { listConversations } from '../utils/history/store';

/** Past conversations, newest first, updated live as answers are written. */
export function useHistoryList(): ConversationRecord[] {
  return useLiveQuery(() => listConversations(), [], []);
}

import Dexie from 'dexie';
import { type ConversationRecord, db, type MessageRecord } from './db';
import { historyWrite } from './errors';
import { clearSearchIndex, forgetLoadedIndex, reindexConversation } from './search-index';

export interface Conversation {
  conversation: ConversationRecord;
  messages: MessageRecord[];
}

/**
 * Every write below runs in one transaction with its search-index update: it lands whole or not at all.
 * A refused write throws a `HistoryWriteError` (`kind: 'quota'` when IndexedDB is full).
 */
function writeTransaction<T>(work: () => Promise<T>): Promise<T> {
  return historyWrite(() => db.transaction('rw', db.conversations, db.messages, db.searchIndex, work));
}

export function messagesOf(conversationId: string) {
  return db.messages
    .where('[conversationId+createdAt]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey]);
}

export async function saveConversation(conversation: ConversationRecord): Promise<void> {
  await writeTransaction(() => reindexConversation(conversation.id, db.conversations.put(conversation)));
}

/** Also called every 500 ms while an answer streams: re-indexing one conversation takes a few ms. */
export async function saveMessage(message: MessageRecord): Promise<void> {
  await writeTransaction(() => reindexConversation(message.conversationId, db.messages.put(message)));
}

/** Newest first; `limit` grows as the user scrolls. */
export async function listConversations(limit = 200): Promise<ConversationRecord[]> {
  return db.conversations.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export async function loadConversation(id: string): Promise<Conversation | undefined> {
  const conversation = await db.conversations.get(id);
  if (!conversation) return undefined;
  const messages = await messagesOf(id).toArray();
  return { conversation, messages };
}

export async function deleteConversation(id: string): Promise<void> {
  await writeTransaction(async () => {
    await messagesOf(id).delete();
    await db.conversations.delete(id);
    await reindexConversation(id);
  });
}

export async function deleteMessage(id: string): Promise<void> {
  await writeTransaction(async () => {
    const message = await db.messages.get(id);
    await db.messages.delete(id);
    if (message) await reindexConversation(message.conversationId);
  });
}

/** "Delete all history": every conversation, message and index entry, in one transaction. */
export async function deleteAllHistory(): Promise<void> {
  await writeTransaction(async () => {
    await db.messages.clear();
    await db.conversations.clear();
    await clearSearchIndex();
  });
  forgetLoadedIndex();
}

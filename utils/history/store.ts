import Dexie from 'dexie';
import { type ConversationRecord, db, type MessageRecord } from './db';
import { historyWrite } from './errors';
import { conversationForHistory, type HistoryPrivacy, messageForHistory } from './privacy';
import { clearSearchIndex, forgetLoadedIndex, indexUnindexed, markUnindexed } from './search-index';

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

/** A conversation's messages in the order they were written. */
export function messagesOf(conversationId: string) {
  return db.messages
    .where('[conversationId+seq]')
    .between([conversationId, Dexie.minKey], [conversationId, Dexie.maxKey]);
}

/** Written conversations are indexed together once writing pauses this long (see search-index.ts). */
const INDEX_DELAY_MS = 1000;
let indexTimer: ReturnType<typeof setTimeout> | undefined;

function indexSoon(): void {
  clearTimeout(indexTimer);
  // A failure (a full disk) leaves the marks in place: the next run or the next search indexes them.
  indexTimer = setTimeout(() => void indexUnindexed().catch(() => undefined), INDEX_DELAY_MS);
}

/** Indexes what was written without waiting for the pause (tests, benchmarks, before closing). */
export async function indexNow(): Promise<void> {
  clearTimeout(indexTimer);
  await indexUnindexed();
}

let privacy: HistoryPrivacy | null = null;
/** Placeholders per conversation, so its messages are saved with the ones the model saw. */
const mappings = new Map<string, ConversationRecord['piiMapping']>();

/**
 * What every later save writes: the originals (default) or placeholders (`history.keepOriginals: false`).
 * Set by the panel from the settings in force, before it saves anything.
 */
export function setHistoryPrivacy(next: HistoryPrivacy | null): void {
  privacy = next;
}

// The two saves below are the hot path (every 500 ms while streaming): each holds only the two stores it
// writes, in one transaction with no reads.
export async function saveConversation(conversation: ConversationRecord): Promise<void> {
  mappings.set(conversation.id, conversation.piiMapping);
  const stored = privacy ? conversationForHistory(conversation, privacy) : conversation;
  await historyWrite(() =>
    db.transaction('rw', db.conversations, db.searchIndex, () =>
      Promise.all([db.conversations.put(stored), markUnindexed(conversation.id)]),
    ),
  );
  indexSoon();
}

/** Also called every 500 ms while an answer streams: only the last of such writes is indexed. */
export async function saveMessage(message: MessageRecord): Promise<void> {
  const mapping = mappings.get(message.conversationId) ?? [];
  const stored = privacy ? messageForHistory(message, mapping, privacy) : message;
  await historyWrite(() =>
    db.transaction('rw', db.messages, db.searchIndex, () =>
      Promise.all([db.messages.put(stored), markUnindexed(message.conversationId)]),
    ),
  );
  indexSoon();
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
    await markUnindexed(id);
  });
  indexSoon();
}

export async function deleteMessage(id: string): Promise<void> {
  await writeTransaction(async () => {
    const message = await db.messages.get(id);
    await db.messages.delete(id);
    if (message) await markUnindexed(message.conversationId);
  });
  indexSoon();
}

/** "Delete all history": every conversation, message and index entry, in one transaction. */
export async function deleteAllHistory(): Promise<void> {
  // Nothing is left to index: a pause-timer set by an earlier write must not run into the emptied database.
  clearTimeout(indexTimer);
  await writeTransaction(async () => {
    await db.messages.clear();
    await db.conversations.clear();
    await clearSearchIndex();
  });
  forgetLoadedIndex();
}

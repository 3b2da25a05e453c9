import Dexie, { type Transaction } from 'dexie';
import type { ConversationRecord, MessageRecord } from '../db';
import {
  buildSegment,
  emptyMeta,
  type IndexMeta,
  type PendingDoc,
  pendingDoc,
  SEGMENT_SIZE,
  type SearchIndexRecord,
  segmentKey,
} from '../index-format';

/**
 * Version 2 adds the `searchIndex` table. Conversations saved by version 1 are indexed here, in the upgrade
 * transaction, so old history is searchable the moment the new version opens the database.
 */
export async function addSearchIndex(transaction: Transaction): Promise<void> {
  const conversations = transaction.table<ConversationRecord, string>('conversations');
  const messages = transaction.table<MessageRecord, string>('messages');
  const index = transaction.table<SearchIndexRecord, string>('searchIndex');
  const meta: IndexMeta = emptyMeta();
  let batch: PendingDoc[] = [];
  const all = await conversations.orderBy('updatedAt').toArray();
  for (const conversation of all) {
    const own = await messages
      .where('[conversationId+createdAt]')
      .between([conversation.id, Dexie.minKey], [conversation.id, Dexie.maxKey])
      .toArray();
    batch.push(pendingDoc(conversation, own));
    if (batch.length === SEGMENT_SIZE) {
      await index.put(buildSegment(segmentKey(meta.nextSegment, batch), batch));
      meta.nextSegment += 1;
      batch = [];
    }
  }
  // The remainder stays pending, exactly as if it had just been written.
  await index.bulkPut(batch);
  meta.generation = 1;
  await index.put(meta);
}

import type { Transaction } from 'dexie';
import type { MessageRecord } from '../db';
import { placesFor } from '../order';

/**
 * Version 3 gives every message its place in the conversation (`seq`, see order.ts). Messages saved before
 * had only `createdAt`, shared by a question and its answer: the question goes first.
 */
export async function addMessageOrder(transaction: Transaction): Promise<void> {
  const messages = transaction.table<Omit<MessageRecord, 'seq'>, string>('messages');
  const byConversation = new Map<string, Omit<MessageRecord, 'seq'>[]>();
  await messages.each((message) => {
    byConversation.set(message.conversationId, [
      ...(byConversation.get(message.conversationId) ?? []),
      message,
    ]);
  });
  await messages.bulkPut([...byConversation.values()].flatMap((own) => placesFor(own)));
}

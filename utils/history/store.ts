import Dexie from 'dexie';
import { type ConversationRecord, db, type MessageRecord } from './db';

export interface Conversation {
  conversation: ConversationRecord;
  messages: MessageRecord[];
}

export async function saveConversation(conversation: ConversationRecord): Promise<void> {
  await db.conversations.put(conversation);
}

export async function saveMessage(message: MessageRecord): Promise<void> {
  await db.messages.put(message);
}

/** Newest first. */
export async function listConversations(limit = 200): Promise<ConversationRecord[]> {
  return db.conversations.orderBy('updatedAt').reverse().limit(limit).toArray();
}

export async function loadConversation(id: string): Promise<Conversation | undefined> {
  const conversation = await db.conversations.get(id);
  if (!conversation) return undefined;
  const messages = await db.messages
    .where('[conversationId+createdAt]')
    .between([id, Dexie.minKey], [id, Dexie.maxKey])
    .toArray();
  return { conversation, messages };
}

export async function deleteConversation(id: string): Promise<void> {
  await db.transaction('rw', db.conversations, db.messages, async () => {
    await db.messages
      .where('[conversationId+createdAt]')
      .between([id, Dexie.minKey], [id, Dexie.maxKey])
      .delete();
    await db.conversations.delete(id);
  });
}

export async function deleteMessage(id: string): Promise<void> {
  await db.messages.delete(id);
}

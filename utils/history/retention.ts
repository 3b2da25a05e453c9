import { db } from './db';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes conversations last updated before the cutoff, with their messages. Returns how many. */
export async function pruneHistory(olderThanMs: number): Promise<number> {
  return db.transaction('rw', db.conversations, db.messages, async () => {
    const old = await db.conversations.where('updatedAt').below(olderThanMs).primaryKeys();
    if (old.length === 0) return 0;
    const doomed = new Set(old);
    await db.messages.filter((message) => doomed.has(message.conversationId)).delete();
    await db.conversations.bulkDelete(old);
    return old.length;
  });
}

/** Applies `history.retentionDays` (0 keeps everything). */
export async function applyRetention(retentionDays: number, now = Date.now()): Promise<number> {
  if (retentionDays <= 0) return 0;
  return pruneHistory(now - retentionDays * DAY_MS);
}

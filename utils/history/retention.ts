import { db } from './db';
import { historyWrite } from './errors';
import { forgetOlderThan } from './search-index';
import { messagesOf } from './store';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes conversations last updated before the cutoff (ms since epoch), with their messages and index
 * entries, in one transaction. Returns how many conversations were deleted.
 */
export async function pruneHistory(olderThanMs: number): Promise<number> {
  return historyWrite(() =>
    db.transaction('rw', db.conversations, db.messages, db.searchIndex, async () => {
      const old = await db.conversations.where('updatedAt').below(olderThanMs).primaryKeys();
      if (old.length === 0) return 0;
      for (const id of old) await messagesOf(id).delete();
      await db.conversations.bulkDelete(old);
      await forgetOlderThan(olderThanMs, old);
      return old.length;
    }),
  );
}

/** Applies `history.retentionDays` (0 keeps everything). */
export async function applyRetention(retentionDays: number, now = Date.now()): Promise<number> {
  if (retentionDays <= 0) return 0;
  return pruneHistory(now - retentionDays * DAY_MS);
}

import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { db } from '../../utils/history/db';
import { searchHistory } from '../../utils/history/search';
import { loadConversation } from '../../utils/history/store';
import { conversation, DAY, JUNE_2_MORNING, message, officeHistory } from './history-fixtures';

/** Version 1 exactly as the first release declared it (frozen: do not import it from db.ts). */
function versionOneDatabase() {
  const old = new Dexie('tatakidai');
  old.version(1).stores({
    conversations: 'id, updatedAt, kind',
    messages: 'id, [conversationId+createdAt]',
  });
  return old;
}

describe('upgrading the history database from version 1 to 2', () => {
  it('keeps every conversation and message and makes the old history searchable', async () => {
    const { conversations, messages } = officeHistory();
    // Enough conversations that the upgrade builds a full segment and leaves some pending.
    for (let index = 0; index < 600; index += 1) {
      conversations.push(
        conversation({
          id: `c-old-${index}`,
          title: `要約する: 第${index}号 広報記事の確認`,
          updatedAt: JUNE_2_MORNING - index * DAY,
        }),
      );
      messages.push(
        message({
          id: `m-old-${index}`,
          conversationId: `c-old-${index}`,
          role: 'assistant',
          content: index === 321 ? '- 防災無線の試験放送は毎月第1水曜日' : '- 広報記事の誤字はありません',
          createdAt: JUNE_2_MORNING - index * DAY + 1,
        }),
      );
    }
    const old = versionOneDatabase();
    await old.table('conversations').bulkPut(conversations);
    await old.table('messages').bulkPut(messages);
    const before = {
      conversations: await old.table('conversations').toArray(),
      messages: await old.table('messages').toArray(),
    };
    old.close();

    await db.open();

    expect(db.verno).toBe(2);
    expect(db.name).toBe('tatakidai');
    expect(db.tables.map((table) => table.name).sort()).toEqual(['conversations', 'messages', 'searchIndex']);
    expect(await db.conversations.toArray()).toEqual(before.conversations);
    expect(await db.messages.toArray()).toEqual(before.messages);
    expect((await loadConversation('c-gikai'))?.messages.map((entry) => entry.id)).toEqual([
      'm-gikai-q',
      'm-gikai-a',
    ]);
    const hits = await (await searchHistory('議会答弁')).nextPage(10);
    expect(hits.map((hit) => hit.conversation.id)).toEqual(['c-gikai', 'c-madoguchi']);
    const old321 = await (await searchHistory('防災無線')).nextPage(10);
    expect(old321.map((hit) => hit.conversation.id)).toEqual(['c-old-321']);
    expect((await searchHistory('')).candidates).toBe(603);
  });
});

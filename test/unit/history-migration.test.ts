import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
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

afterEach(async () => {
  db.close();
  await Dexie.delete('tatakidai');
});

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
    // Version 1 messages had no place of their own.
    await old.table('messages').bulkPut(messages.map(({ seq: _, ...rest }) => rest));
    const before = {
      conversations: await old.table('conversations').toArray(),
      messages: await old.table('messages').toArray(),
    };
    old.close();

    await db.open();

    expect(db.verno).toBe(3);
    expect(db.name).toBe('tatakidai');
    expect(db.tables.map((table) => table.name).sort()).toEqual(['conversations', 'messages', 'searchIndex']);
    expect(await db.conversations.toArray()).toEqual(before.conversations);
    expect((await db.messages.toArray()).map(({ seq: _, ...rest }) => rest)).toEqual(before.messages);
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

/** Version 2 exactly as it was declared (frozen): messages had no place of their own. */
function versionTwoDatabase() {
  const old = versionOneDatabase();
  old.version(2).stores({ searchIndex: 'key' });
  return old;
}

describe('upgrading the history database from version 2 to 3', () => {
  it('puts each question before the answer saved in the same millisecond, also after the upgrade', async () => {
    const at = JUNE_2_MORNING + 5 * DAY;
    const old = versionTwoDatabase();
    await old
      .table('conversations')
      .put(conversation({ id: 'c-hoikuryo', kind: 'chat', updatedAt: at + 10 }));
    // Ids chosen so that the old index (createdAt, then id) read the answers first.
    const saved = [
      { id: 'b-question', role: 'user', content: '保育料の軽減はいつからですか', createdAt: at },
      { id: 'a-answer', role: 'assistant', content: '令和8年度からです。', createdAt: at },
      { id: 'd-follow-up', role: 'user', content: '対象は何歳までですか', createdAt: at + 5 },
      { id: 'c-answer', role: 'assistant', content: '3歳から5歳までです。', createdAt: at + 5 },
    ] as const;
    await old
      .table('messages')
      .bulkPut(
        saved.map((entry) =>
          (({ seq: _, ...rest }) => rest)(message({ ...entry, conversationId: 'c-hoikuryo' })),
        ),
      );
    const oldOrder = await old
      .table('messages')
      .where('[conversationId+createdAt]')
      .between(['c-hoikuryo', Dexie.minKey], ['c-hoikuryo', Dexie.maxKey])
      .primaryKeys();
    expect(oldOrder).toEqual(['a-answer', 'b-question', 'c-answer', 'd-follow-up']);
    old.close();

    await db.open();

    expect(db.verno).toBe(3);
    const loaded = await loadConversation('c-hoikuryo');
    expect(loaded?.messages.map((entry) => entry.id)).toEqual([
      'b-question',
      'a-answer',
      'd-follow-up',
      'c-answer',
    ]);
    expect(loaded?.messages.map((entry) => entry.content)).toEqual(saved.map((entry) => entry.content));
  });
});

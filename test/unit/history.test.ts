import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../utils/history/db';
import { forgetLoadedIndex } from '../../utils/history/search-index';
import {
  deleteAllHistory,
  deleteConversation,
  deleteMessage,
  listConversations,
  loadConversation,
  saveConversation,
  saveMessage,
} from '../../utils/history/store';
import { conversation, JUNE_2_MORNING, message } from './history-fixtures';

const MINUTE = 60_000;

// Each test starts from an empty database and search index, whatever ran before it (tests run shuffled).
beforeEach(async () => {
  await deleteAllHistory();
  forgetLoadedIndex();
});

describe('the history database', () => {
  it('is stored in IndexedDB as "tatakidai" with conversations and messages (retention rules rely on it)', async () => {
    await saveConversation(conversation({ id: 'c-contract' }));
    expect(db.name).toBe('tatakidai');

    const names = (await indexedDB.databases()).map((info) => info.name);
    expect(names).toContain('tatakidai');

    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('tatakidai');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      expect([...raw.objectStoreNames].sort()).toEqual(['conversations', 'messages', 'searchIndex']);
    } finally {
      raw.close();
    }
  });
});

describe('saving and reopening a conversation', () => {
  it('reopens a summary with its question and answer, in the order they were written', async () => {
    const id = 'c-juminzei';
    await saveConversation(conversation({ id }));
    // Saved out of order (and with ids that sort the other way) to show the order comes from createdAt.
    await saveMessage(
      message({
        id: 'm-a',
        conversationId: id,
        role: 'assistant',
        content: '- 第1期の納付期限は6月30日\n- 収納課窓口・金融機関・コンビニで納付可',
        createdAt: JUNE_2_MORNING + 2000,
      }),
    );
    await saveMessage(
      message({
        id: 'm-z',
        conversationId: id,
        role: 'user',
        content: '<document>\n令和7年度の住民税（普通徴収）の第1期納付期限は6月30日です。\n</document>',
        createdAt: JUNE_2_MORNING + 1000,
      }),
    );
    await saveMessage(
      message({
        id: 'm-m',
        conversationId: id,
        role: 'user',
        content: '口座振替の申込方法も教えてください。',
        createdAt: JUNE_2_MORNING + 3000,
      }),
    );

    const loaded = await loadConversation(id);
    expect(loaded?.conversation.title).toBe('要約する: 令和7年度 住民税の納付について');
    expect(loaded?.messages.map((entry) => [entry.role, entry.content.slice(0, 10)])).toEqual([
      ['user', '<document>'],
      ['assistant', '- 第1期の納付期限'],
      ['user', '口座振替の申込方法も'],
    ]);
  });

  it('does not mix in messages from another conversation', async () => {
    await saveConversation(conversation({ id: 'c-1' }));
    await saveConversation(
      conversation({ id: 'c-10', kind: 'chat', action: undefined, title: '議事録の書き方' }),
    );
    await saveMessage(
      message({
        id: 'm-1',
        conversationId: 'c-1',
        role: 'user',
        content: '住民税',
        createdAt: JUNE_2_MORNING,
      }),
    );
    await saveMessage(
      message({
        id: 'm-2',
        conversationId: 'c-10',
        role: 'user',
        content: '議事録のひな形を作って',
        createdAt: JUNE_2_MORNING,
      }),
    );

    expect((await loadConversation('c-1'))?.messages.map((entry) => entry.id)).toEqual(['m-1']);
    expect((await loadConversation('c-10'))?.messages.map((entry) => entry.id)).toEqual(['m-2']);
  });

  it('finds nothing for a conversation that was never saved', async () => {
    expect(await loadConversation('c-unknown')).toBeUndefined();
  });

  it('keeps the final answer when a partial answer was saved while it was still streaming', async () => {
    const id = 'c-streaming';
    await saveConversation(conversation({ id, status: 'interrupted' }));
    const started = JUNE_2_MORNING + 1000;
    const partial = message({
      id: 'm-answer',
      conversationId: id,
      role: 'assistant',
      content: '- 第1期の納付期限は',
      status: 'interrupted',
      createdAt: started,
    });
    await saveMessage(partial);
    await saveMessage({ ...partial, content: '- 第1期の納付期限は6月30日', updatedAt: started + 500 });
    await saveMessage({
      ...partial,
      content: '- 第1期の納付期限は6月30日\n- 納付書で窓口・コンビニ払い可',
      status: 'complete',
      updatedAt: started + 1200,
    });
    await saveConversation(conversation({ id, status: 'complete', updatedAt: started + 1200 }));

    const loaded = await loadConversation(id);
    expect(loaded?.conversation.status).toBe('complete');
    expect(loaded?.messages).toHaveLength(1);
    expect(loaded?.messages[0]).toMatchObject({
      content: '- 第1期の納付期限は6月30日\n- 納付書で窓口・コンビニ払い可',
      status: 'complete',
      createdAt: started,
    });
  });

  it('keeps the text received so far when an answer was cut off', async () => {
    const id = 'c-cut';
    await saveConversation(conversation({ id, status: 'interrupted' }));
    await saveMessage(
      message({
        id: 'm-cut',
        conversationId: id,
        role: 'assistant',
        content: '- 申請には本人確認書類が',
        status: 'interrupted',
        errorKind: 'network',
        createdAt: JUNE_2_MORNING,
      }),
    );
    expect((await loadConversation(id))?.messages[0]).toMatchObject({
      content: '- 申請には本人確認書類が',
      status: 'interrupted',
      errorKind: 'network',
    });
  });
});

describe('the history list', () => {
  it('shows the most recently used conversation first', async () => {
    await saveConversation(
      conversation({ id: 'c-monday', title: '月曜: 会議録の要約', updatedAt: JUNE_2_MORNING }),
    );
    await saveConversation(
      conversation({
        id: 'c-wednesday',
        title: '水曜: 案内文の翻訳',
        updatedAt: JUNE_2_MORNING + 2 * 24 * 60 * MINUTE,
      }),
    );
    await saveConversation(
      conversation({
        id: 'c-tuesday',
        title: '火曜: 通知文の校正',
        updatedAt: JUNE_2_MORNING + 24 * 60 * MINUTE,
      }),
    );

    expect((await listConversations()).map((entry) => entry.title)).toEqual([
      '水曜: 案内文の翻訳',
      '火曜: 通知文の校正',
      '月曜: 会議録の要約',
    ]);
  });

  it('moves an older conversation to the top when the user follows up in it', async () => {
    await saveConversation(conversation({ id: 'c-old', title: '古い会話', updatedAt: JUNE_2_MORNING }));
    await saveConversation(
      conversation({ id: 'c-new', title: '新しい会話', updatedAt: JUNE_2_MORNING + MINUTE }),
    );
    await saveConversation(
      conversation({ id: 'c-old', title: '古い会話', updatedAt: JUNE_2_MORNING + 2 * MINUTE }),
    );

    expect((await listConversations()).map((entry) => entry.id)).toEqual(['c-old', 'c-new']);
  });

  it('shows only as many conversations as asked, newest first', async () => {
    for (let day = 1; day <= 5; day += 1) {
      await saveConversation(
        conversation({
          id: `c-day${day}`,
          title: `6月${day}日の相談`,
          updatedAt: JUNE_2_MORNING + day * MINUTE,
        }),
      );
    }
    expect((await listConversations(2)).map((entry) => entry.id)).toEqual(['c-day5', 'c-day4']);
  });
});

describe('deleting from the history', () => {
  it('removes the conversation and all its messages but leaves other conversations intact', async () => {
    await saveConversation(conversation({ id: 'c-delete', title: '削除する会話' }));
    await saveConversation(conversation({ id: 'c-keep', title: '残す会話' }));
    for (const [index, conversationId] of ['c-delete', 'c-delete', 'c-keep'].entries()) {
      await saveMessage(
        message({
          id: `m-${index}`,
          conversationId,
          role: index % 2 === 0 ? 'user' : 'assistant',
          content: `国民健康保険の手続き ${index}`,
          createdAt: JUNE_2_MORNING + index,
        }),
      );
    }

    await deleteConversation('c-delete');

    expect(await loadConversation('c-delete')).toBeUndefined();
    expect((await db.messages.toArray()).map((entry) => entry.conversationId)).toEqual(['c-keep']);
    expect((await listConversations()).map((entry) => entry.id)).toEqual(['c-keep']);
    expect((await loadConversation('c-keep'))?.messages.map((entry) => entry.content)).toEqual([
      '国民健康保険の手続き 2',
    ]);
  });

  it('removes a single failed answer without touching the question', async () => {
    await saveConversation(conversation({ id: 'c-retry' }));
    await saveMessage(
      message({
        id: 'm-q',
        conversationId: 'c-retry',
        role: 'user',
        content: '要約して',
        createdAt: JUNE_2_MORNING,
      }),
    );
    await saveMessage(
      message({
        id: 'm-failed',
        conversationId: 'c-retry',
        role: 'assistant',
        content: '',
        status: 'error',
        errorKind: 'rate-limited',
        createdAt: JUNE_2_MORNING + 1,
      }),
    );

    await deleteMessage('m-failed');

    expect((await loadConversation('c-retry'))?.messages.map((entry) => entry.id)).toEqual(['m-q']);
  });
});

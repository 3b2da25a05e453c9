import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { type ConversationRecord, db, type MessageRecord } from '../../utils/history/db';
import {
  type ExportedConversation,
  exportHistory,
  exportToJson,
  exportToMarkdown,
} from '../../utils/history/export';
import { importHistory, importHistoryFile, MAX_IMPORT_BYTES } from '../../utils/history/import';
import { searchHistory } from '../../utils/history/search';
import { forgetLoadedIndex } from '../../utils/history/search-index';
import { deleteAllHistory, loadConversation, saveConversation, saveMessage } from '../../utils/history/store';
import { conversation, JUNE_2_MORNING, message, officeHistory } from './history-fixtures';

async function seedOffice() {
  const { conversations, messages } = officeHistory();
  for (const entry of conversations) await saveConversation(entry);
  for (const entry of messages) await saveMessage(entry);
}

async function snapshot() {
  return {
    conversations: await db.conversations.orderBy('id').toArray(),
    messages: await db.messages.orderBy('id').toArray(),
    index: await db.searchIndex.count(),
  };
}

beforeEach(async () => {
  await deleteAllHistory();
  forgetLoadedIndex();
});

describe('export and import', () => {
  it('has a file format that carries every field of a conversation and a message (a new field fails here)', () => {
    expectTypeOf<Omit<ExportedConversation, 'messages'>>().toEqualTypeOf<ConversationRecord>();
    expectTypeOf<Omit<ExportedConversation['messages'][number], 'seq'>>().toEqualTypeOf<
      Omit<MessageRecord, 'conversationId' | 'seq'>
    >();
    // Optional in the file: files written before messages had a place are still read.
    expectTypeOf<ExportedConversation['messages'][number]['seq']>().toEqualTypeOf<number | undefined>();
  });

  it('keeps the personal data behind placeholders, so imported answers still show the real values', async () => {
    const { conversations } = officeHistory();
    const [first] = conversations;
    if (!first) throw new Error('no fixture');
    await saveConversation({
      ...first,
      piiMapping: [{ placeholder: '[電話番号1]', original: '0287-43-1111', detector: 'phone' }],
    });
    const file = exportToJson(await exportHistory());
    await deleteAllHistory();
    expect(await importHistory(file)).toMatchObject({ ok: true, added: 1 });
    expect((await loadConversation(first.id))?.conversation.piiMapping).toEqual([
      { placeholder: '[電話番号1]', original: '0287-43-1111', detector: 'phone' },
    ]);
  });

  it('restores the same history, searchable, after export → delete all → import', async () => {
    await seedOffice();
    const before = await snapshot();
    const file = exportToJson(await exportHistory(undefined, new Date(JUNE_2_MORNING)));
    await deleteAllHistory();
    expect(await db.conversations.count()).toBe(0);

    expect(await importHistory(file)).toEqual({ ok: true, added: 3, updated: 0, kept: 0 });

    const after = await snapshot();
    expect(after.conversations).toEqual(before.conversations);
    expect(after.messages).toEqual(before.messages);
    const hits = await (await searchHistory('議会答弁')).nextPage(10);
    expect(hits.map((hit) => hit.conversation.id)).toEqual(['c-gikai', 'c-madoguchi']);
  });

  it('writes a versioned file with messages inside their conversations', async () => {
    await seedOffice();
    const exported = await exportHistory(['c-gikai'], new Date(JUNE_2_MORNING));
    expect(exported).toMatchObject({
      format: 'tatakidai-history',
      version: 1,
      exportedAt: '2025-06-02T00:30:00.000Z',
      conversations: [{ id: 'c-gikai', messages: [{ id: 'm-gikai-q' }, { id: 'm-gikai-a' }] }],
    });
  });

  it('never replaces a newer conversation with an older copy, and takes a newer one', async () => {
    await seedOffice();
    const exported = await exportHistory(undefined, new Date(JUNE_2_MORNING));
    const local = await loadConversation('c-gikai');
    if (!local) throw new Error('seed missing');
    await saveConversation({
      ...local.conversation,
      title: '議会答弁案（修正後）',
      updatedAt: JUNE_2_MORNING + 10 ** 9,
    });
    const madoguchi = exported.conversations.find((entry) => entry.id === 'c-madoguchi');
    if (!madoguchi) throw new Error('export missing');
    madoguchi.title = '丁寧にする: 窓口での苦情への回答（別PCで更新）';
    madoguchi.updatedAt += 1000;

    expect(await importHistory(exportToJson(exported))).toEqual({ ok: true, added: 0, updated: 1, kept: 2 });
    expect((await loadConversation('c-gikai'))?.conversation.title).toBe('議会答弁案（修正後）');
    expect((await loadConversation('c-madoguchi'))?.conversation.title).toBe(
      '丁寧にする: 窓口での苦情への回答（別PCで更新）',
    );
  });

  it('writes Markdown for reading, with who said what', async () => {
    await seedOffice();
    const markdown = exportToMarkdown(await exportHistory(['c-gikai']), {
      you: 'あなた',
      assistant: 'AI',
      page: 'ページ',
      model: 'モデル',
      changes: '修正点',
      formatDate: () => '2025/06/04',
      status: () => undefined,
      modelLabel: (id) => (id === 'claude-sonnet-4-5' ? 'Claude（議会用）' : id),
    });
    expect(markdown).toContain('- モデル: Claude（議会用）');
    expect(markdown).toContain('## 令和7年第3回定例会の議会答弁案');
    expect(markdown).toContain('### あなた\n\n子育て支援の拡充について');
    expect(markdown).toContain('### AI\n\nご質問の子育て支援');
  });
});

describe('exports and imports keep what the user saw, in order', () => {
  const labels = {
    you: 'あなた',
    assistant: 'AI',
    page: 'ページ',
    model: 'モデル',
    changes: '修正点',
    formatDate: () => '2025年6月4日',
    status: () => undefined,
    modelLabel: (id: string) => id,
  };

  it('writes a proofread as its text and changes, without the prompt or the answer tags', async () => {
    const input = '窓口は混んでるので予約してね。';
    await saveConversation(
      conversation({ id: 'c-kousei', action: 'proofread', title: '校正する: 窓口', input }),
    );
    await saveMessage(
      message({
        id: 'm-q',
        conversationId: 'c-kousei',
        role: 'user',
        content: `次の文章を校正してください。\n<document>\n${input}\n</document>`,
        createdAt: JUNE_2_MORNING,
      }),
    );
    await saveMessage(
      message({
        id: 'm-a',
        conversationId: 'c-kousei',
        role: 'assistant',
        content:
          '<corrected>\n窓口は混雑していますので、予約をお勧めします。\n</corrected>\n<changes>\n- 「混んでる」を「混雑しています」に\n</changes>',
        createdAt: JUNE_2_MORNING,
      }),
    );
    const markdown = exportToMarkdown(await exportHistory(['c-kousei']), labels);
    expect(markdown).toContain(
      `### あなた\n\n${input}\n\n### AI\n\n窓口は混雑していますので、予約をお勧めします。`,
    );
    expect(markdown).toContain('修正点:\n- 「混んでる」を「混雑しています」に');
    expect(markdown).not.toMatch(/<document>|<corrected>|<changes>|校正してください/u);
  });

  it('puts the question first when an older file lists an answer of the same millisecond before it', async () => {
    const file = {
      format: 'tatakidai-history',
      version: 1,
      exportedAt: '2025-06-04T09:00:00.000Z',
      conversations: [
        {
          ...conversation({ id: 'c-hoiku', kind: 'chat', action: undefined, input: undefined }),
          messages: [
            {
              id: 'a1',
              role: 'assistant',
              content: '令和8年度からです。',
              model: 'gpt-4.1-mini',
              status: 'complete',
              createdAt: JUNE_2_MORNING,
              updatedAt: JUNE_2_MORNING,
            },
            {
              id: 'q1',
              role: 'user',
              content: '保育料の軽減はいつから？',
              model: 'gpt-4.1-mini',
              status: 'complete',
              createdAt: JUNE_2_MORNING,
              updatedAt: JUNE_2_MORNING,
            },
          ],
        },
      ],
    };
    expect((await importHistory(JSON.stringify(file))).ok).toBe(true);
    expect((await loadConversation('c-hoiku'))?.messages.map((entry) => entry.id)).toEqual(['q1', 'a1']);
    const again = await exportHistory(['c-hoiku']);
    expect(again.conversations[0]?.messages.map((entry) => entry.id)).toEqual(['q1', 'a1']);
    await deleteAllHistory();
    expect((await importHistory(exportToJson(again))).ok).toBe(true);
    expect((await loadConversation('c-hoiku'))?.messages.map((entry) => entry.id)).toEqual(['q1', 'a1']);
  });
});

describe('importing a broken or hostile file', () => {
  async function expectUnchanged(text: string) {
    await seedOffice();
    const before = await snapshot();
    const outcome = await importHistory(text);
    expect(await snapshot()).toEqual(before);
    if (outcome.ok) throw new Error('import should have been refused');
    return outcome.problem;
  }

  async function validFile() {
    await seedOffice();
    const file = JSON.parse(exportToJson(await exportHistory()));
    await deleteAllHistory();
    return file as { conversations: Record<string, unknown>[] };
  }

  it('says a file that is not JSON is not JSON', async () => {
    expect((await expectUnchanged('議会答弁,2025-06-02\n')).kind).toBe('not-json');
  });

  it('says a JSON file of another kind is not a Tatakidai history', async () => {
    expect(await expectUnchanged('{"format":"chatgpt","conversations":[]}')).toEqual({
      kind: 'wrong-format',
    });
    expect(await expectUnchanged('[1,2,3]')).toEqual({ kind: 'wrong-format' });
  });

  it('says which version it cannot read', async () => {
    expect(await expectUnchanged('{"format":"tatakidai-history","version":7,"conversations":[]}')).toEqual({
      kind: 'unsupported-version',
      version: '7',
    });
  });

  it('refuses prototype-pollution keys and pollutes nothing', async () => {
    const file = await validFile();
    const text = exportToJson(file as never).replace('"title"', '"__proto__":{"polluted":true},"title"');
    expect(await expectUnchanged(text)).toEqual({ kind: 'forbidden-key', key: '__proto__' });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const nested = '{"format":"tatakidai-history","version":1,"constructor":{"prototype":{"x":1}}}';
    expect((await expectUnchanged(nested)).kind).toBe('forbidden-key');
  });

  it('names the field with a wrong type, in Japanese', async () => {
    const file = await validFile();
    const first = file.conversations[0];
    if (!first) throw new Error('no conversation');
    first.updatedAt = '昨日';
    const problem = await expectUnchanged(JSON.stringify(file));
    expect(problem.kind).toBe('invalid');
    if (problem.kind !== 'invalid') return;
    expect(problem.issues[0]?.path).toBe('conversations.0.updatedAt');
    expect(problem.issues[0]?.message).toMatch(/[ぁ-んァ-ン一-龥]/u);
  });

  it('refuses unknown keys rather than storing them', async () => {
    const file = await validFile();
    const first = file.conversations[0];
    if (!first) throw new Error('no conversation');
    first.apiKey = 'sk-should-not-be-here';
    expect((await expectUnchanged(JSON.stringify(file))).kind).toBe('invalid');
  });

  it('refuses a huge file before reading it', async () => {
    await seedOffice();
    const huge = {
      size: MAX_IMPORT_BYTES + 1,
      text: () => Promise.reject(new Error('read')),
    } as unknown as Blob;
    expect(await importHistoryFile(huge)).toEqual({
      ok: false,
      problem: { kind: 'too-large', maxBytes: MAX_IMPORT_BYTES },
    });
  });

  it('changes nothing when one conversation in the middle of the file is broken', async () => {
    const file = await validFile();
    const second = file.conversations[1];
    if (!second) throw new Error('no conversation');
    second.messages = [{ id: 'm-x', role: 'system', content: 1 }];
    expect((await expectUnchanged(JSON.stringify(file))).kind).toBe('invalid');
  });
});

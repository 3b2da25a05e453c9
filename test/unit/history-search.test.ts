import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../utils/history/db';
import { SEGMENT_SIZE } from '../../utils/history/index-format';
import { searchHistory } from '../../utils/history/search';
import { forgetLoadedIndex } from '../../utils/history/search-index';
import {
  deleteAllHistory,
  deleteConversation,
  indexNow,
  saveConversation,
  saveMessage,
} from '../../utils/history/store';
import { bigrams, fold, matchRanges, queryTerms, snippetAround } from '../../utils/history/text';
import { conversation, DAY, JUNE_2_MORNING, message, officeHistory } from './history-fixtures';

async function seedOffice() {
  const { conversations, messages } = officeHistory();
  for (const entry of conversations) await saveConversation(entry);
  for (const entry of messages) await saveMessage(entry);
}

async function titles(query: string, filters = {}) {
  const search = await searchHistory(query, filters);
  return (await search.nextPage(50)).map((hit) => hit.conversation.title);
}

beforeEach(async () => {
  await deleteAllHistory();
  forgetLoadedIndex();
});

describe('folding and bigrams', () => {
  it('treats full-width letters, digits and half-width katakana like their usual forms', () => {
    expect(fold('ＡＢＣ１２３ ｶﾅ Tax')).toBe('abc123 カナ tax');
  });

  it('splits a query on half- and full-width spaces', () => {
    expect(queryTerms('議会　答弁  Budget')).toEqual(['議会', '答弁', 'budget']);
  });

  it('makes one number per pair of characters, without pairs across spaces', () => {
    expect(bigrams('議会答弁').length).toBe(3);
    expect(bigrams('a b').length).toBe(0);
  });

  it('marks matches in the original text even when it was written in full-width letters', () => {
    expect(matchRanges('ＰＤＦで提出', ['pdf'])).toEqual([[0, 3]]);
    expect(matchRanges('議会答弁と議会', ['議会'])).toEqual([
      [0, 2],
      [5, 7],
    ]);
  });

  it('cuts a snippet around the first match and shifts the marks into it', () => {
    const long = `${'前置き'.repeat(40)}議会答弁の要点${'後書き'.repeat(40)}`;
    const snippet = snippetAround(long, ['議会答弁']);
    const [range] = snippet.ranges;
    expect(range && snippet.text.slice(range[0], range[1])).toBe('議会答弁');
    expect(snippet.text.startsWith('…')).toBe(true);
  });
});

describe('searching the history', () => {
  it('finds 議会答弁 inside 令和7年第3回定例会の議会答弁案 (Japanese without spaces)', async () => {
    await seedOffice();
    expect(await titles('議会答弁')).toContain('令和7年第3回定例会の議会答弁案');
  });

  it('ranks a match in the title above a match only in an answer', async () => {
    await seedOffice();
    expect(await titles('議会答弁')).toEqual([
      '令和7年第3回定例会の議会答弁案',
      '丁寧にする: 窓口での苦情への回答',
    ]);
  });

  it('finds text in inputs, answers and page titles, and English case-insensitively', async () => {
    await seedOffice();
    expect(await titles('平日に来て')).toEqual(['丁寧にする: 窓口での苦情への回答']);
    expect(await titles('保育料')).toEqual(['令和7年第3回定例会の議会答弁案']);
    expect(await titles('市民の声')).toEqual(['丁寧にする: 窓口での苦情への回答']);
    expect(await titles('BURNABLE')).toEqual(['Translate: garbage collection calendar']);
  });

  it('requires every term and drops conversations whose bigrams match but whose words do not', async () => {
    await seedOffice();
    expect(await titles('子育て 保育料')).toEqual(['令和7年第3回定例会の議会答弁案']);
    // 答弁 and 議会 both occur in the answer below, but never as 弁議.
    expect(await titles('答弁議会')).toEqual([]);
  });

  it('marks the query terms in the title and in a snippet of the answer', async () => {
    await seedOffice();
    const search = await searchHistory('保育料');
    const [hit] = await search.nextPage(10);
    const snippet = hit?.snippet;
    const range = snippet?.ranges[0];
    expect(snippet && range && snippet.text.slice(range[0], range[1])).toBe('保育料');
    const titleHit = (await (await searchHistory('定例会')).nextPage(1))[0]?.title;
    expect(titleHit?.ranges).toEqual([[7, 10]]);
  });

  it('filters by action, by model and by date', async () => {
    await seedOffice();
    expect(await titles('', { kind: 'chat' })).toEqual(['令和7年第3回定例会の議会答弁案']);
    expect(await titles('', { kind: 'polite' })).toEqual(['丁寧にする: 窓口での苦情への回答']);
    expect(await titles('議会答弁', { model: 'gpt-4.1-mini' })).toEqual(['丁寧にする: 窓口での苦情への回答']);
    expect(await titles('', { from: JUNE_2_MORNING + DAY, to: JUNE_2_MORNING + 2 * DAY })).toEqual([
      '丁寧にする: 窓口での苦情への回答',
    ]);
  });

  it('finds one-character searches such as 税, 市 and 課, alone and with other words', async () => {
    await seedOffice();
    await saveConversation(
      conversation({
        id: 'c-kazei',
        title: '課税証明の案内',
        input: '窓口は本庁舎1階です。',
        pageTitle: undefined,
      }),
    );
    expect(await titles('税')).toEqual(['課税証明の案内']);
    expect(await titles('課')).toEqual(['課税証明の案内']);
    expect(await titles('市')).toEqual([
      '丁寧にする: 窓口での苦情への回答',
      '令和7年第3回定例会の議会答弁案',
    ]);
    expect(await titles('市 保育料')).toEqual(['令和7年第3回定例会の議会答弁案']);
    expect(await titles('x')).toEqual([]);
    // Once packed into a segment, the same answers come from the segment's bigram keys.
    for (let day = 0; day < SEGMENT_SIZE; day += 1)
      await saveConversation(
        conversation({ id: `c-${day}`, title: `相談 ${day} 件目`, input: '', pageTitle: '' }),
      );
    await indexNow();
    expect(await db.searchIndex.where('key').startsWith('doc:').count()).toBe(0);
    expect(await titles('課')).toEqual(['課税証明の案内']);
    expect(await titles('税 課')).toEqual(['課税証明の案内']);
  });

  it('finds the latest text of an answer that was saved while streaming, not the earlier part', async () => {
    await saveConversation(conversation({ id: 'c-stream', status: 'interrupted' }));
    const partial = message({
      id: 'm-stream',
      conversationId: 'c-stream',
      role: 'assistant',
      content: '納付期限は',
      status: 'interrupted',
      createdAt: JUNE_2_MORNING,
    });
    await saveMessage(partial);
    await saveMessage({
      ...partial,
      content: '納付期限は6月30日、口座振替も利用できます。',
      updatedAt: JUNE_2_MORNING + 500,
    });
    expect(await titles('口座振替')).toEqual(['要約する: 令和7年度 住民税の納付について']);
  });

  it('forgets a deleted conversation and sees changes made after the index was loaded', async () => {
    await seedOffice();
    expect(await titles('保育料')).toHaveLength(1);
    await deleteConversation('c-gikai');
    expect(await titles('保育料')).toEqual([]);
  });

  it('still finds conversations after they were packed into a segment, and their later changes', async () => {
    for (let day = 0; day < SEGMENT_SIZE + 3; day += 1) {
      await saveConversation(
        conversation({
          id: `c-${day}`,
          title: day === 7 ? '児童手当の相談' : `相談 ${day} 件目`,
          updatedAt: JUNE_2_MORNING + day * DAY,
        }),
      );
    }
    await indexNow();
    expect(await db.searchIndex.where('key').startsWith('seg:').count()).toBe(1);
    expect(await titles('児童手当')).toEqual(['児童手当の相談']);
    await saveConversation(
      conversation({ id: 'c-7', title: '介護保険の申請', updatedAt: JUNE_2_MORNING + 900 * DAY }),
    );
    expect(await titles('児童手当')).toEqual([]);
    expect(await titles('介護保険')).toEqual(['介護保険の申請']);
    expect((await searchHistory('')).candidates).toBe(SEGMENT_SIZE + 3);
  });
});

describe('indexing after writes', () => {
  const unindexed = () => db.searchIndex.where('key').startsWith('new:').count();
  const pending = () => db.searchIndex.where('key').startsWith('doc:').count();

  it('indexes a streamed answer once, however many times it was written', async () => {
    await saveConversation(conversation({ id: 'c-mado', title: '窓口の案内' }));
    for (const sofar of ['転入届は', '転入届は14日以内に', '転入届は14日以内に市民課へ']) {
      await saveMessage(
        message({
          id: 'm-answer',
          conversationId: 'c-mado',
          role: 'assistant',
          content: sofar,
          createdAt: JUNE_2_MORNING,
        }),
      );
    }
    expect(await unindexed()).toBe(1);
    expect(await pending()).toBe(0);
    await indexNow();
    expect(await unindexed()).toBe(0);
    expect(await pending()).toBe(1);
    expect(await titles('市民課')).toEqual(['窓口の案内']);
  });

  it('finds what was written just before the panel closed, without waiting for the indexer', async () => {
    await saveConversation(conversation({ id: 'c-hoiku', title: '保育園の入園申込' }));
    // A new panel: nothing in memory, the write only marked.
    forgetLoadedIndex();
    expect(await titles('入園')).toEqual(['保育園の入園申込']);
    expect(await unindexed()).toBe(0);
  });

  it('forgets a conversation deleted before it was indexed', async () => {
    await saveConversation(conversation({ id: 'c-gomi', title: '粗大ごみの出し方' }));
    await deleteConversation('c-gomi');
    await indexNow();
    expect(await pending()).toBe(0);
    expect(await titles('粗大ごみ')).toEqual([]);
  });
});

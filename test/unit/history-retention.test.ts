import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../utils/history/db';
import { exportHistory, exportToJson } from '../../utils/history/export';
import { importHistory } from '../../utils/history/import';
import { SEGMENT_SIZE } from '../../utils/history/index-format';
import { applyRetention, pruneHistory } from '../../utils/history/retention';
import { searchHistory } from '../../utils/history/search';
import { forgetLoadedIndex } from '../../utils/history/search-index';
import { deleteAllHistory, loadConversation, saveConversation, saveMessage } from '../../utils/history/store';
import { conversation, DAY, JUNE_2_MORNING, message } from './history-fixtures';

beforeEach(async () => {
  await deleteAllHistory();
  forgetLoadedIndex();
});

async function seedDays(days: number) {
  for (let day = 0; day < days; day += 1) {
    const id = `c-day-${day}`;
    await saveConversation(
      conversation({ id, title: `${day}日前: 国民健康保険の相談`, updatedAt: JUNE_2_MORNING - day * DAY }),
    );
    await saveMessage(
      message({
        id: `m-day-${day}`,
        conversationId: id,
        role: 'assistant',
        content: '保険証の切替',
        createdAt: JUNE_2_MORNING - day * DAY,
      }),
    );
  }
}

describe('retention', () => {
  it('deletes conversations last used before the cutoff, with their messages, and says how many', async () => {
    await seedDays(10);
    const deleted = await pruneHistory(JUNE_2_MORNING - 6.5 * DAY);
    expect(deleted).toBe(3);
    expect((await db.conversations.orderBy('updatedAt').primaryKeys()).length).toBe(7);
    expect(await loadConversation('c-day-9')).toBeUndefined();
    expect((await db.messages.toArray()).map((entry) => entry.conversationId).sort()).toEqual(
      Array.from({ length: 7 }, (_, day) => `c-day-${day}`).sort(),
    );
  });

  it('keeps a conversation that was used again recently even though it was started long ago', async () => {
    await saveConversation(
      conversation({ id: 'c-old-but-used', createdAt: JUNE_2_MORNING - 90 * DAY, updatedAt: JUNE_2_MORNING }),
    );
    expect(await applyRetention(30, JUNE_2_MORNING + DAY)).toBe(0);
    expect(await loadConversation('c-old-but-used')).toBeDefined();
  });

  it('keeps everything when retention is 0 days', async () => {
    await seedDays(3);
    expect(await applyRetention(0, JUNE_2_MORNING + 1000 * DAY)).toBe(0);
    expect(await db.conversations.count()).toBe(3);
  });

  it('no longer finds pruned conversations in a search', async () => {
    await seedDays(5);
    expect((await searchHistory('国民健康保険')).candidates).toBe(5);
    await applyRetention(2, JUNE_2_MORNING + DAY / 2);
    const hits = await (await searchHistory('国民健康保険')).nextPage(10);
    expect(hits.map((hit) => hit.conversation.id)).toEqual(['c-day-0', 'c-day-1']);
  });

  it('drops the index segments of pruned conversations without reading them', async () => {
    await seedDays(1);
    const file = await exportHistory();
    const [template] = file.conversations;
    if (!template) throw new Error('no seed');
    file.conversations = Array.from({ length: SEGMENT_SIZE }, (_, index) => ({
      ...template,
      id: `c-2023-${index}`,
      title: `令和5年の相談 ${index}`,
      updatedAt: JUNE_2_MORNING - 400 * DAY + index,
      messages: [],
    }));
    await importHistory(exportToJson(file));
    expect(await db.searchIndex.where('key').startsWith('seg:').count()).toBe(1);

    expect(await applyRetention(365, JUNE_2_MORNING)).toBe(SEGMENT_SIZE);

    expect(await db.searchIndex.where('key').startsWith('seg:').count()).toBe(0);
    expect((await searchHistory('')).candidates).toBe(1);
  });
});

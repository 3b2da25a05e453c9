import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../utils/history/db';
import { HistoryWriteError } from '../../utils/history/errors';
import { importHistory } from '../../utils/history/import';
import { searchHistory } from '../../utils/history/search';
import { forgetLoadedIndex } from '../../utils/history/search-index';
import { deleteAllHistory, loadConversation, saveConversation, saveMessage } from '../../utils/history/store';
import { conversation, JUNE_2_MORNING, message } from './history-fixtures';

function storageFull() {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

beforeEach(async () => {
  await deleteAllHistory();
  forgetLoadedIndex();
});

describe('when IndexedDB is full', () => {
  it('says so with kind "quota" and leaves the database exactly as it was', async () => {
    await saveConversation(conversation({ id: 'c-kept', title: '住民税の納付' }));
    vi.spyOn(db.searchIndex, 'put').mockRejectedValueOnce(storageFull());

    const failed = saveConversation(conversation({ id: 'c-new', title: '議会答弁案' }));

    await expect(failed).rejects.toBeInstanceOf(HistoryWriteError);
    await expect(failed).rejects.toMatchObject({ kind: 'quota' });
    // The conversation row and its index entry were one transaction: neither was written.
    expect(await loadConversation('c-new')).toBeUndefined();
    expect((await db.conversations.toArray()).map((entry) => entry.id)).toEqual(['c-kept']);
    expect((await searchHistory('住民税')).candidates).toBe(1);
    expect((await searchHistory('議会答弁')).candidates).toBe(0);
  });

  it('keeps the part of an answer saved before the storage filled up', async () => {
    await saveConversation(conversation({ id: 'c-stream', status: 'interrupted' }));
    const answer = message({
      id: 'm-stream',
      conversationId: 'c-stream',
      role: 'assistant',
      content: '第1期の納付期限は',
      status: 'interrupted',
      createdAt: JUNE_2_MORNING,
    });
    await saveMessage(answer);
    vi.spyOn(db.messages, 'put').mockRejectedValueOnce(storageFull());

    await expect(saveMessage({ ...answer, content: '第1期の納付期限は6月30日です。' })).rejects.toMatchObject(
      {
        kind: 'quota',
      },
    );
    expect((await loadConversation('c-stream'))?.messages[0]?.content).toBe('第1期の納付期限は');
  });

  it('reports a failed import in words and imports nothing', async () => {
    vi.spyOn(db.messages, 'bulkPut').mockRejectedValueOnce(storageFull());
    const file = JSON.stringify({
      format: 'tatakidai-history',
      version: 1,
      exportedAt: '2025-06-04T09:00:00.000Z',
      conversations: [{ ...conversation({ id: 'c-import' }), messages: [] }],
    });
    expect(await importHistory(file)).toEqual({
      ok: false,
      problem: { kind: 'write-failed', cause: 'quota' },
    });
    expect(await db.conversations.count()).toBe(0);
  });
});

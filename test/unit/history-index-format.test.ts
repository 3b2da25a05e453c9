import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../utils/history/db';
import {
  buildSegment,
  currentSegment,
  hasBit,
  type LegacySegmentRecord,
  MERGE_COUNT,
  matchingBitmap,
  mergeSegments,
  type PendingDoc,
  pendingDoc,
  SEGMENT_SIZE,
} from '../../utils/history/index-format';
import { searchHistory } from '../../utils/history/search';
import { forgetLoadedIndex, indexMany, loadSearchIndex } from '../../utils/history/search-index';
import { deleteAllHistory, indexNow, saveConversation } from '../../utils/history/store';
import { bigrams, fold } from '../../utils/history/text';
import { conversation, DAY, JUNE_2_MORNING } from './history-fixtures';

const TOPICS = ['児童手当の相談', '住民税の納付', '課税証明の発行', 'ごみ収集の日程', '議会答弁案'];

function doc(index: number): PendingDoc {
  return pendingDoc(
    conversation({
      id: `c-${index}`,
      title: `${TOPICS[index % TOPICS.length]} ${index}`,
      input: index % 7 === 0 ? '市民課の窓口で受け付けます。' : '本庁舎2階でご案内します。',
      updatedAt: JUNE_2_MORNING + index * DAY,
    }),
    [],
  );
}

/** The ordinals a segment says hold every bigram of `query`. */
function matches(segment: ReturnType<typeof buildSegment>, query: string): number[] {
  const bitmap = matchingBitmap(segment.body, segment.ids.length, bigrams(fold(query)));
  return bitmap ? segment.ids.map((_, ordinal) => ordinal).filter((ordinal) => hasBit(bitmap, ordinal)) : [];
}

beforeEach(async () => {
  await deleteAllHistory();
  forgetLoadedIndex();
});

describe('the index format', () => {
  it('answers the same from merged segments as from the segments they were made of', () => {
    const parts = [0, 1, 2].map((part) =>
      buildSegment(
        `seg:0000000${part}:0`,
        Array.from({ length: 40 }, (_, at) => doc(part * 40 + at)),
      ),
    );
    const merged = mergeSegments('seg:00000002:0:m', parts);
    expect(merged.ids.length).toBe(120);
    for (const query of ['児童手当', '市民課', '住民税の納付', '本庁舎', '収集']) {
      const expected = parts.flatMap((part, at) => matches(part, query).map((ordinal) => at * 40 + ordinal));
      expect(matches(merged, query)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(0);
    }
  });

  it('reads segments stored in the layout used before December 2026', () => {
    const grams = bigrams(fold('市民課'));
    // 市民 in conversations 0 and 2 (a 16-bit list), 民課 in 0, 1 and 2 (a bitmap).
    const legacy: LegacySegmentRecord = {
      key: 'seg:00000000:0',
      ids: ['a', 'b', 'c'],
      updatedAt: Float64Array.from([1, 2, 3]),
      kinds: new Uint8Array(3),
      models: new Uint16Array(3),
      modelNames: ['gpt-4.1-mini'],
      body: {
        grams,
        offsets: Uint32Array.from([0, 4, 5]),
        dense: Uint8Array.from([0, 1]),
        data: Uint8Array.from([0, 0, 2, 0, 0b111]),
      },
      title: {
        grams: new Uint32Array(),
        offsets: Uint32Array.from([0]),
        dense: new Uint8Array(),
        data: new Uint8Array(),
      },
    };
    const segment = currentSegment(legacy);
    expect(matches(segment, '市民課')).toEqual([0, 2]);
    expect(matches(segment, '民課')).toEqual([0, 1, 2]);
  });

  it('converts segments stored in the older layout at the first indexing after an update', async () => {
    const grams = bigrams(fold('市民課'));
    for (let sequence = 0; sequence < MERGE_COUNT; sequence += 1) {
      const legacy: LegacySegmentRecord = {
        key: `seg:0000000${sequence}:${sequence + 1}`,
        ids: [`old-${sequence}`],
        updatedAt: Float64Array.from([sequence + 1]),
        kinds: new Uint8Array(1),
        models: new Uint16Array(1),
        modelNames: ['gpt-4.1-mini'],
        body: {
          grams,
          offsets: Uint32Array.from([0, 2, 4]),
          dense: new Uint8Array(2),
          data: new Uint8Array(4),
        },
        title: {
          grams: new Uint32Array(),
          offsets: Uint32Array.from([0]),
          dense: new Uint8Array(),
          data: new Uint8Array(),
        },
      };
      await db.searchIndex.put(legacy);
    }
    await saveConversation(conversation({ id: 'c-new', title: '市民課の窓口案内' }));
    await indexNow();
    const keys = (await db.searchIndex.where('key').startsWith('seg:').primaryKeys()).map(String);
    expect(keys).toEqual([`seg:0000000${MERGE_COUNT - 1}:${MERGE_COUNT}:m`]);
    const segment = (await loadSearchIndex()).segments[0];
    expect(segment && 'entries' in segment.body).toBe(true);
    expect((await searchHistory('市民課')).candidates).toBe(MERGE_COUNT + 1);
  });

  it(`merges every ${MERGE_COUNT} segments into one and still finds every conversation`, async () => {
    const count = SEGMENT_SIZE * MERGE_COUNT + 10;
    await indexMany(Array.from({ length: count }, (_, index) => doc(index)));
    const keys = (await db.searchIndex.where('key').startsWith('seg:').primaryKeys()).map(String);
    expect(keys).toHaveLength(1);
    expect(keys[0]?.endsWith(':m')).toBe(true);
    const index = await loadSearchIndex();
    expect(index.segments[0]?.ids.length).toBe(SEGMENT_SIZE * MERGE_COUNT);
    expect((await searchHistory('児童手当')).candidates).toBe(Math.ceil(count / TOPICS.length));
    expect((await searchHistory('市民課')).candidates).toBe(Math.ceil(count / 7));
    expect((await searchHistory('課')).candidates).toBe(
      Array.from({ length: count }, (_, index) => index).filter((i) => i % 7 === 0 || i % 5 === 2).length,
    );
  });
});

import Dexie from 'dexie';
import { db } from './db';
import {
  buildSegment,
  currentSegment,
  DOC_PREFIX,
  docKey,
  emptyMeta,
  type IndexMeta,
  isMergedKey,
  type LegacySegmentRecord,
  MERGE_COUNT,
  META_KEY,
  mergedKey,
  mergeSegments,
  type PendingDoc,
  pendingDoc,
  SEGMENT_PREFIX,
  SEGMENT_SIZE,
  type SearchIndexRecord,
  type SegmentRecord,
  segmentKey,
  segmentNewest,
  UNINDEXED_PREFIX,
  unindexedKey,
} from './index-format';

/*
 * Keeping the index in step with the history. A history write only marks its conversation as unindexed,
 * in the write's own transaction; `indexUnindexed` then indexes every marked conversation at once, a
 * moment later (a streamed answer is written every 500 ms: it is indexed once, not at every write) and,
 * at the latest, before the next search reads the index. The functions below that take no transaction of
 * their own run inside the caller's read-write transaction over conversations, messages and searchIndex.
 */

function prefixRange(prefix: string) {
  return db.searchIndex.where('key').between(prefix, `${prefix}\uffff`);
}

async function readMeta(): Promise<IndexMeta> {
  const record = await db.searchIndex.get(META_KEY);
  return record && record.key === META_KEY ? record : emptyMeta();
}

async function pendingDocs(): Promise<PendingDoc[]> {
  return (await prefixRange(DOC_PREFIX).toArray()).filter(
    (record): record is PendingDoc => 'grams' in record,
  );
}

function isSegment(record: SearchIndexRecord | undefined): record is SegmentRecord | LegacySegmentRecord {
  return record !== undefined && 'ids' in record;
}

/**
 * Merges every run of {@link MERGE_COUNT} unmerged segments that follow each other. Usually one run at a time;
 * after an update from the older layout, the first indexing converts them all, once.
 */
async function mergeDue(): Promise<void> {
  const keys = (await prefixRange(SEGMENT_PREFIX).primaryKeys()).map(String).sort() as SegmentRecord['key'][];
  let run: SegmentRecord['key'][] = [];
  for (const key of keys) {
    run = isMergedKey(key) ? [] : [...run, key];
    if (run.length < MERGE_COUNT) continue;
    const segments = (await db.searchIndex.bulkGet(run)).filter(isSegment).map(currentSegment);
    await db.searchIndex.put(mergeSegments(mergedKey(segments), segments));
    await db.searchIndex.bulkDelete(run);
    run = [];
  }
}

/** Turns the pending conversations into one segment. */
async function compact(meta: IndexMeta): Promise<void> {
  const pending = (await pendingDocs()).sort((a, b) => a.updatedAt - b.updatedAt);
  await db.searchIndex.put(buildSegment(segmentKey(meta.nextSegment, pending), pending));
  await db.searchIndex.bulkDelete(pending.map((doc) => doc.key));
  meta.nextSegment += 1;
  await mergeDue();
}

/** Marks a conversation for indexing; costs one small blind write in the caller's transaction. */
export function markUnindexed(conversationId: string): Promise<unknown> {
  return db.searchIndex.put({ key: unindexedKey(conversationId) });
}

/**
 * Indexes every conversation marked since the last run, in one transaction: each is read once, however many
 * times it was written. Returns how many there were.
 */
export async function indexUnindexed(): Promise<number> {
  return db.transaction('rw', db.conversations, db.messages, db.searchIndex, async () => {
    const marks = await prefixRange(UNINDEXED_PREFIX).primaryKeys();
    if (marks.length === 0) return 0;
    const ids = marks.map((key) => String(key).slice(UNINDEXED_PREFIX.length));
    const [meta, conversations, messages, pendingCount] = await Promise.all([
      readMeta(),
      db.conversations.bulkGet(ids),
      Promise.all(
        ids.map((id) =>
          db.messages
            .where('[conversationId+createdAt]')
            .between([id, Dexie.minKey], [id, Dexie.maxKey])
            .toArray(),
        ),
      ),
      prefixRange(DOC_PREFIX).count(),
    ]);
    const docs: PendingDoc[] = [];
    const gone: string[] = [];
    ids.forEach((id, at) => {
      const conversation = conversations[at];
      if (conversation) docs.push(pendingDoc(conversation, messages[at] ?? []));
      else gone.push(docKey(id));
    });
    meta.generation += 1;
    await Promise.all([
      db.searchIndex.bulkPut(docs),
      db.searchIndex.bulkDelete([...gone, ...marks] as SearchIndexRecord['key'][]),
      db.searchIndex.put(meta),
    ]);
    if (pendingCount + docs.length >= SEGMENT_SIZE) await compact(meta);
    else await mergeDue();
    await db.searchIndex.put(meta);
    return marks.length;
  });
}

/** After a prune: segments holding only conversations older than the cutoff are dropped whole. */
export async function forgetOlderThan(cutoff: number, deletedIds: readonly string[]): Promise<void> {
  const meta = await readMeta();
  await db.searchIndex.bulkDelete(deletedIds.map(docKey));
  const keys = await prefixRange(SEGMENT_PREFIX).primaryKeys();
  await db.searchIndex.bulkDelete(keys.filter((key) => segmentNewest(key) < cutoff));
  meta.generation += 1;
  await db.searchIndex.put(meta);
}

export async function clearSearchIndex(): Promise<void> {
  const meta = await readMeta();
  await db.searchIndex.clear();
  // Segment numbers keep counting: a panel still holding old segments in memory never mistakes a new one.
  const fresh: IndexMeta = { ...emptyMeta(), generation: meta.generation + 1, nextSegment: meta.nextSegment };
  await db.searchIndex.put(fresh);
}

// ---- Reading: an in-memory copy of the index, refreshed when its generation changes. ----

export interface IndexSnapshot {
  generation: number;
  segments: SegmentRecord[];
  /**
   * Per segment, a bitmap of the conversations whose copy there is the one to search: a conversation
   * changed since its segment was built has a newer copy in a later segment or among the pending ones.
   */
  live: Uint8Array[];
  /** Conversations indexed since the last segment: always the newest copy. */
  pending: PendingDoc[];
}

/** Marks, newest first, which copy of each conversation counts: pending ones, then later segments first. */
function liveBitmaps(segments: readonly SegmentRecord[], pending: readonly PendingDoc[]): Uint8Array[] {
  const claimed = new Set(pending.map((doc) => doc.id));
  const live: Uint8Array[] = [];
  for (let at = segments.length - 1; at >= 0; at -= 1) {
    const ids = segments[at]?.ids ?? [];
    const bitmap = new Uint8Array(Math.ceil(ids.length / 8));
    // Within a segment, later ordinals are newer.
    for (let ordinal = ids.length - 1; ordinal >= 0; ordinal -= 1) {
      const id = ids[ordinal] ?? '';
      if (claimed.has(id)) continue;
      claimed.add(id);
      bitmap[ordinal >> 3] = (bitmap[ordinal >> 3] ?? 0) | (1 << (ordinal & 7));
    }
    live[at] = bitmap;
  }
  return live;
}

let cached: IndexSnapshot | null = null;
let loading: Promise<IndexSnapshot> | null = null;

async function load(previous: IndexSnapshot | null): Promise<IndexSnapshot> {
  return db.transaction('r', db.searchIndex, async () => {
    const meta = await readMeta();
    if (previous && previous.generation === meta.generation) return previous;
    const keys = (await prefixRange(SEGMENT_PREFIX).primaryKeys()).sort();
    const known = new Map(previous?.segments.map((segment) => [segment.key, segment]));
    const missing = keys.filter((key) => !known.has(key as SegmentRecord['key']));
    // One segment per request: each arrives (and is deserialised) in its own task, so the panel can paint
    // between them instead of stalling for the whole index.
    for (const key of missing) {
      const record = await db.searchIndex.get(key);
      if (isSegment(record)) known.set(record.key, currentSegment(record));
    }
    const segments = keys
      .map((key) => known.get(key as SegmentRecord['key']))
      .filter((segment): segment is SegmentRecord => segment !== undefined);
    const pending = await pendingDocs();
    return { generation: meta.generation, segments, live: liveBitmaps(segments, pending), pending };
  });
}

async function hasUnindexed(): Promise<boolean> {
  return (await prefixRange(UNINDEXED_PREFIX).limit(1).primaryKeys()).length > 0;
}

/**
 * The index, loaded into memory on first use (about 1 byte per bigram per conversation) and reloaded
 * in part when another write changed it. Conversations written but not yet indexed are indexed first, so
 * a search always sees every write. Call early (e.g. when the history opens) to warm it.
 */
export async function loadSearchIndex(): Promise<IndexSnapshot> {
  if (loading) return loading;
  // If indexing fails (a full disk), the search still runs on what is indexed; the marks stay for later.
  const indexFirst = async () => {
    if (await hasUnindexed()) await indexUnindexed().catch(() => undefined);
  };
  loading = indexFirst()
    .then(() => load(cached))
    .then(
      (snapshot) => {
        cached = snapshot;
        loading = null;
        return snapshot;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
  return loading;
}

/** Drops the in-memory copy (tests, and after the database was deleted). */
export function forgetLoadedIndex(): void {
  cached = null;
}

/** Indexes many conversations at once (import): full segments are built directly, the rest stays pending. */
export async function indexMany(docs: readonly PendingDoc[]): Promise<void> {
  if (docs.length === 0) return;
  const meta = await readMeta();
  const pending = await pendingDocs();
  const byId = new Map(pending.map((doc) => [doc.id, doc]));
  for (const doc of docs) byId.set(doc.id, doc);
  const all = [...byId.values()].sort((a, b) => a.updatedAt - b.updatedAt);
  await db.searchIndex.bulkDelete(pending.map((doc) => doc.key));
  while (all.length >= SEGMENT_SIZE) {
    const docs = all.splice(0, SEGMENT_SIZE);
    await db.searchIndex.put(buildSegment(segmentKey(meta.nextSegment, docs), docs));
    meta.nextSegment += 1;
    await mergeDue();
  }
  await db.searchIndex.bulkPut(all);
  meta.generation += 1;
  await db.searchIndex.put(meta);
}

/** Changes with every history write: lets a live query notice that a search should run again. */
export async function indexGeneration(): Promise<number> {
  return (await readMeta()).generation;
}

/**
 * The search index as stored in the `searchIndex` table: pure data and builders, no database access.
 *
 * Why not a Dexie multi-entry index of bigrams? Measured in Chromium 156: ~700 index entries per
 * conversation cost 37 ms per write (95 ms alone) and 59 KB on disk per conversation. Instead, like
 * Lucene, conversations are indexed into immutable segments of {@link SEGMENT_SIZE} conversations with
 * compact posting lists (bitmaps for common bigrams, 16-bit lists for rare ones); a conversation written
 * since the last segment waits as one small "pending" record holding its bigrams. See bench/README.md.
 */
import { actionIdSchema } from '../actions/registry';
import type { ConversationRecord, MessageRecord } from './db';
import { bigrams, fold } from './text';

export const SEGMENT_SIZE = 512;
/**
 * Every run of this many {@link SEGMENT_SIZE} segments is merged into one: a bigram's key and entry are
 * then kept once per 4,096 conversations instead of eight times (half the index's memory at 50,000).
 */
export const MERGE_COUNT = 8;

/** `chat` and each action, as small numbers; new actions are appended so stored codes keep their meaning. */
export const KIND_KEYS = ['chat', ...actionIdSchema.options] as const;
export type KindKey = (typeof KIND_KEYS)[number];

export function kindKeyOf(conversation: Pick<ConversationRecord, 'kind' | 'action'>): KindKey {
  return conversation.kind === 'chat' || !conversation.action ? 'chat' : conversation.action;
}

function kindCode(key: KindKey): number {
  return KIND_KEYS.indexOf(key);
}

export interface IndexMeta {
  key: 'meta';
  /** Bumped by every index write, so an open panel knows its in-memory copy is stale. */
  generation: number;
  nextSegment: number;
}

/** A conversation written since the last segment was built. */
export interface PendingDoc {
  key: `doc:${string}`;
  id: string;
  updatedAt: number;
  kind: number;
  model: string;
  /** Bigrams of everything searchable: title, page title, input, every message. */
  grams: Uint32Array;
  /** Bigrams of the title and page title: hits there rank first. */
  titleGrams: Uint32Array;
}

/**
 * Per bigram, the conversations (ordinals in the segment) that hold it. Each bigram has one 32-bit entry: its
 * top two bits say how the posting is kept, the rest is an ordinal or a byte offset into `data`:
 * - `ONE`: the bigram is in one conversation (about a quarter of all bigrams), the entry is its ordinal;
 * - `LIST`: a varint count, a byte k, then the gaps between ascending ordinals Rice-coded with parameter k
 *   (the quotient in unary, then k low bits; 3–9 bits per ordinal where a varint takes 8–16);
 * - `BITMAP`: one bit per conversation, when that is smaller than the list (common bigrams).
 */
export interface PostingTable {
  /** Sorted. */
  grams: Uint32Array;
  entries: Uint32Array;
  data: Uint8Array;
}

const ONE = 0;
const LIST = 1;
const BITMAP = 2;
const PAYLOAD = 0x3fffffff;

/** The layout written before December 2026 (16-bit ordinals, offsets per bigram); converted on load. */
export interface LegacyPostingTable {
  grams: Uint32Array;
  /** Byte offsets into `data`, one more than `grams`. */
  offsets: Uint32Array;
  /** 1: a bitmap; 0: a list of 16-bit little-endian ordinals. */
  dense: Uint8Array;
  data: Uint8Array;
}

/** {@link SEGMENT_SIZE} conversations, or {@link MERGE_COUNT} such segments merged into one. */
export interface SegmentRecord {
  key: `seg:${string}`;
  ids: string[];
  updatedAt: Float64Array;
  kinds: Uint8Array;
  models: Uint16Array;
  modelNames: string[];
  body: PostingTable;
  title: PostingTable;
}

export interface LegacySegmentRecord extends Omit<SegmentRecord, 'body' | 'title'> {
  body: LegacyPostingTable;
  title: LegacyPostingTable;
}

/**
 * A conversation written since it was last indexed. Written in the same transaction as the history write
 * (a blind put, no reads), so the write stays cheap and a crash before indexing loses nothing: whoever
 * next indexes or searches picks it up.
 */
export interface UnindexedMark {
  key: `new:${string}`;
}

export type SearchIndexRecord = IndexMeta | PendingDoc | SegmentRecord | LegacySegmentRecord | UnindexedMark;

export const META_KEY = 'meta';
export const DOC_PREFIX = 'doc:';
export const SEGMENT_PREFIX = 'seg:';
export const UNINDEXED_PREFIX = 'new:';

export function docKey(conversationId: string): PendingDoc['key'] {
  return `doc:${conversationId}`;
}

export function unindexedKey(conversationId: string): UnindexedMark['key'] {
  return `new:${conversationId}`;
}

/**
 * A segment's key holds its sequence and its newest `updatedAt`: segments never change, so retention can
 * drop whole segments from the keys alone, without reading them.
 */
export function segmentKey(sequence: number, docs: readonly PendingDoc[]): SegmentRecord['key'] {
  const newest = docs.reduce((latest, doc) => Math.max(latest, doc.updatedAt), 0);
  return `seg:${String(sequence).padStart(8, '0')}:${newest}`;
}

/**
 * The key of segments merged into one: the sequence of the last of them (so it keeps their place in key
 * order: later segments hold newer copies) and a suffix, so an open panel never mistakes it for that segment.
 */
export function mergedKey(segments: readonly SegmentRecord[]): SegmentRecord['key'] {
  const last = segments.at(-1)?.key ?? 'seg:00000000';
  const newest = Math.max(...segments.map((segment) => segmentNewest(segment.key)));
  return `seg:${last.split(':')[1] ?? ''}:${newest}:m`;
}

export function isMergedKey(key: string): boolean {
  return key.endsWith(':m');
}

/** The newest `updatedAt` of a segment, from its key. */
export function segmentNewest(key: string): number {
  return Number(key.split(':')[2] ?? Number.POSITIVE_INFINITY);
}

export function emptyMeta(): IndexMeta {
  return { key: 'meta', generation: 0, nextSegment: 0 };
}

/** Everything the user might search for in one conversation, each field folded. */
export function searchableFields(conversation: ConversationRecord, messages: readonly MessageRecord[]) {
  const title = [conversation.title, conversation.pageTitle ?? ''];
  const body = [conversation.input ?? '', ...messages.map((message) => message.content)];
  return { title, body };
}

export function pendingDoc(conversation: ConversationRecord, messages: readonly MessageRecord[]): PendingDoc {
  const fields = searchableFields(conversation, messages);
  const titleText = fold(fields.title.join('\n'));
  return {
    key: docKey(conversation.id),
    id: conversation.id,
    updatedAt: conversation.updatedAt,
    kind: kindCode(kindKeyOf(conversation)),
    model: conversation.model,
    grams: bigrams(`${titleText}\n${fold(fields.body.join('\n'))}`),
    titleGrams: bigrams(titleText),
  };
}

function setBit(bytes: Uint8Array, ordinal: number): void {
  const at = ordinal >> 3;
  bytes[at] = (bytes[at] ?? 0) | (1 << (ordinal & 7));
}

function writeVarint(out: number[], value: number): void {
  let rest = value;
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  out.push(rest);
}

function riceBits(ordinals: readonly number[], k: number): number {
  let bits = 0;
  let previous = -1;
  for (const ordinal of ordinals) {
    bits += ((ordinal - previous - 1) >>> k) + 1 + k;
    previous = ordinal;
  }
  return bits;
}

/** Appends k (one byte) and the Rice-coded gaps, bits filled from the lowest bit of each byte. */
function writeRice(out: number[], ordinals: readonly number[]): void {
  let k = 0;
  for (let candidate = 1; candidate < 16; candidate += 1)
    if (riceBits(ordinals, candidate) < riceBits(ordinals, k)) k = candidate;
  out.push(k);
  let byte = 0;
  let filled = 0;
  const put = (bit: number) => {
    byte |= bit << filled;
    filled += 1;
    if (filled === 8) {
      out.push(byte);
      byte = 0;
      filled = 0;
    }
  };
  let previous = -1;
  for (const ordinal of ordinals) {
    const gap = ordinal - previous - 1;
    previous = ordinal;
    for (let quotient = gap >>> k; quotient > 0; quotient -= 1) put(1);
    put(0);
    for (let bit = 0; bit < k; bit += 1) put((gap >>> bit) & 1);
  }
  if (filled > 0) out.push(byte);
}

/** `postings`: per bigram, its ordinals in ascending order. */
function buildPostings(size: number, postings: Map<number, number[]>): PostingTable {
  const grams = Uint32Array.from(postings.keys()).sort();
  const entries = new Uint32Array(grams.length);
  const bitmapBytes = Math.ceil(size / 8);
  const data: number[] = [];
  const list: number[] = [];
  grams.forEach((gram, index) => {
    const ordinals = postings.get(gram) ?? [];
    if (ordinals.length === 1) {
      entries[index] = ordinals[0] ?? 0;
      return;
    }
    list.length = 0;
    writeVarint(list, ordinals.length);
    writeRice(list, ordinals);
    const offset = data.length;
    if (list.length < bitmapBytes) {
      entries[index] = ((LIST << 30) | offset) >>> 0;
      for (const byte of list) data.push(byte);
      return;
    }
    entries[index] = ((BITMAP << 30) | offset) >>> 0;
    const bitmap = new Uint8Array(bitmapBytes);
    for (const ordinal of ordinals) setBit(bitmap, ordinal);
    for (const byte of bitmap) data.push(byte);
  });
  return { grams, entries, data: Uint8Array.from(data) };
}

function postingsOf(size: number, gramsOf: (ordinal: number) => Uint32Array): Map<number, number[]> {
  const postings = new Map<number, number[]>();
  for (let ordinal = 0; ordinal < size; ordinal += 1) {
    for (const gram of gramsOf(ordinal)) {
      const list = postings.get(gram);
      if (list) list.push(ordinal);
      else postings.set(gram, [ordinal]);
    }
  }
  return postings;
}

export function buildSegment(key: SegmentRecord['key'], docs: readonly PendingDoc[]): SegmentRecord {
  const modelNames: string[] = [];
  const modelIndex = new Map<string, number>();
  const models = new Uint16Array(docs.length);
  docs.forEach((doc, ordinal) => {
    let index = modelIndex.get(doc.model);
    if (index === undefined) {
      index = modelNames.push(doc.model) - 1;
      modelIndex.set(doc.model, index);
    }
    models[ordinal] = index;
  });
  return {
    key,
    ids: docs.map((doc) => doc.id),
    updatedAt: Float64Array.from(docs, (doc) => doc.updatedAt),
    kinds: Uint8Array.from(docs, (doc) => doc.kind),
    models,
    modelNames,
    body: buildPostings(
      docs.length,
      postingsOf(docs.length, (at) => docs[at]?.grams ?? new Uint32Array()),
    ),
    title: buildPostings(
      docs.length,
      postingsOf(docs.length, (at) => docs[at]?.titleGrams ?? new Uint32Array()),
    ),
  };
}

/** Calls `visit` with each ordinal of the posting at `index`, ascending; `bytes`: a bitmap's length. */
function forEachOrdinal(
  table: PostingTable,
  index: number,
  bytes: number,
  visit: (ordinal: number) => void,
): void {
  const entry = table.entries[index] ?? 0;
  const tag = entry >>> 30;
  const at = entry & PAYLOAD;
  const data = table.data;
  if (tag === ONE) {
    visit(at);
  } else if (tag === LIST) {
    let position = at;
    let count = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = data[position++] ?? 0;
      count |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    const k = data[position++] ?? 0;
    const mask = (1 << k) - 1;
    let bit = position * 8;
    let ordinal = -1;
    for (let n = 0; n < count; n += 1) {
      let quotient = 0;
      while (((data[bit >>> 3] ?? 0) >>> (bit & 7)) & 1) {
        quotient += 1;
        bit += 1;
      }
      bit += 1;
      // k ≤ 15 bits start within one byte: a 24-bit window holds them.
      const at = bit >>> 3;
      const window = (data[at] ?? 0) | ((data[at + 1] ?? 0) << 8) | ((data[at + 2] ?? 0) << 16);
      bit += k;
      ordinal += ((quotient << k) | ((window >>> (bit - k - at * 8)) & mask)) + 1;
      visit(ordinal);
    }
  } else {
    for (let byte = 0; byte < bytes; byte += 1) {
      const bits = data[at + byte] ?? 0;
      if (bits === 0) continue;
      for (let bit = 0; bit < 8; bit += 1) if (bits & (1 << bit)) visit(byte * 8 + bit);
    }
  }
}

/** ORs the conversations of the posting at `index` into `into` (a bitmap over the segment). */
function orPosting(table: PostingTable, index: number, into: Uint8Array): void {
  const entry = table.entries[index] ?? 0;
  if (entry >>> 30 === BITMAP) {
    const at = entry & PAYLOAD;
    for (let byte = 0; byte < into.length; byte += 1)
      into[byte] = (into[byte] ?? 0) | (table.data[at + byte] ?? 0);
  } else {
    forEachOrdinal(table, index, into.length, (ordinal) => setBit(into, ordinal));
  }
}

/** Segments merged into one, oldest first: fewer, larger segments repeat each bigram less often. */
export function mergeSegments(key: SegmentRecord['key'], segments: readonly SegmentRecord[]): SegmentRecord {
  const modelNames: string[] = [];
  const models: number[] = [];
  const body = new Map<number, number[]>();
  const title = new Map<number, number[]>();
  let base = 0;
  for (const segment of segments) {
    const codes = segment.modelNames.map((name) => {
      const known = modelNames.indexOf(name);
      return known === -1 ? modelNames.push(name) - 1 : known;
    });
    for (const model of segment.models) models.push(codes[model] ?? 0);
    const bytes = Math.ceil(segment.ids.length / 8);
    for (const [table, into] of [
      [segment.body, body],
      [segment.title, title],
    ] as const) {
      table.grams.forEach((gram, index) => {
        let list = into.get(gram);
        if (!list) {
          list = [];
          into.set(gram, list);
        }
        const target = list;
        forEachOrdinal(table, index, bytes, (ordinal) => target.push(base + ordinal));
      });
    }
    base += segment.ids.length;
  }
  return {
    key,
    ids: segments.flatMap((segment) => segment.ids),
    updatedAt: Float64Array.from(segments.flatMap((segment) => [...segment.updatedAt])),
    kinds: Uint8Array.from(segments.flatMap((segment) => [...segment.kinds])),
    models: Uint16Array.from(models),
    modelNames,
    body: buildPostings(base, body),
    title: buildPostings(base, title),
  };
}

function upgradeTable(table: PostingTable | LegacyPostingTable, size: number): PostingTable {
  if (!('offsets' in table)) return table;
  const postings = new Map<number, number[]>();
  table.grams.forEach((gram, index) => {
    const start = table.offsets[index] ?? 0;
    const end = table.offsets[index + 1] ?? start;
    const ordinals: number[] = [];
    if (table.dense[index]) {
      for (let ordinal = 0; ordinal < size; ordinal += 1)
        if ((table.data[start + (ordinal >> 3)] ?? 0) & (1 << (ordinal & 7))) ordinals.push(ordinal);
    } else {
      for (let at = start; at < end; at += 2)
        ordinals.push((table.data[at] ?? 0) | ((table.data[at + 1] ?? 0) << 8));
    }
    postings.set(gram, ordinals);
  });
  return buildPostings(size, postings);
}

/** A segment as stored, in today's layout (segments written before December 2026 are converted). */
export function currentSegment(record: SegmentRecord | LegacySegmentRecord): SegmentRecord {
  if (!('offsets' in record.body) && !('offsets' in record.title)) return record as SegmentRecord;
  const size = record.ids.length;
  return { ...record, body: upgradeTable(record.body, size), title: upgradeTable(record.title, size) };
}

function findGram(grams: Uint32Array, gram: number): number {
  let low = 0;
  let high = grams.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = grams[middle] ?? 0;
    if (value === gram) return middle;
    if (value < gram) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The first index whose bigram starts with code unit `unit`. */
function firstWithHigh(grams: Uint32Array, unit: number): number {
  const floor = (unit << 16) >>> 0;
  let low = 0;
  let high = grams.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((grams[middle] ?? 0) < floor) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** True when some bigram of the sorted `grams` starts or ends with code unit `unit`. */
export function hasUnit(grams: Uint32Array, unit: number): boolean {
  if ((grams[firstWithHigh(grams, unit)] ?? 0) >>> 16 === unit) return true;
  for (const gram of grams) if ((gram & 0xffff) === unit) return true;
  return false;
}

/**
 * Conversations of the segment that contain every one of `grams` and, for each of `units` (one-character
 * query terms), some bigram starting or ending with it, as a bitmap (bit n = ordinal n). Null when none can.
 */
export function matchingBitmap(
  table: PostingTable,
  size: number,
  grams: Uint32Array,
  units: readonly number[] = [],
): Uint8Array | null {
  const bytes = Math.ceil(size / 8);
  const result = new Uint8Array(bytes).fill(0xff);
  const scratch = new Uint8Array(bytes);
  const intersect = () => {
    for (let byte = 0; byte < bytes; byte += 1) result[byte] = (result[byte] ?? 0) & (scratch[byte] ?? 0);
  };
  for (const gram of grams) {
    const index = findGram(table.grams, gram);
    if (index === -1) return null;
    scratch.fill(0);
    orPosting(table, index, scratch);
    intersect();
  }
  for (const unit of units) {
    // A single character is answered from the keys: every bigram that starts with it (one run of the sorted
    // table) or ends with it (a scan of the table), their postings ORed.
    scratch.fill(0);
    let found = false;
    for (
      let index = firstWithHigh(table.grams, unit);
      (table.grams[index] ?? 0) >>> 16 === unit;
      index += 1
    ) {
      if (index >= table.grams.length) break;
      orPosting(table, index, scratch);
      found = true;
    }
    table.grams.forEach((gram, index) => {
      if ((gram & 0xffff) !== unit) return;
      orPosting(table, index, scratch);
      found = true;
    });
    if (!found) return null;
    intersect();
  }
  return result;
}

export function hasBit(bitmap: Uint8Array, ordinal: number): boolean {
  return ((bitmap[ordinal >> 3] ?? 0) & (1 << (ordinal & 7))) !== 0;
}

/** True when the sorted `haystack` holds every one of the sorted `needles`. */
export function containsAll(haystack: Uint32Array, needles: Uint32Array): boolean {
  for (const needle of needles) if (findGram(haystack, needle) === -1) return false;
  return true;
}

export function kindKeyFromCode(code: number): KindKey | undefined {
  return KIND_KEYS[code];
}

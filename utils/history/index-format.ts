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

export interface PostingTable {
  grams: Uint32Array;
  /** Byte offsets into `data`, one more than `grams`. */
  offsets: Uint32Array;
  /** 1: the posting is a bitmap over the segment's conversations; 0: a list of 16-bit ordinals. */
  dense: Uint8Array;
  data: Uint8Array;
}

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

/**
 * A conversation written since it was last indexed. Written in the same transaction as the history write
 * (a blind put, no reads), so the write stays cheap and a crash before indexing loses nothing: whoever
 * next indexes or searches picks it up.
 */
export interface UnindexedMark {
  key: `new:${string}`;
}

export type SearchIndexRecord = IndexMeta | PendingDoc | SegmentRecord | UnindexedMark;

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

function setBit(bytes: Uint8Array, offset: number, ordinal: number): void {
  const at = offset + (ordinal >> 3);
  bytes[at] = (bytes[at] ?? 0) | (1 << (ordinal & 7));
}

function buildPostings(size: number, gramsOf: (ordinal: number) => Uint32Array): PostingTable {
  const postings = new Map<number, number[]>();
  for (let ordinal = 0; ordinal < size; ordinal += 1) {
    for (const gram of gramsOf(ordinal)) {
      const list = postings.get(gram);
      if (list) list.push(ordinal);
      else postings.set(gram, [ordinal]);
    }
  }
  const grams = Uint32Array.from(postings.keys()).sort();
  const offsets = new Uint32Array(grams.length + 1);
  const dense = new Uint8Array(grams.length);
  const bitmapBytes = Math.ceil(size / 8);
  let total = 0;
  grams.forEach((gram, index) => {
    const count = postings.get(gram)?.length ?? 0;
    // A bitmap is smaller once a bigram is in 1 of 16 conversations (2 bytes per ordinal vs size/8 bytes).
    const isDense = count * 16 >= size;
    dense[index] = isDense ? 1 : 0;
    offsets[index] = total;
    total += isDense ? bitmapBytes : count * 2;
  });
  offsets[grams.length] = total;
  const data = new Uint8Array(total);
  grams.forEach((gram, index) => {
    const list = postings.get(gram) ?? [];
    const at = offsets[index] ?? 0;
    if (dense[index]) {
      for (const ordinal of list) setBit(data, at, ordinal);
    } else {
      list.forEach((ordinal, position) => {
        data[at + position * 2] = ordinal & 0xff;
        data[at + position * 2 + 1] = ordinal >> 8;
      });
    }
  });
  return { grams, offsets, dense, data };
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
  const gramsAt = (ordinal: number) => docs[ordinal]?.grams ?? new Uint32Array();
  const titleGramsAt = (ordinal: number) => docs[ordinal]?.titleGrams ?? new Uint32Array();
  return {
    key,
    ids: docs.map((doc) => doc.id),
    updatedAt: Float64Array.from(docs, (doc) => doc.updatedAt),
    kinds: Uint8Array.from(docs, (doc) => doc.kind),
    models,
    modelNames,
    body: buildPostings(docs.length, gramsAt),
    title: buildPostings(docs.length, titleGramsAt),
  };
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

/**
 * Conversations of the segment that contain every one of `grams`, as a bitmap (bit n = ordinal n).
 * Returns null when none can match.
 */
export function matchingBitmap(table: PostingTable, size: number, grams: Uint32Array): Uint8Array | null {
  const bytes = Math.ceil(size / 8);
  const result = new Uint8Array(bytes).fill(0xff);
  const scratch = new Uint8Array(bytes);
  for (const gram of grams) {
    const index = findGram(table.grams, gram);
    if (index === -1) return null;
    const start = table.offsets[index] ?? 0;
    const end = table.offsets[index + 1] ?? start;
    if (table.dense[index]) {
      for (let byte = 0; byte < bytes; byte += 1)
        result[byte] = (result[byte] ?? 0) & (table.data[start + byte] ?? 0);
    } else {
      scratch.fill(0);
      for (let at = start; at < end; at += 2) {
        const ordinal = (table.data[at] ?? 0) | ((table.data[at + 1] ?? 0) << 8);
        setBit(scratch, 0, ordinal);
      }
      for (let byte = 0; byte < bytes; byte += 1) result[byte] = (result[byte] ?? 0) & (scratch[byte] ?? 0);
    }
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

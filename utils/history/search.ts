import Dexie from 'dexie';
import { type ConversationRecord, db, type MessageRecord } from './db';
import {
  containsAll,
  hasBit,
  hasUnit,
  KIND_KEYS,
  type KindKey,
  matchingBitmap,
  searchableFields,
} from './index-format';
import { type IndexSnapshot, loadSearchIndex } from './search-index';
import { bigrams, fold, matchRanges, queryTerms, type Snippet, snippetAround } from './text';

export interface HistoryFilters {
  /** `chat` or one action. */
  kind?: KindKey;
  model?: string;
  /** Last used at or after (ms since epoch). */
  from?: number;
  /** Last used before (ms since epoch). */
  to?: number;
}

export interface HistoryHit {
  conversation: ConversationRecord;
  /** The title with the query terms marked. */
  title: Snippet;
  /** Where in the page title, the input or the messages the terms were found, if not only in the title. */
  snippet?: Snippet;
}

export interface HistorySearch {
  terms: string[];
  /** Conversations the index says may match (an upper bound: each is checked before it is shown). */
  candidates: number;
  /** The next ranked hits: conversations whose title or page title holds every term first, newest first. */
  nextPage(size: number, signal?: AbortSignal): Promise<HistoryHit[]>;
  readonly done: boolean;
}

interface Candidate {
  id: string;
  updatedAt: number;
  titleHit: boolean;
}

function passes(filters: HistoryFilters, kind: number, model: string | undefined, updatedAt: number) {
  if (filters.kind !== undefined && KIND_KEYS[kind] !== filters.kind) return false;
  if (filters.model !== undefined && model !== filters.model) return false;
  if (filters.from !== undefined && updatedAt < filters.from) return false;
  if (filters.to !== undefined && updatedAt >= filters.to) return false;
  return true;
}

/** Newest first; sorted only if a list arrived out of order (imported old conversations can do that). */
function newestFirst(list: Candidate[], ordered: boolean): Candidate[] {
  return ordered ? list : list.sort((a, b) => b.updatedAt - a.updatedAt);
}

/**
 * Every conversation the index says contains all `grams` and passes the filters, newest copy only: title
 * hits first, then newest first. Sources are walked newest first (pending, then later segments, then later
 * ordinals), so the lists usually come out in order and need no sort.
 */
/** What the index is asked: bigrams of the longer terms, and the one-character terms as code units. */
interface IndexQuery {
  grams: Uint32Array;
  units: number[];
}

function indexQuery(terms: readonly string[]): IndexQuery {
  const single = terms.filter((term) => term.length === 1);
  return {
    grams: bigrams(terms.filter((term) => term.length > 1).join(' ')),
    units: single.map((term) => term.charCodeAt(0)),
  };
}

function candidatesFrom(
  index: IndexSnapshot,
  { grams, units }: IndexQuery,
  filters: HistoryFilters,
): Candidate[] {
  const any = grams.length > 0 || units.length > 0;
  const holds = (docGrams: Uint32Array) =>
    containsAll(docGrams, grams) && units.every((unit) => hasUnit(docGrams, unit));
  const titled: Candidate[] = [];
  const others: Candidate[] = [];
  let titledOrdered = true;
  let othersOrdered = true;
  const filtered =
    filters.kind !== undefined ||
    filters.model !== undefined ||
    filters.from !== undefined ||
    filters.to !== undefined;
  const add = (id: string, updatedAt: number, titleHit: boolean) => {
    const list = titleHit ? titled : others;
    const last = list.at(-1);
    if (last && last.updatedAt < updatedAt) {
      if (titleHit) titledOrdered = false;
      else othersOrdered = false;
    }
    list.push({ id, updatedAt, titleHit });
  };

  const pending = index.pending
    .filter(
      (doc) =>
        (!any || holds(doc.grams)) && (!filtered || passes(filters, doc.kind, doc.model, doc.updatedAt)),
    )
    .sort((a, b) => b.updatedAt - a.updatedAt);
  for (const doc of pending) add(doc.id, doc.updatedAt, any && holds(doc.titleGrams));

  for (let at = index.segments.length - 1; at >= 0; at -= 1) {
    const segment = index.segments[at];
    const live = index.live[at];
    if (!segment || !live) continue;
    const size = segment.ids.length;
    const body = any ? matchingBitmap(segment.body, size, grams, units) : live;
    if (!body) continue;
    let title: Uint8Array | null | undefined;
    for (let byte = live.length - 1; byte >= 0; byte -= 1) {
      const bits = (body[byte] ?? 0) & (live[byte] ?? 0);
      if (bits === 0) continue;
      for (let bit = 7; bit >= 0; bit -= 1) {
        if ((bits & (1 << bit)) === 0) continue;
        const ordinal = byte * 8 + bit;
        const updatedAt = segment.updatedAt[ordinal] ?? 0;
        if (filtered) {
          const model = segment.modelNames[segment.models[ordinal] ?? 0];
          if (!passes(filters, segment.kinds[ordinal] ?? 0, model, updatedAt)) continue;
        }
        // The title postings are read only for segments with a match.
        if (title === undefined) title = any ? matchingBitmap(segment.title, size, grams, units) : null;
        add(segment.ids[ordinal] ?? '', updatedAt, title !== null && hasBit(title, ordinal));
      }
    }
  }
  return [...newestFirst(titled, titledOrdered), ...newestFirst(others, othersOrdered)];
}

function allTermsIn(texts: readonly string[], terms: readonly string[]): boolean {
  return terms.every((term) => texts.some((text) => text.includes(term)));
}

/**
 * Loads candidates for checking. Messages are read only for conversations whose title, page title and input
 * do not already hold every term: most action results are settled without them.
 */
async function loadCandidates(ids: readonly string[], terms: readonly string[]) {
  return db.transaction('r', db.conversations, db.messages, async () => {
    const conversations = await db.conversations.bulkGet([...ids]);
    return Promise.all(
      conversations.map(async (conversation) => {
        if (!conversation) return undefined;
        const own = searchableFields(conversation, []);
        const settled = allTermsIn([...own.title, ...own.body].map(fold), terms);
        const messages: MessageRecord[] = settled
          ? []
          : await db.messages
              .where('[conversationId+createdAt]')
              .between([conversation.id, Dexie.minKey], [conversation.id, Dexie.maxKey])
              .toArray();
        return { conversation, messages };
      }),
    );
  });
}

/** Checks a candidate against the real text (bigrams can match where the words do not) and marks it up. */
function toHit(
  conversation: ConversationRecord,
  messages: readonly MessageRecord[],
  terms: readonly string[],
): HistoryHit | undefined {
  const title = { text: conversation.title, ranges: matchRanges(conversation.title, terms) };
  if (terms.length === 0) return { conversation, title };
  const fields = searchableFields(conversation, messages);
  const originals = [...fields.title, ...fields.body];
  const folded = originals.map(fold);
  if (!allTermsIn(folded, terms)) return undefined;
  // The snippet comes from the first place after the title that holds a term.
  const at = folded.findIndex((text, index) => index > 0 && terms.some((term) => text.includes(term)));
  const source = originals[at];
  return { conversation, title, snippet: source === undefined ? undefined : snippetAround(source, terms) };
}

/**
 * Searches the history. Each term (split on spaces) must occur, anywhere in the title, page title, input or
 * messages, Japanese without spaces included ("議会答弁" finds "令和7年第3回定例会の議会答弁案"); a
 * single character ("税") is a term too.
 * With no query, lists what passes the filters, newest first.
 */
export async function searchHistory(
  query: string,
  filters: HistoryFilters = {},
  signal?: AbortSignal,
): Promise<HistorySearch> {
  const terms = queryTerms(query);
  const index = await loadSearchIndex();
  signal?.throwIfAborted();
  const candidates = candidatesFrom(index, indexQuery(terms), filters);
  let cursor = 0;
  return {
    terms,
    candidates: candidates.length,
    get done() {
      return cursor >= candidates.length;
    },
    async nextPage(size, pageSignal) {
      const hits: HistoryHit[] = [];
      while (hits.length < size && cursor < candidates.length) {
        const chunk = candidates.slice(cursor, cursor + size - hits.length);
        cursor += chunk.length;
        const loaded = await loadCandidates(
          chunk.map((candidate) => candidate.id),
          terms,
        );
        pageSignal?.throwIfAborted();
        for (const entry of loaded) {
          const hit = entry && toHit(entry.conversation, entry.messages, terms);
          if (hit) hits.push(hit);
        }
      }
      return hits;
    },
  };
}

/** Models that occur in the history, for the model filter. */
export async function modelsInHistory(): Promise<string[]> {
  const index = await loadSearchIndex();
  const names = new Set<string>();
  for (const segment of index.segments) for (const name of segment.modelNames) names.add(name);
  for (const doc of index.pending) names.add(doc.model);
  return [...names].sort();
}

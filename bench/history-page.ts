/**
 * Runs inside an extension page of the built extension (bundled by history.bench.ts and evaluated there),
 * so every figure comes from Chromium's real IndexedDB, in the extension's own `tatakidai` database.
 */
import { db } from '../utils/history/db';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../utils/history/export';
import { importHistory } from '../utils/history/import';
import { searchHistory } from '../utils/history/search';
import { forgetLoadedIndex, loadSearchIndex } from '../utils/history/search-index';
import {
  deleteConversation,
  indexNow,
  listConversations,
  saveConversation,
  saveMessage,
} from '../utils/history/store';
import { fold, queryTerms } from '../utils/history/text';
import { benchConversation } from './corpus';

/** The first page the history view asks for (about two screens of rows). */
const PAGE = 20;

async function seed(from: number, to: number): Promise<number> {
  const started = performance.now();
  for (let start = from; start < to; start += 2000) {
    const conversations = [];
    for (let index = start; index < Math.min(to, start + 2000); index += 1)
      conversations.push(benchConversation(index));
    const text = JSON.stringify({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: new Date().toISOString(),
      conversations,
    });
    const outcome = await importHistory(text);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  }
  return performance.now() - started;
}

/** Cold load of the index into memory (what the first search after opening the panel pays). */
async function indexLoad(): Promise<number> {
  forgetLoadedIndex();
  const started = performance.now();
  await loadSearchIndex();
  return performance.now() - started;
}

/** Drops this page's copy of the index, so the panel's memory is measured without it. */
async function forgetIndex(): Promise<void> {
  forgetLoadedIndex();
}

/** One search as the panel runs it: ranked candidates, then the first page checked and marked up. */
async function search(query: string) {
  const started = performance.now();
  const result = await searchHistory(query);
  const ranked = performance.now();
  const hits = await result.nextPage(PAGE);
  const ms = performance.now() - started;
  return { ms, rankMs: ranked - started, hits: hits.length, candidates: result.candidates };
}

/** The baseline: read every conversation and message and test each with `includes`. */
async function scan(query: string): Promise<{ ms: number; hits: number }> {
  const started = performance.now();
  const terms = queryTerms(query);
  const conversations = await db.conversations.toArray();
  const messages = await db.messages.toArray();
  const text = new Map(
    conversations.map((c) => [c.id, fold(`${c.title}\n${c.pageTitle ?? ''}\n${c.input ?? ''}`)]),
  );
  for (const message of messages)
    text.set(message.conversationId, `${text.get(message.conversationId) ?? ''}\n${fold(message.content)}`);
  const hits = conversations.filter((c) => terms.every((term) => (text.get(c.id) ?? '').includes(term)));
  hits.sort((a, b) => b.updatedAt - a.updatedAt);
  return { ms: performance.now() - started, hits: hits.length };
}

async function listFirstPage(): Promise<number> {
  const started = performance.now();
  await listConversations(100);
  return performance.now() - started;
}

/**
 * History writes as the panel makes them (a conversation, its question, its answer: three transactions,
 * each marking the conversation unindexed), then the conversation indexed as the panel does once writing
 * pauses; against the same three records put without any index. Per record written.
 */
async function writeEntries(count: number): Promise<{ indexedMs: number; rawMs: number }> {
  const entries = Array.from({ length: count }, (_, index) => benchConversation(1_000_000 + index));
  let started = performance.now();
  for (const { messages, ...conversation } of entries) {
    await saveConversation(conversation);
    for (const message of messages)
      await saveMessage({
        ...message,
        seq: message.seq ?? message.createdAt * 1000,
        conversationId: conversation.id,
      });
    await indexNow();
  }
  const indexedMs = (performance.now() - started) / (count * 3);
  for (const entry of entries) await deleteConversation(entry.id);
  started = performance.now();
  for (const { messages, ...conversation } of entries) {
    await db.conversations.put(conversation);
    for (const message of messages)
      await db.messages.put({
        ...message,
        seq: message.seq ?? message.createdAt * 1000,
        conversationId: conversation.id,
      });
  }
  const rawMs = (performance.now() - started) / (count * 3);
  for (const entry of entries) await deleteConversation(entry.id);
  return { indexedMs, rawMs };
}

/** Bytes of the search index held in memory (postings, bigram tables, ids). */
async function indexBytes(): Promise<number> {
  const index = await loadSearchIndex();
  let bytes = 0;
  for (const segment of index.segments) {
    for (const table of [segment.body, segment.title]) {
      bytes += table.grams.byteLength + table.entries.byteLength + table.data.byteLength;
    }
    bytes += segment.updatedAt.byteLength + segment.kinds.byteLength + segment.models.byteLength;
    bytes += segment.ids.reduce((sum, id) => sum + id.length * 2, 0);
  }
  for (const doc of index.pending) bytes += doc.grams.byteLength + doc.titleGrams.byteLength;
  return bytes;
}

async function storageBytes(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

Object.assign(globalThis, {
  historyBench: {
    seed,
    indexLoad,
    forgetIndex,
    indexBytes,
    search,
    scan,
    listFirstPage,
    writeEntries,
    storageBytes,
  },
});

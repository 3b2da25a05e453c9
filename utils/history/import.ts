import { z } from 'zod';
import type { UiLanguage } from '../i18n';
import { type ConversationRecord, db, type MessageRecord } from './db';
import { HistoryWriteError, historyWrite } from './errors';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedConversation, historyExportSchema } from './export';
import { pendingDoc } from './index-format';
import { placesFor } from './order';
import { indexMany } from './search-index';
import { messagesOf } from './store';

// Named one by one: indexing `z.locales` by a variable would bundle all of zod's 40-odd languages.
const LOCALE_ERRORS = { ja: z.locales.ja, en: z.locales.en } as const;

/** Larger files are refused before they are read: a side panel should not parse half a gigabyte. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

/** Keys that could reach an object's prototype if a file's data were ever spread or assigned. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ImportProblem =
  | { kind: 'too-large'; maxBytes: number }
  | { kind: 'not-json'; detail: string }
  | { kind: 'forbidden-key'; key: string }
  | { kind: 'wrong-format' }
  | { kind: 'unsupported-version'; version: string }
  | { kind: 'invalid'; issues: { path: string; message: string }[] }
  | { kind: 'write-failed'; cause: HistoryWriteError['kind'] };

export type ImportOutcome =
  | { ok: true; added: number; updated: number; kept: number }
  | { ok: false; problem: ImportProblem };

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; problem: ImportProblem } {
  try {
    const value: unknown = JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ForbiddenKey)
      return { ok: false, problem: { kind: 'forbidden-key', key: error.key } };
    return { ok: false, problem: { kind: 'not-json', detail: error instanceof Error ? error.message : '' } };
  }
}

/** Checks a file's text against the export format; nothing is written. */
export function validateHistoryFile(
  text: string,
  language: UiLanguage = 'ja',
): { ok: true; conversations: ExportedConversation[] } | { ok: false; problem: ImportProblem } {
  // Two bytes a character at most: cheap to check before parsing.
  if (text.length * 2 > MAX_IMPORT_BYTES && new Blob([text]).size > MAX_IMPORT_BYTES) {
    return { ok: false, problem: { kind: 'too-large', maxBytes: MAX_IMPORT_BYTES } };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) return parsed;
  const { value } = parsed;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problem: { kind: 'wrong-format' } };
  }
  const header = value as { format?: unknown; version?: unknown };
  if (header.format !== EXPORT_FORMAT) return { ok: false, problem: { kind: 'wrong-format' } };
  if (header.version !== EXPORT_VERSION) {
    return { ok: false, problem: { kind: 'unsupported-version', version: String(header.version) } };
  }
  const result = historyExportSchema.safeParse(value, { error: LOCALE_ERRORS[language]().localeError });
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((issue) => ({
      path: issue.path.map(String).join('.'),
      message: issue.message,
    }));
    return { ok: false, problem: { kind: 'invalid', issues } };
  }
  return { ok: true, conversations: result.data.conversations };
}

/**
 * Merges the conversations into the history in one transaction: a conversation or message the history does
 * not have is added; one it has is replaced only by a newer copy (`updatedAt`); a conversation kept as it
 * is keeps its own messages.
 */
async function merge(conversations: readonly ExportedConversation[]) {
  // Within the file too, the newest copy of a conversation wins.
  const newest = new Map<string, ExportedConversation>();
  for (const entry of conversations) {
    const seen = newest.get(entry.id);
    if (!seen || seen.updatedAt < entry.updatedAt) newest.set(entry.id, entry);
  }
  const ids = [...newest.keys()];
  const local = await db.conversations.bulkGet(ids);
  const winners: { conversation: ConversationRecord; messages: MessageRecord[]; isNew: boolean }[] = [];
  ids.forEach((id, at) => {
    const entry = newest.get(id);
    const existing = local[at];
    if (!entry || (existing && existing.updatedAt >= entry.updatedAt)) return;
    const { messages, ...conversation } = entry;
    const placed = messages.every((message) => message.seq !== undefined)
      ? (messages as ((typeof messages)[number] & { seq: number })[])
      : placesFor(messages);
    const owned = placed.map((message): MessageRecord => ({ ...message, conversationId: id }));
    winners.push({ conversation, messages: owned, isNew: !existing });
  });
  const incoming = winners.flatMap((winner) => winner.messages);
  const localMessages = await db.messages.bulkGet(incoming.map((message) => message.id));
  // A message id the history already has is replaced only by a newer copy, and never moved elsewhere.
  const newer = incoming.filter((message, at) => {
    const mine = localMessages[at];
    return !mine || (mine.conversationId === message.conversationId && mine.updatedAt < message.updatedAt);
  });
  await db.conversations.bulkPut(winners.map((winner) => winner.conversation));
  await db.messages.bulkPut(newer);
  const written = new Map<string, MessageRecord[]>();
  for (const message of newer)
    written.set(message.conversationId, [...(written.get(message.conversationId) ?? []), message]);
  const docs = [];
  for (const { conversation, isNew } of winners) {
    const messages = isNew
      ? (written.get(conversation.id) ?? [])
      : await messagesOf(conversation.id).toArray();
    docs.push(pendingDoc(conversation, messages));
  }
  await indexMany(docs);
  const added = winners.filter((winner) => winner.isNew).length;
  return { added, updated: winners.length - added, kept: ids.length - winners.length };
}

export async function importHistory(text: string, language: UiLanguage = 'ja'): Promise<ImportOutcome> {
  const checked = validateHistoryFile(text, language);
  if (!checked.ok) return checked;
  try {
    const counts = await historyWrite(() =>
      db.transaction('rw', db.conversations, db.messages, db.searchIndex, () => merge(checked.conversations)),
    );
    return { ok: true, ...counts };
  } catch (error) {
    if (error instanceof HistoryWriteError)
      return { ok: false, problem: { kind: 'write-failed', cause: error.kind } };
    throw error;
  }
}

/** Reads a chosen file, refusing an oversized one before reading it. */
export async function importHistoryFile(file: Blob, language: UiLanguage = 'ja'): Promise<ImportOutcome> {
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, problem: { kind: 'too-large', maxBytes: MAX_IMPORT_BYTES } };
  }
  return importHistory(await file.text(), language);
}

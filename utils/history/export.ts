import { z } from 'zod';
import { parseProofread } from '../actions/proofread';
import { actionIdSchema } from '../actions/registry';
import { splitPageQuestion } from '../page/page-question';
import { DETECTOR_IDS } from '../pii/registry';
import { type ConversationRecord, db, type MessageRecord } from './db';
import { messagesOf } from './store';

/*
 * The export file (contract: keep reading every version ever written). Strict objects: an unknown key in an
 * imported file is reported, never copied into the database.
 */
export const EXPORT_FORMAT = 'tatakidai-history';
export const EXPORT_VERSION = 1;

const MAX_TEXT = 1_000_000;
const text = z.string().max(MAX_TEXT);
const timestamp = z.number().int().nonnegative();
const status = z.enum(['complete', 'interrupted', 'error']);

const exportedMessageSchema = z.strictObject({
  id: z.string().min(1).max(200),
  role: z.enum(['user', 'assistant']),
  content: text,
  shown: text.optional(),
  model: z.string().max(500),
  status,
  errorKind: z.string().max(100).optional(),
  usage: z
    .strictObject({
      inputTokens: z.number().int().nonnegative(),
      outputTokens: z.number().int().nonnegative(),
    })
    .optional(),
  superseded: z.boolean().optional(),
  /** Absent in files written before messages had a place (see order.ts): the import gives them one. */
  seq: timestamp.optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** Kept so answers still show the real values behind [マイナンバー1]-style placeholders after an import. */
const piiReplacementSchema = z.strictObject({
  placeholder: z.string().max(200),
  original: z.string().max(10_000),
  detector: z.enum(DETECTOR_IDS),
});

const exportedConversationSchema = z.strictObject({
  id: z.string().min(1).max(200),
  kind: z.enum(['chat', 'action']),
  action: actionIdSchema.optional(),
  templateId: z.string().max(200).optional(),
  title: text,
  model: z.string().max(500),
  pageUrl: text.optional(),
  pageTitle: text.optional(),
  input: text.optional(),
  translateTarget: z.string().max(100).optional(),
  piiMapping: z.array(piiReplacementSchema).max(10_000).optional(),
  system: text,
  status,
  createdAt: timestamp,
  updatedAt: timestamp,
  messages: z.array(exportedMessageSchema).max(10_000),
});

export const historyExportSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime(),
  conversations: z.array(exportedConversationSchema).max(200_000),
});

export type HistoryExport = z.infer<typeof historyExportSchema>;
export type ExportedConversation = z.infer<typeof exportedConversationSchema>;

function withoutOwner({ conversationId: _owner, ...message }: MessageRecord) {
  return message;
}

/** All history (newest first), or only the conversations in `ids`, with their messages. */
export async function exportHistory(ids?: readonly string[], now = new Date()): Promise<HistoryExport> {
  const conversations = await db.transaction('r', db.conversations, db.messages, async () => {
    const records = ids
      ? (await db.conversations.bulkGet([...ids])).filter(
          (record): record is ConversationRecord => record !== undefined,
        )
      : await db.conversations.orderBy('updatedAt').reverse().toArray();
    return Promise.all(
      records.map(async (conversation) => ({
        ...conversation,
        messages: (await messagesOf(conversation.id).toArray()).map(withoutOwner),
      })),
    );
  });
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), conversations };
}

export function exportToJson(exported: HistoryExport): string {
  return `${JSON.stringify(exported, null, 1)}\n`;
}

export interface MarkdownLabels {
  you: string;
  assistant: string;
  page: string;
  model: string;
  /** "Changes" under a proofread's corrected text. */
  changes: string;
  formatDate(timestamp: number): string;
  status(status: ConversationRecord['status']): string | undefined;
  /** The policy's name for a model, as the panel shows it. */
  modelLabel(id: string): string;
}

type ExportedMessage = ExportedConversation['messages'][number];

/**
 * A message as the panel showed it, not as the model got it: an action's own text instead of the prompt
 * around it (`<document>`, "### Part 1"), a template's fields, a page question without the page, a
 * proofread's corrected text and changes instead of its tags.
 */
function seenText(conversation: ExportedConversation, message: ExportedMessage, changes: string): string {
  if (message.role === 'user') {
    if (message.shown !== undefined) return message.shown;
    if (conversation.kind === 'action' && message === conversation.messages[0] && conversation.input)
      return conversation.input;
    return splitPageQuestion(message.content)?.question ?? message.content;
  }
  if (conversation.action !== 'proofread') return message.content;
  const parsed = parseProofread(message.content);
  if (parsed.changes.length === 0) return parsed.corrected;
  return [parsed.corrected, '', `${changes}:`, ...parsed.changes.map((change) => `- ${change}`)].join('\n');
}

/** Markdown for reading (not for importing): one section per conversation, oldest message first. */
export function exportToMarkdown(exported: HistoryExport, labels: MarkdownLabels): string {
  const sections = exported.conversations.map((conversation) => {
    const status = labels.status(conversation.status);
    const lines = [`## ${conversation.title.replace(/\s+/gu, ' ')}`, ''];
    lines.push(`- ${labels.formatDate(conversation.updatedAt)}${status ? ` (${status})` : ''}`);
    lines.push(`- ${labels.model}: ${labels.modelLabel(conversation.model)}`);
    if (conversation.pageUrl) {
      lines.push(
        `- ${labels.page}: [${conversation.pageTitle ?? conversation.pageUrl}](${conversation.pageUrl})`,
      );
    }
    for (const message of conversation.messages) {
      const who = message.role === 'user' ? labels.you : labels.assistant;
      lines.push('', `### ${who}`, '', seenText(conversation, message, labels.changes));
    }
    return lines.join('\n');
  });
  return `${sections.join('\n\n---\n\n')}\n`;
}

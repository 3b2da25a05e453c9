import { type PiiReplacement, redact } from '../pii/redact';
import { type PiiConfig, screenText } from '../pii/screen';
import type { ConversationRecord, MessageRecord } from './db';

/**
 * `history.keepOriginals: false`: what is written to this PC's history holds placeholders, never the
 * personal data they stand for, so a shared or lost PC does not hold residents' data. The conversation on
 * screen keeps the originals until the panel closes; after that the answers show the placeholders.
 * Every text is screened again (the user may have chosen "send anyway" in warn mode) and reuses the
 * conversation's placeholders, so a saved question and its answer say `[電話番号1]` alike.
 */
export interface HistoryPrivacy {
  keepOriginals: boolean;
  pii: PiiConfig;
}

function redacted(text: string, config: PiiConfig, mapping: readonly PiiReplacement[]): string {
  return redact(text, screenText(text, { ...config, mode: 'redact' }).actionable, mapping).text;
}

export function conversationForHistory(
  conversation: ConversationRecord,
  privacy: HistoryPrivacy,
): ConversationRecord {
  if (privacy.keepOriginals) return conversation;
  const mapping = conversation.piiMapping ?? [];
  const { piiMapping: _originals, ...rest } = conversation;
  const clean = (text: string) => redacted(text, privacy.pii, mapping);
  return {
    ...rest,
    title: clean(conversation.title),
    ...(conversation.input !== undefined ? { input: clean(conversation.input) } : {}),
    ...(conversation.pageTitle !== undefined ? { pageTitle: clean(conversation.pageTitle) } : {}),
  };
}

export function messageForHistory(
  message: MessageRecord,
  mapping: readonly PiiReplacement[],
  privacy: HistoryPrivacy,
): MessageRecord {
  if (privacy.keepOriginals) return message;
  const shown = message.shown === undefined ? {} : { shown: redacted(message.shown, privacy.pii, mapping) };
  return { ...message, content: redacted(message.content, privacy.pii, mapping), ...shown };
}

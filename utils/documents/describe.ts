import type { Translator, UiLanguage } from '../i18n';
import type { DocumentErrorKind, ExtractedDocument } from './types';

/** What the chip shows: the file, not its text. */
export type DocumentFacts = Omit<ExtractedDocument, 'text'>;

const FORMAT_NAMES = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel', csv: 'CSV', text: 'テキスト' } as const;

function size(bytes: number, language: UiLanguage): string {
  const locale = language === 'ja' ? 'ja-JP' : 'en-US';
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** "PDF · 12 ページ · 1.2 MB", "Excel · 2 シート · 45 KB · 回答: 1,000 行中 480 行を送信". */
export function describeDocument(facts: DocumentFacts, t: Translator, language: UiLanguage): string {
  const locale = language === 'ja' ? 'ja-JP' : 'en-US';
  const number = (value: number) => value.toLocaleString(locale);
  const parts: string[] = [facts.format === 'text' ? t('document_formatText') : FORMAT_NAMES[facts.format]];
  if (facts.pages !== undefined) parts.push(t('document_pages', number(facts.pages)));
  if (facts.format === 'xlsx' && facts.tables) parts.push(t('document_sheets', number(facts.tables.length)));
  parts.push(size(facts.byteLength, language));
  for (const table of facts.tables ?? []) {
    if (table.sentRows < table.rows) {
      parts.push(t('document_rowsSent', table.name, number(table.rows), number(table.sentRows)));
    } else if (facts.format !== 'pdf') {
      parts.push(t('document_rows', table.name, number(table.rows)));
    }
  }
  return parts.join(' · ');
}

/** The message for each way a file can fail to be read (each says what happened and what to do). */
export const DOCUMENT_PROBLEMS = {
  password: 'document_password',
  'no-text': 'document_noText',
  corrupt: 'document_corrupt',
  'too-big': 'document_tooBig',
  unsupported: 'document_unsupported',
  mismatch: 'document_mismatch',
} as const satisfies Record<DocumentErrorKind, string>;

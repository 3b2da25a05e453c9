/** The file formats staff can attach; the policy's `files.types` lists some of these. */
export const DOCUMENT_FORMATS = ['pdf', 'docx', 'xlsx', 'csv', 'text'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** The default size limit: far above any council PDF, well below what would stall the panel. */
export const DEFAULT_MAX_BYTES = 30 * 1024 * 1024;

/** One sheet or CSV as it went to the model: how much of it was sent. */
export interface TableSummary {
  name: string;
  rows: number;
  columns: number;
  /** Data rows sent (the header row not counted); fewer than `rows` for a large sheet. */
  sentRows: number;
}

/** What a document reader gives back: only text leaves the panel, never the file itself. */
export interface ExtractedDocument {
  fileName: string;
  format: DocumentFormat;
  byteLength: number;
  text: string;
  /** PDF pages; `undefined` for formats without pages. */
  pages?: number;
  /** XLSX sheets or the one CSV table. */
  tables?: TableSummary[];
}

/**
 * Every way reading a file can fail, as a value the panel can explain: a password, a scan without a text
 * layer, a damaged file, a file over the size limit, a format we do not read, or a file that is not what its
 * name says.
 */
export type DocumentErrorKind = 'password' | 'no-text' | 'corrupt' | 'too-big' | 'unsupported' | 'mismatch';

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  constructor(
    readonly kind: DocumentErrorKind,
    /** For the log and tests; the panel shows a message from `_locales` chosen by `kind`. */
    readonly detail = '',
  ) {
    super(`${kind}${detail ? `: ${detail}` : ''}`);
  }
}

export interface ExtractOptions {
  /** Larger files are refused before they are parsed. */
  maxBytes?: number;
  /** Formats the organisation allows; others are refused as unsupported. */
  formats?: readonly DocumentFormat[];
  /** Called as PDF pages are read, for "12 / 40 ページ". */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

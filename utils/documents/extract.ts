import { documentFormat } from './sniff';
import {
  DEFAULT_MAX_BYTES,
  DocumentError,
  type DocumentFormat,
  type ExtractedDocument,
  type ExtractOptions,
} from './types';

/** Each reader is its own chunk, loaded the first time a file of its kind is opened. */
const READERS: Record<
  DocumentFormat,
  (bytes: Uint8Array, fileName: string, options: ExtractOptions) => Promise<ExtractedDocument>
> = {
  pdf: async (bytes, fileName, options) => (await import('./pdf')).extractPdf(bytes, fileName, options),
  docx: async (bytes, fileName) => (await import('./docx')).extractDocx(bytes, fileName),
  xlsx: async (bytes, fileName) => (await import('./xlsx')).extractXlsx(bytes, fileName),
  csv: async (bytes, fileName) => (await import('./csv')).extractCsv(bytes, fileName),
  text: async (bytes, fileName) => (await import('./text')).extractText(bytes, fileName),
};

/**
 * The text of a file staff attach or a PDF open in a tab: the one entry point, the same in the extension
 * and in Node. Refuses, with a `DocumentError`, a file over the size limit, of a format not allowed, that is
 * not what its name says, damaged, locked with a password, or without any text.
 */
export async function extractDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  if (bytes.length > (options.maxBytes ?? DEFAULT_MAX_BYTES)) throw new DocumentError('too-big');
  const format = documentFormat(bytes, fileName);
  if (options.formats && !options.formats.includes(format)) throw new DocumentError('unsupported', format);
  const document = await READERS[format](bytes, fileName, options);
  if (!document.text.trim()) throw new DocumentError('no-text');
  return document;
}

import { decodeText } from './decode-text';
import type { ExtractedDocument } from './types';

/** Plain text and Markdown go as they are, once decoded. */
export function extractText(bytes: Uint8Array, fileName: string): ExtractedDocument {
  const text = decodeText(bytes).replace(/\r\n?/g, '\n').trim();
  return { fileName, format: 'text', byteLength: bytes.length, text };
}

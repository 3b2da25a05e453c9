import Papa from 'papaparse';
import { decodeText } from './decode-text';
import { formatTable } from './table';
import type { ExtractedDocument } from './types';

/** CSV or TSV (the delimiter is detected), UTF-8 or Shift_JIS, quoted fields with line breaks included. */
export function extractCsv(bytes: Uint8Array, fileName: string): ExtractedDocument {
  const source = decodeText(bytes);
  const parsed = Papa.parse<string[]>(source, { skipEmptyLines: 'greedy' });
  const { text, summary } = formatTable(fileName, parsed.data);
  return { fileName, format: 'csv', byteLength: bytes.length, text, tables: [summary] };
}

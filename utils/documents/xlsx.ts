import readXlsxFile from 'read-excel-file/universal';
import { formatTable } from './table';
import { DocumentError, type ExtractedDocument } from './types';

/** Every sheet of a workbook, in order, each as a compact table. */
export async function extractXlsx(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  const buffer = bytes.slice().buffer;
  const sheets = await readXlsxFile(buffer).catch((error: unknown) => {
    throw new DocumentError('corrupt', String(error));
  });
  const tables = sheets.map((sheet) => formatTable(sheet.sheet, sheet.data));
  return {
    fileName,
    format: 'xlsx',
    byteLength: bytes.length,
    text: tables.map((table) => table.text).join('\n\n'),
    tables: tables.map((table) => table.summary),
  };
}

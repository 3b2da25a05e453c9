import { DocumentError, type DocumentFormat } from './types';

const EXTENSIONS: Record<string, DocumentFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  csv: 'csv',
  tsv: 'csv',
  txt: 'text',
  md: 'text',
  markdown: 'text',
};

/** The format a file name claims, from its extension; `null` for anything we do not read (.doc, .xls, .pptx…). */
export function claimedFormat(fileName: string): DocumentFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  return EXTENSIONS[extension] ?? null;
}

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const codes = [...needle].map((char) => char.charCodeAt(0));
  const first = codes[0];
  outer: for (let at = bytes.indexOf(first ?? 0); at >= 0; at = bytes.indexOf(first ?? 0, at + 1)) {
    for (let index = 1; index < codes.length; index++) if (bytes[at + index] !== codes[index]) continue outer;
    return true;
  }
  return false;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Word 97–2003 and Excel 97–2003 files (and .msg) are OLE compound files. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What the bytes are, whatever the name says. */
function sniffedFormat(bytes: Uint8Array): DocumentFormat | 'zip' | 'ole' | 'binary' {
  // Some writers put a few bytes before the header; readers accept it within the first kilobyte.
  const head = bytes.subarray(0, 1024);
  if (containsAscii(head, '%PDF-')) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    // Part names are stored uncompressed in a ZIP, so the package type shows in the raw bytes.
    if (containsAscii(bytes, 'word/document.xml')) return 'docx';
    if (containsAscii(bytes, 'xl/workbook.xml')) return 'xlsx';
    return 'zip';
  }
  if (startsWith(bytes, OLE)) return 'ole';
  // Text never holds NUL bytes (UTF-16 files do, and we do not read those).
  if (bytes.subarray(0, 8192).includes(0)) return 'binary';
  return 'text';
}

/**
 * The format to read the file as: the one its name claims, if the bytes agree. A renamed file (a `.pdf` that
 * is a Word file, an `.xlsx` that is a CSV) is refused rather than guessed at.
 */
export function documentFormat(bytes: Uint8Array, fileName: string): DocumentFormat {
  const claimed = claimedFormat(fileName);
  if (!claimed) throw new DocumentError('unsupported', fileName);
  const actual = sniffedFormat(bytes);
  const agrees = claimed === 'csv' || claimed === 'text' ? actual === 'text' : actual === claimed;
  if (!agrees) throw new DocumentError('mismatch', `${fileName} looks like ${actual}`);
  return claimed;
}

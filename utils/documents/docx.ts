import mammoth from 'mammoth';
import { DocumentError, type ExtractedDocument } from './types';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Mammoth's HTML (a small, regular set of tags) as text that keeps the structure a model needs: "#" headings,
 * "- " list items, and table rows with cells joined by " | ".
 */
export function docxHtmlToText(html: string): string {
  let out = '';
  let inCell = false;
  let cells: string[] = [];
  let cell = '';
  const write = (text: string) => {
    if (inCell) cell += text;
    else out += text;
  };
  for (const [, closing, tag, text] of html.matchAll(/<(\/?)([a-z0-9]+)[^>]*>|([^<]+)/gi)) {
    if (text !== undefined) {
      write(decodeEntities(text));
      continue;
    }
    const name = tag?.toLowerCase() ?? '';
    const heading = /^h([1-6])$/.exec(name);
    if (!closing) {
      if (heading && !inCell) out += `${'#'.repeat(Number(heading[1]))} `;
      if (name === 'li') write(inCell ? '' : '- ');
      if (name === 'br') write(inCell ? ' ' : '\n');
      if (name === 'td' || name === 'th') {
        inCell = true;
        cell = '';
      }
      continue;
    }
    if (name === 'td' || name === 'th') {
      inCell = false;
      cells.push(cell.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|'));
    } else if (name === 'tr') {
      out += `${cells.join(' | ')}\n`;
      cells = [];
    } else if (name === 'table') out += '\n';
    else if (inCell && (name === 'p' || heading || name === 'li')) cell += ' ';
    else if (name === 'p' || heading) out += '\n\n';
    else if (name === 'li') out += '\n';
    else if (name === 'ul' || name === 'ol') out += '\n';
  }
  return out
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A Word document's text with its headings, lists and tables. */
export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedDocument> {
  const arrayBuffer = bytes.slice().buffer;
  // Mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; both accept an ArrayBuffer.
  const input = { arrayBuffer, buffer: arrayBuffer };
  const result = await mammoth.convertToHtml(input).catch((error: unknown) => {
    throw new DocumentError('corrupt', String(error));
  });
  return { fileName, format: 'docx', byteLength: bytes.length, text: docxHtmlToText(result.value) };
}

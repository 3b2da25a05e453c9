import { extractDocument } from './extract';
import { pdfFileName } from './pdf-url';
import { DocumentError, type ExtractedDocument, type ExtractOptions } from './types';

/**
 * A PDF open in a tab, fetched again by the side panel (with the user's cookies, like the tab) and read
 * here: the browser's PDF viewer gives extensions no access to its text. Too big is refused from
 * Content-Length before the body is downloaded, when the server sends it.
 */
export async function readPdfFromUrl(url: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  const response = await fetch(url, { credentials: 'include', signal: options.signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (options.maxBytes && declared > options.maxBytes) throw new DocumentError('too-big');
  const bytes = new Uint8Array(await response.arrayBuffer());
  return extractDocument(bytes, pdfFileName(url), options);
}

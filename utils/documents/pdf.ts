import { GlobalWorkerOptions, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DocumentError, type ExtractedDocument, type ExtractOptions } from './types';

interface PdfAssets {
  workerSrc?: string;
  cMapUrl: string;
  standardFontDataUrl: string;
}

/**
 * Where pdf.js finds its CMaps and standard font data. Without the CMaps, Japanese text in a predefined CMap
 * such as UniJIS-UCS2-H (what Japanese office software writes for non-embedded fonts) comes out empty.
 * In an extension page they are packaged files (wxt.config.ts copies them); the worker must be one too,
 * as the extension's CSP allows no blob: workers. In Node (tests, benchmark) they are the package's folders.
 */
function pdfAssets(): PdfAssets {
  const origin = globalThis.location?.origin;
  if (origin && /^(chrome|moz)-extension:/.test(origin)) {
    return {
      workerSrc: `${origin}/pdfjs/pdf.worker.min.mjs`,
      cMapUrl: `${origin}/pdfjs/cmaps/`,
      standardFontDataUrl: `${origin}/pdfjs/standard_fonts/`,
    };
  }
  const { createRequire } = process.getBuiltinModule('node:module');
  const packageJson = createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
  const root = packageJson.slice(0, -'package.json'.length);
  return { cMapUrl: `${root}cmaps/`, standardFontDataUrl: `${root}standard_fonts/` };
}

/** pdf.js reports these by exception name; the names are part of its API. */
function explain(error: unknown): DocumentError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new DocumentError('password');
  return new DocumentError('corrupt', error instanceof Error ? error.message : String(error));
}

/**
 * The text of every page, in reading order as pdf.js gives it, lines kept. A PDF that is only scanned
 * pictures has no text layer: that is an error the user must hear about, not an empty summary.
 */
export async function extractPdf(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): Promise<ExtractedDocument> {
  const assets = pdfAssets();
  if (assets.workerSrc) GlobalWorkerOptions.workerSrc = assets.workerSrc;
  const task = getDocument({
    // pdf.js moves the buffer to its worker: give it a copy, the caller keeps the original.
    data: bytes.slice(),
    cMapUrl: assets.cMapUrl,
    cMapPacked: true,
    standardFontDataUrl: assets.standardFontDataUrl,
    // Extension pages forbid eval; text extraction needs no font rendering.
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  const abort = () => void task.destroy();
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    const pdf = await task.promise.catch((error: unknown) => {
      throw explain(error);
    });
    const pages: string[] = [];
    options.onProgress?.(0, pdf.numPages);
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text.replace(/[ \t]+\n/g, '\n').trim());
      page.cleanup();
      options.onProgress?.(number, pdf.numPages);
    }
    if (pages.every((text) => text === '')) throw new DocumentError('no-text');
    const text =
      pages.length === 1
        ? (pages[0] ?? '')
        : pages.map((page, index) => `[Page ${index + 1}]\n${page}`).join('\n\n');
    return { fileName, format: 'pdf', byteLength: bytes.length, text, pages: pdf.numPages };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await task.destroy();
  }
}

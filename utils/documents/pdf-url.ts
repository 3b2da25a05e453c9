/** A URL whose path ends in .pdf: read as a PDF without asking the page first (the viewer cannot be scripted). */
export function looksLikePdfUrl(url: string): boolean {
  try {
    return /\.pdf$/i.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** A name for a PDF known only by its URL: the last path segment, decoded, ending in .pdf. */
export function pdfFileName(url: string): string {
  const { pathname } = new URL(url);
  let last = pathname.split('/').pop() ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the raw segment.
  }
  return /\.pdf$/i.test(last) ? last : `${last || 'document'}.pdf`;
}

/**
 * Search folding and tokenising. Japanese has no spaces, so text is indexed as character bigrams: any query
 * of 2+ characters is found inside "令和7年第3回定例会の議会答弁案" without a dictionary, and a single character
 * through the bigrams that start or end with it (a character with only spaces around it is not found). Folding (NFKC,
 * lower case) makes ＡＢＣ, abc and ABC, or ｶﾅ and カナ, find each other.
 */

const foldCache = new Map<number, string>();

/** Code units NFKC and lower-casing leave alone (、。「」, kana, CJK ideographs): most of Japanese text. */
function isStable(code: number): boolean {
  return (
    (code >= 0x3001 && code <= 0x3037) ||
    (code >= 0x3041 && code <= 0x30fe) ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

function foldCodePoint(codePoint: number): string {
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
    folded = String.fromCodePoint(codePoint).normalize('NFKC').toLowerCase();
    foldCache.set(codePoint, folded);
  }
  return folded;
}

export interface FoldedText {
  text: string;
  /** For each code unit of `text`, the index of the code unit in the original it came from. */
  origin: number[];
}

/** Folds one code point at a time so every folded character can be traced back to the original. */
export function foldWithOrigin(original: string): FoldedText {
  let text = '';
  const origin: number[] = [];
  for (let index = 0; index < original.length; ) {
    const codePoint = original.codePointAt(index) ?? 0;
    const width = codePoint > 0xffff ? 2 : 1;
    const folded =
      codePoint < 0x80
        ? String.fromCharCode(codePoint >= 65 && codePoint <= 90 ? codePoint + 32 : codePoint)
        : isStable(codePoint)
          ? String.fromCharCode(codePoint)
          : foldCodePoint(codePoint);
    text += folded;
    for (let unit = 0; unit < folded.length; unit += 1) origin.push(index);
    index += width;
  }
  return { text, origin };
}

/**
 * Folding for indexing, querying and checking: the browser's own NFKC, fast on long text. It differs from
 * {@link foldWithOrigin} only where NFKC composes across characters (ｶﾞ), which can cost a highlight, not
 * a result: index, query and check all use this one.
 */
export function fold(original: string): string {
  return original.normalize('NFKC').toLowerCase();
}

function isSpace(code: number): boolean {
  return code <= 0x20 || code === 0x3000 || code === 0xa0 || code === 0x2028 || code === 0x2029;
}

/**
 * The distinct bigrams of folded text as sorted numbers (two UTF-16 code units packed in 32 bits: compact,
 * no strings). Pairs with white space are skipped: a query term never contains any.
 */
export function bigrams(folded: string): Uint32Array {
  const seen = new Set<number>();
  for (let index = 0; index + 1 < folded.length; index += 1) {
    const first = folded.charCodeAt(index);
    const second = folded.charCodeAt(index + 1);
    if (isSpace(first) || isSpace(second)) continue;
    seen.add(((first << 16) | second) >>> 0);
  }
  return Uint32Array.from(seen).sort();
}

/** Query terms: folded, split on white space (half- or full-width), duplicates dropped. */
export function queryTerms(query: string): string[] {
  return [...new Set(fold(query).split(/[\s\u3000]+/u))].filter((term) => term.length > 0);
}

export type Range = [start: number, end: number];

/** Where each term occurs in `original`, as ranges over the original string, merged and sorted. */
export function matchRanges(original: string, terms: readonly string[]): Range[] {
  if (terms.length === 0 || original.length === 0) return [];
  const { text, origin } = foldWithOrigin(original);
  const ranges: Range[] = [];
  for (const term of terms) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + term.length)) {
      const start = origin[at] ?? 0;
      const lastOrigin = origin[at + term.length - 1] ?? start;
      // The end is the end of the original code point the last folded unit came from.
      const lastCode = original.codePointAt(lastOrigin) ?? 0;
      ranges.push([start, lastOrigin + (lastCode > 0xffff ? 2 : 1)]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

export interface Snippet {
  text: string;
  ranges: Range[];
}

/** A window of `original` around its first match, with the match ranges shifted into the window. */
export function snippetAround(original: string, terms: readonly string[], width = 90): Snippet {
  const flat = original.replace(/\s+/gu, ' ');
  const ranges = matchRanges(flat, terms);
  const first = ranges[0];
  const start = first ? Math.max(0, first[0] - Math.floor(width / 4)) : 0;
  const end = Math.min(flat.length, start + width);
  const prefix = start > 0 ? '…' : '';
  const text = `${prefix}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
  const shifted = ranges
    .filter(([from, to]) => from < end && to > start)
    .map(
      ([from, to]): Range => [
        Math.max(from, start) - start + prefix.length,
        Math.min(to, end) - start + prefix.length,
      ],
    );
  return { text, ranges: shifted };
}

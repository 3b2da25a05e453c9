import type { PiiLabel, Span } from './types';

export const BANNED_TERM_LABEL: PiiLabel = { ja: '送信禁止語', en: 'Banned term' };

/**
 * Every occurrence of each term the policy lists (取扱注意, 秘…), compared after the same normalisation as the
 * text, so ＣＯＮＦＩＤＥＮＴＩＡＬ matches CONFIDENTIAL. Exact substrings: 秘 also matches inside 秘書課.
 */
export function findBannedTerms(normalised: string, terms: readonly string[]): Span[] {
  const spans: Span[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    const needle = term.normalize('NFKC').trim();
    if (needle === '' || seen.has(needle)) continue;
    seen.add(needle);
    for (
      let at = normalised.indexOf(needle);
      at !== -1;
      at = normalised.indexOf(needle, at + needle.length)
    ) {
      spans.push({ start: at, end: at + needle.length });
    }
  }
  return spans;
}

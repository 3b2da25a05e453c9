import type { Span } from './types';
/** True when a word matching `words` appears within `window` characters before `index`. */
export function hasContextBefore(text: string, index: number, words: RegExp, window: number): boolean {
  return words.test(text.slice(Math.max(0, index - window), index));
}

/** True when a word matching `words` appears within `window` characters after `index`. */
export function hasContextAfter(text: string, index: number, words: RegExp, window: number): boolean {
  return words.test(text.slice(index, index + window));
}

/**
 * Numbers grouped by spaces (1234 5678 9012) must not be a slice of a longer spaced run such as a table row
 * of digits; a regex lookbehind cannot tell a separating space from an ordinary one, so this checks it.
 */
export function continuesSpacedDigits(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 2);
  return /^[0-9] $/.test(before) || /^ [0-9]$/.test(after);
}

/** Digits only: `0287-43-1111` → `0287431111`. */
export function digitsOf(text: string): string {
  return text.replace(/[^0-9]/g, '');
}

/** The spans of every match of `candidate` that `keep` accepts: the loop each detector would otherwise repeat. */
export function spansWhere(
  text: string,
  candidate: RegExp,
  keep: (match: RegExpExecArray, start: number, end: number) => boolean,
): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(candidate)) {
    const start = match.index;
    const end = start + match[0].length;
    if (keep(match, start, end)) spans.push({ start, end });
  }
  return spans;
}

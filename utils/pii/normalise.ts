import type { Span } from './types';

export interface NormalisedText {
  /** NFKC, every dash between digits as `-`, every space as ` `, invisible format characters removed. */
  text: string;
  /** `text[i]` came from `original.slice(from[i], to[i])`. */
  from: Uint32Array;
  to: Uint32Array;
}

/**
 * Characters NFKC leaves alone and that need no mapping: most Japanese text (tab, line breaks, printable
 * ASCII, 、。「」『』, hiragana, katakana, ー, the common kanji). Everything else is normalised one segment at a
 * time. Tested on each UTF-16 unit with comparisons, not a regex exec per segment (a long page has thousands).
 */
function needsWork(code: number): boolean {
  if (code <= 0x7e) return code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code >= 0x4e00) return code > 0x9fff;
  return !(
    code === 0x3001 ||
    code === 0x3002 ||
    (code >= 0x300c && code <= 0x300f) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === 0x30fc
  );
}
/** Marks that NFKC composes with the character before them (か + ゙ → が, ｶ + ﾞ → ガ). */
const COMBINING = /^[\p{M}\uff9e\uff9f]$/u;
/** Dashes that staff (and IMEs) type between digits: ‐ ‑ ‒ – — ― ⁃ − ﹘ ﹣ (－ is `-` after NFKC). */
const DASH = /[\u2010-\u2015\u2043\u2212\ufe58\ufe63]/;
const isDigitCode = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * ー is a dash only between digits (０９０ー１２３４…); elsewhere it lengthens a vowel. Found with indexOf:
 * a regex with a lookbehind is tried at every position of the text.
 */
function digitDashes(text: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (let at = text.indexOf('ー'); at !== -1; at = text.indexOf('ー', at + 1)) {
    if (isDigitCode(text.charCodeAt(at - 1)) && isDigitCode(text.charCodeAt(at + 1))) {
      parts.push(text.slice(copied, at), '-');
      copied = at + 1;
    }
  }
  if (copied === 0) return text;
  parts.push(text.slice(copied));
  return parts.join('');
}
/**
 * Invisible characters (zero-width space, joiners, bidi controls, BOM, soft hyphen) are dropped, so digits
 * with zero-width spaces between them are still read as one number.
 */
const FORMAT = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

function codePointLength(text: string, at: number): number {
  return (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
}

/** COMBINING for each UTF-16 unit, learnt the first time it is seen: 0 unknown, 1 no, 2 yes. */
const combiningUnits = new Uint8Array(0x10000);

function isCombiningAt(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code >= 0xd800 && code <= 0xdbff) return COMBINING.test(text.slice(at, at + codePointLength(text, at)));
  let known = combiningUnits[code];
  if (!known) {
    known = COMBINING.test(text.charAt(at)) ? 2 : 1;
    combiningUnits[code] = known;
  }
  return known === 2;
}

/** A segment after NFKC, with dashes as `-`, spaces as ` ` and invisible format characters dropped. */
function normalisedPiece(segment: string): string {
  let piece = '';
  for (const character of segment.normalize('NFKC')) {
    if (FORMAT.test(character)) continue;
    piece += DASH.test(character) ? '-' : /^\s$/.test(character) ? ' ' : character;
  }
  return piece;
}

/** What one UTF-16 unit becomes on its own (full-width ＡＢＣ, ①, ・, ｶ, a dash, a space), worked out once. */
const singleUnits = new Map<number, string>();

/**
 * Normalises text for screening while remembering where every character came from. Text that needs work is
 * cut into segments (a character plus the marks that compose with it), each normalised on its own, because
 * NFKC changes lengths (㍼ → 昭和, ｶﾞ → ガ) and findings must be highlighted in the original.
 */
export function normaliseForScreening(original: string): NormalisedText {
  let from = new Uint32Array(original.length + 16);
  let to = new Uint32Array(original.length + 16);
  let size = 0;
  const pieces: string[] = [];

  function reserve(extra: number): void {
    if (size + extra <= from.length) return;
    const capacity = Math.max(from.length * 2, size + extra);
    const grownFrom = new Uint32Array(capacity);
    const grownTo = new Uint32Array(capacity);
    grownFrom.set(from);
    grownTo.set(to);
    from = grownFrom;
    to = grownTo;
  }

  function keep(start: number, end: number): void {
    if (end <= start) return;
    reserve(end - start);
    for (let index = start; index < end; index += 1) {
      from[size] = index;
      to[size] = index + 1;
      size += 1;
    }
    pieces.push(original.slice(start, end));
  }

  function normalise(start: number, end: number): void {
    let piece: string | undefined;
    if (end === start + 1) {
      const code = original.charCodeAt(start);
      piece = singleUnits.get(code);
      if (piece === undefined) {
        piece = normalisedPiece(original.charAt(start));
        singleUnits.set(code, piece);
      }
    } else {
      piece = normalisedPiece(original.slice(start, end));
    }
    reserve(piece.length);
    for (let unit = 0; unit < piece.length; unit += 1) {
      from[size] = start;
      to[size] = end;
      size += 1;
    }
    pieces.push(piece);
  }

  let cursor = 0;
  let index = 0;
  while (index < original.length) {
    if (!needsWork(original.charCodeAt(index))) {
      index += 1;
      continue;
    }
    let start = index;
    // A combining mark belongs to the character before it, even when that one needed no work on its own.
    if (start > cursor && isCombiningAt(original, start)) start -= 1;
    keep(cursor, start);
    let end = start + codePointLength(original, start);
    while (end < original.length && isCombiningAt(original, end)) end += codePointLength(original, end);
    normalise(start, end);
    cursor = end;
    index = end;
  }
  keep(cursor, original.length);

  const text = digitDashes(pieces.join(''));
  return { text, from: from.subarray(0, size), to: to.subarray(0, size) };
}

/** Where a span of the normalised text lies in the original. */
export function toOriginalSpan(normalised: NormalisedText, span: Span): Span {
  return { start: normalised.from[span.start] ?? 0, end: normalised.to[span.end - 1] ?? 0 };
}

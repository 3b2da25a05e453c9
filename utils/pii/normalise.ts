import type { Span } from './types';

export interface NormalisedText {
  /** NFKC, every dash between digits as `-`, every space as ` `, invisible format characters removed. */
  text: string;
  /** `text[i]` came from `original.slice(from[i], to[i])`. */
  from: Uint32Array;
  to: Uint32Array;
}

/** Dashes that staff (and IMEs) type between digits of a phone number or a grouped number. */
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2043, 0x2212, 0xfe58, 0xfe63]);
/** ー is a dash only between digits (０９０ー１２３４…); elsewhere it lengthens a vowel. */
const LONG_VOWEL_MARK = 0x30fc;

/**
 * Invisible characters (zero-width space, joiners, bidi controls, BOM, soft hyphen) are dropped so that
 * `0 9 0` with zero-width spaces in between is still read as a phone number.
 */
function isFormatCharacter(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x061c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2064) ||
    (code >= 0x2066 && code <= 0x2069) ||
    code === 0xfeff
  );
}

/** Characters NFKC leaves alone on their own; checked first because most text is made of them. */
function isStable(code: number): boolean {
  return (
    (code >= 0x20 && code <= 0x7e) ||
    code === 0x0a ||
    code === 0x0d ||
    code === 0x09 ||
    (code >= 0x3001 && code <= 0x3002) ||
    (code >= 0x300c && code <= 0x300f) ||
    (code >= 0x3041 && code <= 0x3096) ||
    (code >= 0x30a1 && code <= 0x30fa) ||
    code === LONG_VOWEL_MARK ||
    (code >= 0x4e00 && code <= 0x9fff)
  );
}

/** Marks that NFKC composes with the character before them (か + ゙ → が, ｶ + ﾞ → ガ). */
const COMBINING = /^[\p{M}\uff9e\uff9f]$/u;

function isDigit(code: number | undefined): boolean {
  return code !== undefined && code >= 0x30 && code <= 0x39;
}

/**
 * Normalises text for screening while remembering where every character came from. The text is cut into
 * segments (a character plus the marks that compose with it) and each is normalised on its own, because
 * NFKC changes lengths (㍼ → 昭和, ｶﾞ → ガ) and the findings must be highlighted in the original.
 */
export function normaliseForScreening(original: string): NormalisedText {
  const codes: number[] = [];
  const from: number[] = [];
  const to: number[] = [];
  const length = original.length;
  let index = 0;
  while (index < length) {
    const code = original.charCodeAt(index);
    const next = original.charCodeAt(index + 1);
    if (isStable(code) && !(next >= 0x0300 && !isStable(next))) {
      codes.push(code);
      from.push(index);
      to.push(index + 1);
      index += 1;
      continue;
    }
    let end = index + ((original.codePointAt(index) ?? 0) > 0xffff ? 2 : 1);
    while (end < length) {
      const mark = original.codePointAt(end) ?? 0;
      const markLength = mark > 0xffff ? 2 : 1;
      if (!COMBINING.test(original.slice(end, end + markLength))) break;
      end += markLength;
    }
    const normalised = original.slice(index, end).normalize('NFKC');
    for (let unit = 0; unit < normalised.length; unit += 1) {
      const normalisedCode = normalised.charCodeAt(unit);
      if (isFormatCharacter(normalisedCode)) continue;
      codes.push(
        DASHES.has(normalisedCode) ? 0x2d : /\s/.test(normalised.charAt(unit)) ? 0x20 : normalisedCode,
      );
      from.push(index);
      to.push(end);
    }
    index = end;
  }
  for (let at = 1; at < codes.length - 1; at += 1) {
    if (codes[at] === LONG_VOWEL_MARK && isDigit(codes[at - 1]) && isDigit(codes[at + 1])) codes[at] = 0x2d;
  }
  return { text: fromCodes(codes), from: Uint32Array.from(from), to: Uint32Array.from(to) };
}

/** `String.fromCharCode(...codes)` in slices: spreading 200,000 arguments overflows the stack. */
function fromCodes(codes: number[]): string {
  const parts: string[] = [];
  for (let at = 0; at < codes.length; at += 8192) {
    parts.push(String.fromCharCode(...codes.slice(at, at + 8192)));
  }
  return parts.join('');
}

/** Where a span of the normalised text lies in the original. */
export function toOriginalSpan(normalised: NormalisedText, span: Span): Span {
  return { start: normalised.from[span.start] ?? 0, end: normalised.to[span.end - 1] ?? 0 };
}

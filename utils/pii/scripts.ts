/*
 * The writing system of each character, looked up in a table instead of trying a Unicode-property regex at
 * every position of a long text: a 100,000-character page is scanned with one array read per character.
 * Each character is classified by the regexes the first time it is seen and remembered, so the table costs
 * nothing to build up front and holds only what real text uses.
 */
export const HAN = 1;
export const KATAKANA = 2;
const HIRAGANA = 4;

/** 々〆ヶ are written inside kanji names (佐々木, 〆張, 霞ヶ関); ー lengthens katakana (ジョーンズ). */
const SCRIPTS: [number, RegExp][] = [
  [HAN, /^[\p{Script=Han}々〆ヶ]$/u],
  [KATAKANA, /^[\p{Script=Katakana}ー]$/u],
  [HIRAGANA, /^\p{Script=Hiragana}$/u],
];
const SEEN = 0x80;
/** No character below U+2E80 (CJK radicals) is Han, katakana or hiragana. */
const FIRST_CJK = 0x2e80;

const basic = new Uint8Array(0x10000);
const supplementary = new Map<number, number>();

function classify(character: string): number {
  let kind = 0;
  for (const [bit, pattern] of SCRIPTS) if (pattern.test(character)) kind |= bit;
  return kind;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** The script of one UTF-16 unit: 0 for either half of a surrogate pair (as a regex without `u` sees it). */
export function scriptOfUnit(code: number): number {
  if (code < FIRST_CJK) return 0;
  let kind = basic[code] ?? 0;
  if (kind === 0) {
    kind = classify(String.fromCharCode(code)) | SEEN;
    basic[code] = kind;
  }
  return kind & ~SEEN;
}

/** HAN, KATAKANA or HIRAGANA for the character starting at `index` (a surrogate pair is one character). */
export function scriptAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < FIRST_CJK) return 0;
  if (isHighSurrogate(code)) {
    const point = text.codePointAt(index) ?? code;
    if (point <= 0xffff) return 0;
    let kind = supplementary.get(point);
    if (kind === undefined) {
      kind = classify(String.fromCodePoint(point));
      supplementary.set(point, kind);
    }
    return kind;
  }
  return scriptOfUnit(code);
}

/** Code units the character starting at `index` takes: 2 for a surrogate pair (𠮷), else 1. */
export function unitsAt(text: string, index: number): number {
  return isHighSurrogate(text.charCodeAt(index)) && (text.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
}

/** A maximal run of characters of one script: code-unit offsets, and its length in characters. */
export interface ScriptRun {
  start: number;
  end: number;
  characters: number;
}

/** Every maximal run of kanji and every maximal run of katakana (ヶ is both), in one pass over the text. */
export function hanAndKatakanaRuns(text: string): { han: ScriptRun[]; katakana: ScriptRun[] } {
  const han: ScriptRun[] = [];
  const katakana: ScriptRun[] = [];
  let hanStart = -1;
  let hanCharacters = 0;
  let katakanaStart = -1;
  let katakanaCharacters = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    let kind = 0;
    let units = 1;
    if (code >= FIRST_CJK) {
      kind = scriptAt(text, index);
      if (isHighSurrogate(code)) units = unitsAt(text, index);
    }
    if ((kind & HAN) !== 0) {
      if (hanStart < 0) hanStart = index;
      hanCharacters += 1;
    } else if (hanStart >= 0) {
      han.push({ start: hanStart, end: index, characters: hanCharacters });
      hanStart = -1;
      hanCharacters = 0;
    }
    if ((kind & KATAKANA) !== 0) {
      if (katakanaStart < 0) katakanaStart = index;
      katakanaCharacters += 1;
    } else if (katakanaStart >= 0) {
      katakana.push({ start: katakanaStart, end: index, characters: katakanaCharacters });
      katakanaStart = -1;
      katakanaCharacters = 0;
    }
    index += units;
  }
  if (hanStart >= 0) han.push({ start: hanStart, end: index, characters: hanCharacters });
  if (katakanaStart >= 0) katakana.push({ start: katakanaStart, end: index, characters: katakanaCharacters });
  return { han, katakana };
}

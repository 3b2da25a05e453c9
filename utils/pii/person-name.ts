import { currentDictionaries, type PiiDictionaries } from './dictionaries';
import { hanAndKatakanaRuns, type ScriptRun, scriptAt, unitsAt } from './scripts';
import { defineDetector, type Span } from './types';

/*
 * Residents' names, in the forms municipal text writes them (after NFKC: a full-width space is a space).
 * Context decides: a name after a label (氏名：, 相談者) or before an honorific (様, さん) is taken in any
 * shape — rare surnames and foreign residents' katakana names included; a full name in plain prose only when
 * the analyser's dictionary knows both the surname and the given name; a lone surname in prose is not
 * enough. Titles (市長, 課長様) and role words (担当者様, お客様) are not people.
 */
const KANJI = '\\p{Script=Han}々〆ヶ';
const KATAKANA = '\\p{Script=Katakana}ー';
const HIRAGANA = '\\p{Script=Hiragana}';

const LABELS =
  '氏名|お名前|名前|来庁者|相談者|申請者|申込者|届出人|届出者|世帯主|担当者?|代理人|保護者|本人|被保険者|宛名|' +
  '受取人|依頼者|通報者|対象者|契約者|請求者|配偶者|同居人|連絡者|記入者|患者|児童|生徒|フリガナ|ふりがな|' +
  'カナ氏名|氏名カナ|ローマ字|名義人|口座名義';
/** A label at a word start, an optional note in brackets (（カナ）), then a colon or a space. */
const LABEL = new RegExp(`(?:${LABELS})(?:\\s*\\([^()\\n]{1,8}\\))?(?:\\s*[:：]\\s*|\\s+)`, 'gu');
const HONORIFIC = /\s?(?:様|さま|さん|氏|君|くん|ちゃん|殿)/gu;

const KANJI_PART = `[${KANJI}]{1,5}`;
const KANA_GIVEN = `(?:[${HIRAGANA}]{2,4}|[${KATAKANA}]{2,6})`;
const KATAKANA_WORD = `[${KATAKANA}]{2,10}`;
/** Shapes a name takes after a label, longest first. */
const AFTER_LABEL = new RegExp(
  `^(?:${KANJI_PART}(?: ?${KANJI_PART}| ?${KANA_GIVEN})?|${KATAKANA_WORD}(?:[ ・=]${KATAKANA_WORD}){0,3}|` +
    '[A-Z][A-Za-z]+(?:[ ,]+[A-Z][A-Za-z]+){1,3})',
  'u',
);
/** Words that end a name after a label: the next field of a form (住所, 電話…). */
const NEXT_FIELD =
  /(?:住所|電話|携帯|連絡先|生年月日|年齢|性別|続柄|職業|様|殿|さん|氏|宛|方|の|に|は|が|を|と|へ|より)$/u;
/** Role and organisation endings: 担当者, 市民課, 市長, 委員, 事務局 are not people. */
const ROLE_ENDING =
  /(?:者|員|長|課|係|室|部|局|所|館|会|庁|省|団|社|校|園|院|センター|各位|一同|御中|先生|学生|市民|住民|町民|村民|県民|区民|都民|府民|道民|役|官|殿|様)$/u;

/** Kinship and address words that take 様/さん but name nobody: 奥様, 娘さん, お客様, 皆様, 先生. */
const KINSHIP =
  /^(?:奥|娘|息子|皆|客|姉|兄|妹|弟|母|父|嫁|婿|孫|親|子|神|仏|王|先生|旦那|主人|奥方|家族|皆々)$/u;

const WORD_CHAR = new RegExp(`[${KANJI}${KATAKANA}${HIRAGANA}A-Za-z]`, 'u');
const HIRAGANA_CHAR = new RegExp(`[${HIRAGANA}]`, 'u');
const LEADING_LABEL = new RegExp(`^(?:${LABELS})[ :：]?`, 'u');
/** Name shapes that end right before an honorific, in the order they are tried. */
const BEFORE_HONORIFIC = [
  // Kanji surname + kana given name (佐藤 さくら): only with a surname the dictionary knows.
  new RegExp(`([${KANJI}]{1,4}) ?([${HIRAGANA}]{2,4}|[${KATAKANA}]{2,6})$`, 'u'),
  new RegExp(`[${KATAKANA}]{2,10}(?:[ ・=][${KATAKANA}]{2,10}){0,3}$`, 'u'),
  new RegExp(`[${KANJI}]{1,5}(?: [${KANJI}]{1,5})?$`, 'u'),
  /[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}$/u,
];

const SPACE = 0x20;
const MIDDLE_DOT = 0x30fb;
const EQUALS = 0x3d;

/** A character any name shape before an honorific can hold: kana, kanji, Latin letters, space, ・ or =. */
function isNameUnit(code: number): boolean {
  const lower = code | 0x20;
  return code === SPACE || code === MIDDLE_DOT || code === EQUALS || (lower >= 0x61 && lower <= 0x7a);
}

/**
 * Where the run of name characters that ends at `end` begins (no earlier than `floor`): the name shapes
 * cannot start before it, so they are tried on that run alone, not on the whole window before the honorific.
 */
function nameRunStart(text: string, end: number, floor: number): number {
  let start = end;
  while (start > floor) {
    const code = text.charCodeAt(start - 1);
    if (isNameUnit(code)) start -= 1;
    else if (code >= 0xdc00 && code <= 0xdfff && start - 2 >= floor && unitsAt(text, start - 2) === 2) {
      if (scriptAt(text, start - 2) === 0) break;
      start -= 2;
    } else if (scriptAt(text, start - 1) !== 0) start -= 1;
    else break;
  }
  return start;
}

function isWordChar(character: string | undefined): boolean {
  return character !== undefined && WORD_CHAR.test(character);
}

function isCommon(word: string, words: PiiDictionaries | null): boolean {
  return (words?.commonNouns.has(word) ?? false) && !(words?.surnames.has(word) ?? false);
}

/** A name-shaped run that is a title, a role, an organisation or a common noun is not a person. */
function isRoleOrWord(name: string, words: PiiDictionaries | null): boolean {
  const compact = name.replace(/[ ・=]/g, '');
  if (ROLE_ENDING.test(compact) || KINSHIP.test(compact) || isCommon(compact, words)) return true;
  // 市民課の… / 窓口… : a known place or organisation word as the whole run.
  return words?.places.has(compact) ?? false;
}

function nameAfterLabel(text: string, from: number, words: PiiDictionaries | null): Span | null {
  const match = AFTER_LABEL.exec(text.slice(from, from + 40));
  if (!match) return null;
  let name = match[0];
  // 山田太郎 住所… : the second word is the next field, not part of the name.
  const parts = name.split(/(?<=[^ ]) (?=[^ ])/u);
  while (parts.length > 1 && NEXT_FIELD.test(parts.at(-1) ?? '')) {
    parts.pop();
  }
  name = parts.join(' ');
  name = name.replace(NEXT_FIELD, '');
  if (name.length < 2 && !(words?.surnames.has(name) ?? false)) return null;
  if (isRoleOrWord(name, words)) return null;
  return { start: from, end: from + name.length };
}

/** The name shape that ends a run before an honorific: its length and which shape it is, or null. */
interface HonorificName {
  length: number;
  shape: number;
}

function shapeBeforeHonorific(before: string, words: PiiDictionaries | null): HonorificName | null {
  for (const [index, shape] of BEFORE_HONORIFIC.entries()) {
    const match = shape.exec(before);
    if (!match) continue;
    let name = match[0];
    if (index === 0) {
      if (!(words?.surnames.has(match[1] ?? '') ?? false)) continue;
    }
    // 相談者山田様: a label glued to the front is not part of the name.
    name = name.replace(LEADING_LABEL, '');
    if (name.length === 0 || isRoleOrWord(name, words)) return null;
    if (index === 2 && name.length === 1 && !(words?.surnames.has(name) ?? false)) return null;
    return { length: name.length, shape: index };
  }
  return null;
}

/**
 * Names recur in a text (the same resident on every line of a 窓口記録), so each run before an honorific is read
 * once per set of lists. Bounded: cleared when it grows past a few thousand runs.
 */
const NO_LISTS = {};
const honorificNames = new WeakMap<object, Map<string, HonorificName | null>>();
const MAX_REMEMBERED = 4_096;

function rememberedShape(before: string, words: PiiDictionaries | null): HonorificName | null {
  const key = words ?? NO_LISTS;
  let remembered = honorificNames.get(key);
  if (!remembered) {
    remembered = new Map();
    honorificNames.set(key, remembered);
  }
  let found = remembered.get(before);
  if (found === undefined) {
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    found = shapeBeforeHonorific(before, words);
    remembered.set(before, found);
  }
  return found;
}

/** The name before an honorific that starts at `end`: read backwards over name characters. */
function nameBeforeHonorific(text: string, end: number, words: PiiDictionaries | null): Span | null {
  const found = rememberedShape(text.slice(nameRunStart(text, end, Math.max(0, end - 24)), end), words);
  if (!found) return null;
  const start = end - found.length;
  // Part of a longer word (…長谷川 inside 名長谷川?): the run must start at a word boundary or a label.
  if (found.shape !== 0 && isWordChar(text[start - 1]) && !HIRAGANA_CHAR.test(text[start - 1] ?? '')) {
    return null;
  }
  return { start, end };
}

const PARTICLE = /^(?:が|は|を|に|と|から|より|も|へ)/u;

/**
 * Kanji runs that could be a full name in prose: a whole run of 3-7 kanji, or a run of 2-4, a space and a run
 * of 1-3 (山田 太郎). Read from runs found once with a table lookup per character, not by a regex with
 * look-arounds tried at every position (the slowest part of screening a long page).
 */
function proseRuns(text: string, runs: ScriptRun[]): { start: number; end: number; spaced: number }[] {
  const found: { start: number; end: number; spaced: number }[] = [];
  for (let index = 0; index < runs.length; index += 1) {
    const run = runs[index] as ScriptRun;
    const next = runs[index + 1];
    if (
      next !== undefined &&
      next.start === run.end + 1 &&
      text.charCodeAt(run.end) === SPACE &&
      run.characters >= 2 &&
      run.characters <= 4 &&
      next.characters <= 3
    ) {
      found.push({ start: run.start, end: next.end, spaced: run.end - run.start });
      index += 1;
    } else if (run.characters >= 3 && run.characters <= 7) {
      found.push({ start: run.start, end: run.end, spaced: -1 });
    }
  }
  return found;
}

/** A full name in plain prose: a kanji run that the dictionary splits into a surname and a given name. */
function namesInProse(text: string, kanjiRuns: ScriptRun[], words: PiiDictionaries): Span[] {
  const spans: Span[] = [];
  for (const { start, end, spaced } of proseRuns(text, kanjiRuns)) {
    // 山田 太郎 is read as 山田太郎, cut only where the space was.
    const length = end - start - (spaced < 0 ? 0 : 1);
    if (length < 3) continue;
    const lastCut = spaced < 0 ? Math.min(3, length - 1) : Math.min(spaced, 3, length - 1);
    for (let cut = spaced < 0 ? 1 : spaced; cut <= lastCut; cut += 1) {
      // Every shape below starts with a known surname: that test first, before any other slicing.
      if (!words.surnames.has(text.slice(start, start + cut))) continue;
      const compact =
        spaced < 0
          ? text.slice(start, end)
          : text.slice(start, start + spaced) + text.slice(start + spaced + 1, end);
      const given = compact.slice(cut);
      if (words.givenNames.has(given) && !words.commonNouns.has(compact)) {
        spans.push({ start, end });
        break;
      }
      // 陽翔, 結菜: given names newer than the dictionary, after a known surname and before a particle.
      if (
        cut >= 2 &&
        given.length <= 2 &&
        PARTICLE.test(text.slice(end, end + 2)) &&
        !words.commonNouns.has(given) &&
        !words.places.has(compact) &&
        !ROLE_ENDING.test(given) &&
        !words.commonNouns.has(compact)
      ) {
        spans.push({ start, end });
        break;
      }
    }
  }
  return spans;
}

/** Readings in katakana after a フリガナ-like label are covered above; here, readings the dictionary knows. */
function readingsInProse(text: string, runs: ScriptRun[], words: PiiDictionaries): Span[] {
  const spans: Span[] = [];
  // Two whole katakana words of 2-8 characters with a space or ・ between them: ヤマダ・タロウ.
  for (let index = 0; index + 1 < runs.length; index += 1) {
    const first = runs[index] as ScriptRun;
    const second = runs[index + 1] as ScriptRun;
    const separator = text.charCodeAt(first.end);
    if (
      second.start !== first.end + 1 ||
      (separator !== SPACE && separator !== MIDDLE_DOT) ||
      first.characters < 2 ||
      first.characters > 8 ||
      second.characters < 2 ||
      second.characters > 8
    ) {
      continue;
    }
    if (
      words.readings.has(text.slice(first.start, first.end)) &&
      words.readings.has(text.slice(second.start, second.end))
    ) {
      spans.push({ start: first.start, end: second.end });
    }
    index += 1;
  }
  return spans;
}

export const personName = defineDetector({
  id: 'person-name',
  label: { ja: '氏名', en: 'Name' },
  severity: 'high',
  find(text) {
    const words = currentDictionaries();
    const spans: Span[] = [];
    for (const label of text.matchAll(LABEL)) {
      // 氏名 inside a longer word (申請者氏名 is fine; 名前変更 is not a label followed by a name).
      const span = nameAfterLabel(text, label.index + label[0].length, words);
      if (span) spans.push(span);
    }
    for (const honorific of text.matchAll(HONORIFIC)) {
      const after = text.slice(
        honorific.index + honorific[0].length,
        honorific.index + honorific[0].length + 1,
      );
      const word = honorific[0].trim();
      // 様子, 様式, 様々, 氏名, 君が代, 殿堂: not honorifics.
      if ((word === '様' && /[子式々相]/u.test(after)) || (word === '氏' && after === '名')) continue;
      if (word === '殿' && /[堂下]/u.test(after)) continue;
      const span = nameBeforeHonorific(text, honorific.index, words);
      if (span) spans.push(span);
    }
    if (words) {
      const { han, katakana } = hanAndKatakanaRuns(text);
      spans.push(...namesInProse(text, han, words), ...readingsInProse(text, katakana, words));
    }
    return spans;
  },
});

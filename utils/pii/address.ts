import { hasContextBefore } from './context';
import { currentDictionaries, type PiiDictionaries } from './dictionaries';
import { HAN, KATAKANA, scriptOfUnit } from './scripts';
import { defineDetector, type Span } from './types';

/*
 * A resident's address: keyed on its street-level part (丁目, 番地, 番, 号, 1-2-3), never on a city name
 * alone, then read backwards over the town, municipality and prefecture, and forwards over a building and
 * room (コーポ山田101号室). 矢板市 or 市役所の所在地 in a notice has no street part and is not an address;
 * a facility's address (会場、公民館の所在地) is public and reported as information, not redacted.
 */
const NUMERAL = '[0-9一二三四五六七八九十〇]';
const STREET = new RegExp(
  `(?:大字[^\\s0-9、。]{1,6}|字[^\\s0-9、。]{1,6})?(?:${NUMERAL}{1,3}丁目(?:${NUMERAL}{1,4}番地?(?:の?${NUMERAL}{1,4}号?)?|[0-9]{1,4}(?:-[0-9]{1,4}){0,2})?|${NUMERAL}{1,5}番地(?:の?${NUMERAL}{1,4}(?:号)?)?|${NUMERAL}{1,5}番${NUMERAL}{1,4}号?|[0-9]{1,5}(?:-[0-9]{1,5}){1,3}(?![0-9]))`,
  'gu',
);
/** What the left part must hold to make the number an address: a municipality or a prefecture. */
const ADMINISTRATIVE = /(?:[^\s]{1,6}[都道府県]|[^\s]{1,8}[市区町村郡])/u;
/** Numbers after these are not addresses: 第3-2号, 条例1-2, 令和7年. */
const NOT_A_TOWN = /(?:第|号|条|項|年|月|日|頁|図|表|章|節|款|目|版|巻|号館|期|回|市町村|都道府県)$/u;
const RESIDENT_LABEL =
  /(?:住所|現住所|旧住所|新住所|前住所|住居|居所|送付先|転居先|転入先|転出先|在住|自宅|お住まい)/u;
const LEADING_LABEL = new RegExp(`^(?:${RESIDENT_LABEL.source.slice(3, -1)}|所在地|会場|場所) `, 'u');
/** Facilities: their address is public (会場：中央公民館（本町2-3）、施設の所在地). */
const FACILITY =
  /(?:所在地|会場|場所|公民館|会館|センター|庁舎|役所|役場|図書館|体育館|学校|病院|施設|事務所|支所|出張所|郵便局|駅|ホール|プラザ|公園)/u;
const BUILDING =
  /^\s?(?:(?:[^\s、。,()]{0,20}?(?:コーポ|ハイツ|マンション|アパート|レジデンス|荘|ビル|団地|住宅|メゾン|ハウス|コート|ヒルズ|タワー|パレス|プラザ|寮)[^\s、。,()]{0,12}?\s?(?:[A-Z]-?)?[0-9]{1,4}(?:号室|号)?)|(?:[^\s、。,()]{1,20}?[0-9]{1,4}号室)|(?:[0-9]{1,4}号室))/u;

const SPACE = 0x20;
/** 〆 counts as kanji in names (〆張) but not in place names; the scripts table reads it as kanji. */
const SHIME = 0x3006;
const SMALL_KE = 0x30f6;

/** Kanji, katakana (ヶ and ケ included), 々 or ー: one UTF-16 unit, a table lookup rather than a regex. */
function isPlaceUnit(code: number): boolean {
  return code !== SHIME && (scriptOfUnit(code) & (HAN | KATAKANA)) !== 0;
}

function isKanjiUnit(code: number): boolean {
  return code !== SHIME && code !== SMALL_KE && (scriptOfUnit(code) & HAN) !== 0;
}

/** Kana inside town names: 霞が関, 自由が丘, 八幡の里, 一ノ瀬 (between kanji only). */
const INNER_KANA = new Set([...'がのケヶノ'].map((character) => character.charCodeAt(0)));

function scanPlace(text: string, end: number, limit: number): number {
  let start = end;
  while (start > limit) {
    const character = text.charCodeAt(start - 1);
    const previous = start >= 2 ? text.charCodeAt(start - 2) : -1;
    if (isPlaceUnit(character)) start -= 1;
    else if (character === SPACE && isPlaceUnit(previous)) start -= 1;
    else if (INNER_KANA.has(character) && isKanjiUnit(previous) && start < end) start -= 1;
    else break;
  }
  return start;
}

/** The kana-written municipalities by each character they contain, built once per set of lists. */
const byCharacter = new WeakMap<PiiDictionaries, Map<string, string[]>>();

function municipalitiesWith(words: PiiDictionaries, character: string): readonly string[] {
  let index = byCharacter.get(words);
  if (!index) {
    index = new Map();
    for (const name of words.kanaMunicipalities) {
      for (const unit of new Set(name)) index.set(unit, [...(index.get(unit) ?? []), name]);
    }
    byCharacter.set(words, index);
  }
  return index.get(character) ?? [];
}

/** The town/municipality/prefecture run just before `end`, spaces between parts allowed. */
function placeBefore(text: string, end: number): number {
  const limit = Math.max(0, end - 30);
  let start = scanPlace(text, end, limit);
  // さいたま市, 伊豆の国市: a municipality written in kana is spelled out whole, then the prefecture before it.
  const words = currentDictionaries();
  if (words && start > limit) {
    const from = Math.max(limit, start - 12);
    const head = text.slice(from, start + 1);
    // A name that reaches `start` holds the character the scan stopped at: only those are looked for.
    for (const name of municipalitiesWith(words, text.charAt(start - 1))) {
      const at = head.lastIndexOf(name);
      if (at >= 0 && from + at + name.length >= start) {
        start = scanPlace(text, from + at, limit);
        break;
      }
    }
  }
  while (text[start] === ' ') start += 1;
  return start;
}

function isFacility(text: string, start: number, end: number): boolean {
  return hasContextBefore(text, start, FACILITY, 16) || FACILITY.test(text.slice(end, end + 6));
}

/** Finds addresses; `facility` is true for the public addresses of facilities. */
function findAddresses(text: string): { span: Span; facility: boolean }[] {
  const found: { span: Span; facility: boolean }[] = [];
  for (const street of text.matchAll(STREET)) {
    const streetStart = street.index;
    // 0287-43-1111 is a phone number: no house number starts with 0.
    if (street[0].startsWith('0')) continue;
    let left = placeBefore(text, streetStart);
    // 送付先 矢板市…: the label before a space is not part of the address.
    const label = LEADING_LABEL.exec(text.slice(left, streetStart));
    if (label) left += label[0].length;
    const place = text.slice(left, streetStart);
    if (place === '' || NOT_A_TOWN.test(place)) continue;
    let end = streetStart + street[0].length;
    const building = BUILDING.exec(text.slice(end, end + 40));
    if (building) end += building[0].length;
    const labelled =
      hasContextBefore(text, left, RESIDENT_LABEL, 10) || /^在住/u.test(text.slice(end, end + 2));
    const administrative = ADMINISTRATIVE.test(place.replace(/ /g, ''));
    if (!labelled && !administrative && !building) continue;
    found.push({ span: { start: left, end }, facility: !labelled && isFacility(text, left, end) });
  }
  return found;
}

const FACILITY_LABEL = { ja: '施設の所在地', en: 'Facility address' };

export const address = defineDetector({
  id: 'address',
  label: { ja: '住所', en: 'Address' },
  severity: 'high',
  find: (text) =>
    findAddresses(text).map(({ span, facility }) =>
      facility ? { ...span, publicAs: FACILITY_LABEL } : span,
    ),
});

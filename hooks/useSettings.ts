import { useEffect, useMemo, useState } from 'react';
import {
  browserUiLanguage,
  resolveUiLanguage,
  type Translator,
  translatorFor,
  type UiLanguage,
} from '../utils/i18n';
import type { EffectiveSettings } from '../utils/policy/resolve';
import { loadEffectiveSettings, watchEffectiveSettings } from '../utils/policy/storage';

/**
 * The settings in force (defaults ← user ← policy URL ← managed policy), kept fresh when the user saves
 * or an administrator changes a policy; `null` until first loaded.
 */
export function useSettings(): EffectiveSettings | null {
  const [effective, setEffective] = useState<EffectiveSettings | null>(null);
  useEffect(() => {
    let active = true;
    void loadEffectiveSettings().then((value) => active && setEffective(value));
    const stop = watchEffectiveSettings((value) => active && setEffective(value));
    return () => {
      active = false;
      stop();
    };
  }, []);
  return effective;
}

export function useUiLanguage(effective: EffectiveSettings | null): UiLanguage {
  return resolveUiLanguage(effective?.settings.uiLanguage ?? 'auto', browserUiLanguage());
}

/** The same function until the language changes, so parts that take `t` can skip re-rendering. */
export function useTranslator(effective: EffectiveSettings | null): Translator {
  const language = useUiLanguage(effective);
  return useMemo(() => translatorFor(language), [language]);
}

import { useEffect } from 'react';
import type { UiLanguage } from '../utils/i18n';
import type { FontSize } from '../utils/settings/schema';

/** The page's language and the user's text size (styles.css sizes everything from the root font size). */
export function useComfort(language: UiLanguage, fontSize: FontSize | undefined) {
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dataset.fontSize = fontSize ?? 'medium';
  }, [language, fontSize]);
}

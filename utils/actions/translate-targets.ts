/** Languages staff translate into: English, Japanese, やさしい日本語 and the languages of foreign residents. */
export interface TranslateTarget {
  id: string;
  /** Shown in the picker, written in the language itself so a resident can point at it. */
  label: string;
  /** How the prompt names the language to the model. */
  promptName: string;
}

export const TRANSLATE_TARGETS = [
  { id: 'en', label: 'English', promptName: 'English' },
  { id: 'ja', label: '日本語', promptName: 'Japanese (natural, polite です・ます style)' },
  {
    id: 'ja-easy',
    label: 'やさしい日本語',
    promptName:
      'Easy Japanese (やさしい日本語) for foreign residents: short sentences with one idea each, basic everyday words, ' +
      'です・ます style, no honorific or humble verbs, no double negatives, katakana loanwords avoided, ' +
      'add readings in parentheses after difficult kanji words, dates and times written plainly',
  },
  { id: 'zh-Hans', label: '中文(简体)', promptName: 'Simplified Chinese' },
  { id: 'zh-Hant', label: '中文(繁體)', promptName: 'Traditional Chinese' },
  { id: 'ko', label: '한국어', promptName: 'Korean' },
  { id: 'vi', label: 'Tiếng Việt', promptName: 'Vietnamese' },
  { id: 'pt', label: 'Português', promptName: 'Brazilian Portuguese' },
  { id: 'es', label: 'Español', promptName: 'Spanish' },
  { id: 'fil', label: 'Filipino', promptName: 'Filipino (Tagalog)' },
  { id: 'ne', label: 'नेपाली', promptName: 'Nepali' },
] as const satisfies readonly TranslateTarget[];

export type TranslateTargetId = (typeof TRANSLATE_TARGETS)[number]['id'];

export function findTranslateTarget(id: string): TranslateTarget | undefined {
  return TRANSLATE_TARGETS.find((target) => target.id === id);
}

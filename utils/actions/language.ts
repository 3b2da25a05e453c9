/** What the selected text is mostly written in; decides the default translation direction. */
export type TextLanguage = 'ja' | 'en' | 'other';

const KANA = /[\u3040-\u30ff\uff66-\uff9f]/gu;
const HAN = /\p{Script=Han}/gu;
const LATIN_LETTER = /[A-Za-z]/g;
const ANY_LETTER = /\p{L}/gu;

export function detectTextLanguage(text: string): TextLanguage {
  const letters = text.match(ANY_LETTER)?.length ?? 0;
  if (letters === 0) return 'other';
  const kana = text.match(KANA)?.length ?? 0;
  const han = text.match(HAN)?.length ?? 0;
  // Chinese has Han but no kana; Japanese prose nearly always has kana, so kana decides.
  if (kana > 0 && (kana + han) / letters > 0.3) return 'ja';
  const latin = text.match(LATIN_LETTER)?.length ?? 0;
  // Vietnamese, Portuguese, Spanish… use Latin letters too; only plain ASCII-heavy text counts as English.
  if (latin / letters > 0.9 && /\b(the|and|is|are|of|to|with|you|we|this|that)\b/i.test(text)) return 'en';
  return 'other';
}

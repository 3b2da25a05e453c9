import { browser } from 'wxt/browser';
import en from '../public/_locales/en/messages.json';
import ja from '../public/_locales/ja/messages.json';
import type { UiLanguagePreference } from './settings/schema';

/**
 * The UI strings live in `public/_locales` (the browser reads them for the manifest too). We look them up
 * ourselves instead of `i18n.getMessage`, because the user can choose a language other than the browser's.
 */
export type MessageKey = keyof typeof ja;
export type UiLanguage = 'ja' | 'en';

const catalogues: Record<UiLanguage, Record<MessageKey, { message: string }>> = { ja, en };

export function resolveUiLanguage(preference: UiLanguagePreference, browserLanguage: string): UiLanguage {
  if (preference !== 'auto') return preference;
  return browserLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function browserUiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** `$1`, `$2`… in a message are replaced by the substitutions, in order. */
export function translate(language: UiLanguage, key: MessageKey, ...substitutions: string[]): string {
  const template = catalogues[language][key].message;
  return template.replace(/\$(\d)/g, (match, digit: string) => substitutions[Number(digit) - 1] ?? match);
}

export type Translator = (key: MessageKey, ...substitutions: string[]) => string;

export function translatorFor(language: UiLanguage): Translator {
  return (key, ...substitutions) => translate(language, key, ...substitutions);
}

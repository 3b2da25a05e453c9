import type { UiLanguage } from './i18n';

/** Dates as staff write them: 「2025年11月25日」, "25 Nov 2025" in English. */
export function dayFormat(language: UiLanguage): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'long' });
}

/** 「2025年11月25日 17:32」: a moment, in the PC's time zone. */
export function momentFormat(language: UiLanguage): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  });
}

/** A `YYYY-MM-DD` day (a tip's date) in the UI's style; anything else is shown as given. */
export function formatDay(day: string, language: UiLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
  if (!match) return day;
  const [, year, month, date] = match.map(Number);
  return dayFormat(language).format(new Date(year ?? 1970, (month ?? 1) - 1, date ?? 1));
}

/** `20251125-1732`: the local time for a file name (a UTC stamp reads hours off in Japan). */
export function fileStamp(now = new Date()): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}`;
}

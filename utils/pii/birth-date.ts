import { hasContextAfter, hasContextBefore } from './context';
import { defineDetector, type Span } from './types';

const ERA = '明治|大正|昭和|平成|令和';
/** 1985年4月1日, 昭和60年4月1日, 平成元年1月8日 (㍼ and other era ligatures are expanded by NFKC). */
const WRITTEN = new RegExp(
  `(?<![0-9])(?:(${ERA})\\s?([0-9]{1,2}|元)|([0-9]{4}))\\s?年\\s?([0-9]{1,2})\\s?月\\s?([0-9]{1,2})\\s?日`,
  'g',
);
/** 1985/04/01, 1985-4-1, S60.4.1, H2/3/4, 昭和60.4.1. */
const NUMERIC = new RegExp(
  `(?<![0-9A-Za-z])(?:([MTSHR])\\.?\\s?([0-9]{1,2})|(${ERA})\\s?([0-9]{1,2}|元)|([0-9]{4}))([./-])([0-9]{1,2})\\6([0-9]{1,2})(?![0-9]|[./-][0-9])`,
  'g',
);
/**
 * A date is a date of birth only when it is said to be one. A label before it (生年月日：…, 誕生日 …) counts
 * when no digits stand between them, so the next date on the line (申請日 2024年…) is not taken for one;
 * a line break may (a form copied as 生年月日 / 昭和60年4月1日 on two lines).
 */
const LABEL_BEFORE = /(?:生年月日|誕生日|出生|生誕|DOB|birth(?:day|date)?|date of birth)[^0-9]{0,12}$/i;
/** 1985年4月1日生まれ, 昭和60年4月1日生 — but not 4月1日生活…, 生産…, 生徒…. */
const WORD_AFTER = /^\s?(?:生まれ|産まれ|誕生|生(?![活産徒涯命物成協]))/;

const ERA_LETTERS: Record<string, string> = { M: '明治', T: '大正', S: '昭和', H: '平成', R: '令和' };
/** The last year of each era, so 昭和99年 is not a date. 令和 has no end yet. */
const ERA_LAST_YEAR: Record<string, number> = { 明治: 45, 大正: 15, 昭和: 64, 平成: 31, 令和: 99 };

function isPlausibleDate(era: string | undefined, year: string, month: string, day: string): boolean {
  const monthNumber = Number(month);
  const dayNumber = Number(day);
  if (monthNumber < 1 || monthNumber > 12 || dayNumber < 1 || dayNumber > 31) return false;
  if (era === undefined) return Number(year) >= 1868 && Number(year) <= 2100;
  const yearNumber = year === '元' ? 1 : Number(year);
  return yearNumber >= 1 && yearNumber <= (ERA_LAST_YEAR[era] ?? 0);
}

function isSaidToBeBirth(text: string, start: number, end: number): boolean {
  return hasContextBefore(text, start, LABEL_BEFORE, 30) || hasContextAfter(text, end, WORD_AFTER, 4);
}

export const birthDate = defineDetector({
  id: 'birth-date',
  label: { ja: '生年月日', en: 'Date of birth' },
  severity: 'high',
  find(text) {
    const spans: Span[] = [];
    for (const match of text.matchAll(WRITTEN)) {
      const [whole, era, eraYear, westernYear, month = '', day = ''] = match;
      const year = eraYear ?? westernYear ?? '';
      const start = match.index;
      const end = start + whole.length;
      if (isPlausibleDate(era, year, month, day) && isSaidToBeBirth(text, start, end)) {
        spans.push({ start, end });
      }
    }
    for (const match of text.matchAll(NUMERIC)) {
      const [whole, letter, letterYear, era, eraYear, westernYear, , month = '', day = ''] = match;
      const eraName = letter === undefined ? era : ERA_LETTERS[letter];
      const year = letterYear ?? eraYear ?? westernYear ?? '';
      const start = match.index;
      const end = start + whole.length;
      if (isPlausibleDate(eraName, year, month, day) && isSaidToBeBirth(text, start, end)) {
        spans.push({ start, end });
      }
    }
    return spans;
  },
});

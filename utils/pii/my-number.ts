import { continuesSpacedDigits, digitsOf, spansWhere } from './context';
import { defineDetector } from './types';

/** 12 digits, optionally grouped 4-4-4 by one kind of separator; not part of a longer number or code. */
const CANDIDATE = /(?<![0-9A-Za-z]|[0-9]-)[0-9]{4}([ -]?)[0-9]{4}\1[0-9]{4}(?![0-9A-Za-z]|-[0-9])/g;
const WEIGHTS = [6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/**
 * The check digit of the individual number (行政手続における特定の個人を識別するための番号の利用等に関する
 * 法律施行令 / 総務省令): weights 6,5,4,3,2,7,6,5,4,3,2 on the first 11 digits; r = sum mod 11; check is 0
 * when r ≤ 1, else 11 − r. Most 12-digit order or receipt numbers fail it, so they are not reported.
 */
function isValidMyNumber(digits: string): boolean {
  if (!/^[0-9]{12}$/.test(digits)) return false;
  let sum = 0;
  for (const [position, weight] of WEIGHTS.entries()) sum += Number(digits[position]) * weight;
  const remainder = sum % 11;
  return Number(digits[11]) === (remainder <= 1 ? 0 : 11 - remainder);
}

export const myNumber = defineDetector({
  id: 'my-number',
  label: { ja: 'マイナンバー', en: 'Individual Number (My Number)' },
  severity: 'high',
  find: (text) =>
    spansWhere(
      text,
      CANDIDATE,
      (match, start, end) =>
        !(match[1] === ' ' && continuesSpacedDigits(text, start, end)) && isValidMyNumber(digitsOf(match[0])),
    ),
});

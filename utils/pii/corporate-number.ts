import { continuesSpacedDigits, digitsOf, spansWhere } from './context';
import { defineDetector } from './types';

/** 13 digits, plain or written 1-4-4-4 as in the 国税庁 publication site. */
const CANDIDATE = /(?<![0-9A-Za-z]|[0-9]-)[1-9]([ -]?)[0-9]{4}\1[0-9]{4}\1[0-9]{4}(?![0-9A-Za-z]|-[0-9])/g;

/**
 * 法人番号 (国税庁): the FIRST digit is the check digit, 9 − (Σ Pn × Qn mod 9) over the other 12 digits, where
 * Pn is the n-th digit counted from the lowest and Qn is 1 for odd n, 2 for even n.
 */
function isValidCorporateNumber(digits: string): boolean {
  if (!/^[0-9]{13}$/.test(digits)) return false;
  let sum = 0;
  for (let n = 1; n <= 12; n += 1) {
    sum += Number(digits[13 - n]) * (n % 2 === 1 ? 1 : 2);
  }
  return Number(digits[0]) === 9 - (sum % 9);
}

/** Public information (anyone can look it up), so it is reported for the user's eyes only: severity info. */
export const corporateNumber = defineDetector({
  id: 'corporate-number',
  label: { ja: '法人番号', en: 'Corporate Number' },
  severity: 'info',
  find: (text) =>
    spansWhere(
      text,
      CANDIDATE,
      (match, start, end) =>
        !(match[1] === ' ' && continuesSpacedDigits(text, start, end)) &&
        isValidCorporateNumber(digitsOf(match[0])),
    ),
});

import { continuesSpacedDigits, digitsOf, spansWhere } from './context';
import { defineDetector } from './types';

/** 13–19 digits with at most one space or hyphen between any two. */
const CANDIDATE = /(?<![0-9A-Za-z]|[0-9]-)[0-9](?:[ -]?[0-9]){12,18}(?![0-9A-Za-z]|-[0-9])/g;

/** Luhn (ISO/IEC 7812): doubling every second digit from the right. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = digits.length - 1, double = false; index >= 0; index -= 1, double = !double) {
    let digit = Number(digits[index]);
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * Issuers start with 2–6 (Mastercard 2/5, Amex/JCB/Diners 3, Visa 4, Discover/UnionPay 6); only Visa issued
 * 13-digit numbers. Requiring this keeps one in ten arbitrary long numbers (which pass Luhn by chance) out.
 */
function hasIssuerPrefix(digits: string): boolean {
  return digits.length === 13 ? digits.startsWith('4') : /^[2-6]/.test(digits);
}

export const cardNumber = defineDetector({
  id: 'card-number',
  label: { ja: 'カード番号', en: 'Payment card number' },
  severity: 'high',
  find: (text) =>
    spansWhere(text, CANDIDATE, (match, start, end) => {
      if (match[0].includes(' ') && continuesSpacedDigits(text, start, end)) return false;
      const digits = digitsOf(match[0]);
      return hasIssuerPrefix(digits) && passesLuhn(digits);
    }),
});

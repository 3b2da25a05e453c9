import { continuesSpacedDigits, digitsOf, spansWhere } from './context';
import { defineDetector } from './types';

/**
 * Up to three digit groups with hyphens, spaces or parentheses between them, optionally after +81 or an
 * opening parenthesis. The groups are short and bounded, so a long run of digits costs a few steps, and the
 * lookbehind lets a match start only where a number starts.
 */
const CANDIDATE =
  /(?<![0-9A-Za-z+]|[0-9]-)(\+81[ -]?(?:\(0\)[ -]?)?|\()?([0-9]{1,5})(\)[ -]?|[ -]|\(|)([0-9]{1,4})(\)[ -]?|[ -]|)([0-9]{3,4})(?![0-9A-Za-z]|-[0-9])/g;

/** 10 digits: fixed lines (03…, 0287…), 0120 free dial, 0570 navi dial. 0X0 prefixes are never 10 digits. */
const TEN_DIGITS = /^0[1-9][1-9][0-9]{7}$/;
/** 11 digits: 050 IP phones, 060/070/080/090 mobiles, 0800 free dial, 020 M2M. */
const ELEVEN_DIGITS = /^0[25-9]0[0-9]{8}$/;

function isPlausible(match: RegExpMatchArray): boolean {
  const [, prefix = '', first = '', firstSeparator = '', , secondSeparator = '', last = ''] = match;
  const international = prefix.startsWith('+');
  const digits =
    (international && !first.startsWith('0') ? '0' : '') + digitsOf(match[0].slice(prefix.length));
  if (!(digits.length === 10 ? TEN_DIGITS : ELEVEN_DIGITS).test(digits)) return false;
  // (03)1234-5678 and 03(1234)5678: each parenthesis must be closed where a Japanese number closes it.
  if (prefix === '(' && !firstSeparator.startsWith(')')) return false;
  if (firstSeparator.startsWith(')') && prefix !== '(') return false;
  if ((firstSeparator === '(') !== secondSeparator.startsWith(')')) return false;
  const grouped = firstSeparator !== '' || secondSeparator !== '';
  if (grouped && !international && first.length < 2) return false;
  // A 3-digit last group is how 0120-123-456 and 0570-123-456 are written, never a fixed line.
  if (grouped && last.length === 3 && !/^0(?:120|570)/.test(digits)) return false;
  return true;
}

export const phone = defineDetector({
  id: 'phone',
  label: { ja: '電話番号', en: 'Phone number' },
  severity: 'high',
  find: (text) =>
    spansWhere(
      text,
      CANDIDATE,
      (match, start, end) =>
        !(match[0].includes(' ') && continuesSpacedDigits(text, start, end)) && isPlausible(match),
    ),
});

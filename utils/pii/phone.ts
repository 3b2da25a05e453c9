import { continuesSpacedDigits, digitsOf, spansWhere } from './context';
import { defineDetector } from './types';

/**
 * Up to three digit groups with hyphens, spaces or parentheses between them, optionally after +81 or an
 * opening parenthesis. The groups are short and bounded, so a long run of digits costs a few steps, and the
 * lookbehind lets a match start only where a number starts. The leading lookahead names the only characters a
 * number can start with, so the engine skips every other position before evaluating the lookbehinds
 * (measured: a quarter of the time on a 100,000-character page).
 */
const CANDIDATE =
  /(?=[0-9+(])(?<![0-9+]|[0-9]-)(?:(?<=TEL|Tel|tel|FAX|Fax|fax)|(?<![A-Za-z]))(\+81[ -]?(?:\(0\)[ -]?)?|\((?=[0-9]{2,5}\)))?([0-9]{1,5})(\)[ -]?|[ -]|\(|)([0-9]{1,4})(\)[ -]?|[ -]|)([0-9]{3,4})(?![0-9A-Za-z]|-[0-9])/g;
/*
 * A number in brackets — （03-3528-4540）, (090-1234-5678) — starts after the bracket: the opening
 * parenthesis is taken as part of the number only for an area code in brackets, (03)1234-5678.
 * After TEL, Tel, FAX a number may follow without a space (TEL0287-43-1111).
 */

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

/**
 * A department's published number (問い合わせ先 市民課 電話 0287-43-1111) is public: the line names an office
 * right before it, or begins with 問い合わせ. A mobile number (070/080/090) or one after 携帯, 自宅, 本人 or
 * 連絡先 is always someone's own.
 */
const OFFICE_BEFORE =
  /(?:課|係|室|担当|窓口|センター|代表|役所|役場|支所|館)\s*(?:\(?(?:電話|TEL|Tel|℡|電話番号|直通|代表)\)?\s*[:：]?\s*)?$/u;
const ENQUIRY_LINE = /(?:^|\n)[^\n]{0,4}(?:お?問い?合わ?せ|問合せ|連絡先\s*[:：]?\s*[^\n]{0,12}課)/u;
const PERSONAL = /(?:携帯|自宅|本人|緊急|連絡先|相談者|申請者|来庁者|様|さん|宛)[^\n]{0,12}$/u;

function isPublicOfficeNumber(text: string, start: number, digits: string): boolean {
  if (/^0[789]0/.test(digits)) return false;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 40), start);
  if (PERSONAL.test(before)) return false;
  return OFFICE_BEFORE.test(before) || ENQUIRY_LINE.test(text.slice(lineStart, start));
}

const OFFICE_LABEL = { ja: '電話番号（窓口・公開）', en: 'Phone number (public office)' };

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
    ).map((span) =>
      isPublicOfficeNumber(text, span.start, digitsOf(text.slice(span.start, span.end)))
        ? { ...span, publicAs: OFFICE_LABEL }
        : span,
    ),
});

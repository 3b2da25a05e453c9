import { hasContextAfter, hasContextBefore, spansWhere } from './context';
import { defineDetector } from './types';

/** Japanese bank account numbers are 7 digits (branch and bank codes are not personal). */
const CANDIDATE = /(?<![0-9A-Za-z]|[0-9]-)[0-9]{7}(?![0-9A-Za-z]|-[0-9])/g;
/** Only next to these words is a 7-digit number an account: 普通 1234567, 口座番号：1234567（当座）. */
const CONTEXT = /口座|普通|当座|支店|預金|貯金/;
/** A count or an amount, as in 普通交付税 1234567千円: budget papers say 普通 all the time. */
const UNIT_AFTER = /^\s?[円千万億人件名世帯%点個枚台回号]/;

export const bankAccount = defineDetector({
  id: 'bank-account',
  label: { ja: '口座番号', en: 'Bank account number' },
  severity: 'high',
  find: (text) =>
    spansWhere(
      text,
      CANDIDATE,
      (_match, start, end) =>
        !hasContextAfter(text, end, UNIT_AFTER, 2) &&
        (hasContextBefore(text, start, CONTEXT, 25) || hasContextAfter(text, end, CONTEXT, 8)),
    ),
});

import { hasContextBefore } from './context';
import { defineDetector, type Span } from './types';

const CANDIDATE = /(?<![0-9A-Za-z]|[0-9]-)[0-9]{3}-?[0-9]{4}(?![0-9A-Za-z]|-[0-9])/g;
/** Seven digits are everywhere (amounts, codes); only an address context makes them a postal code. */
const CONTEXT = /〒|郵便番号|郵便|住所|所在地|送付先|zip|postal/i;
const WINDOW = 20;

export const postalCode = defineDetector({
  id: 'postal-code',
  label: { ja: '郵便番号', en: 'Postal code' },
  severity: 'high',
  find(text) {
    const spans: Span[] = [];
    for (const match of text.matchAll(CANDIDATE)) {
      const start = match.index;
      if (hasContextBefore(text, start, CONTEXT, WINDOW)) spans.push({ start, end: start + match[0].length });
    }
    return spans;
  },
});

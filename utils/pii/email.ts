import { defineDetector, type Span } from './types';

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isLocalCharacter(character: string): boolean {
  return /^[A-Za-z0-9._%+-]$/.test(character);
}

function isDomainCharacter(character: string): boolean {
  return /^[A-Za-z0-9.-]$/.test(character);
}

/**
 * Scans outward from each `@` instead of running one big regex: `[\w.]+@` restarted at every letter of a
 * long word is quadratic. Full-width ＠ and letters are already half-width after normalisation.
 */
export const email = defineDetector({
  id: 'email',
  label: { ja: 'メールアドレス', en: 'Email address' },
  severity: 'high',
  find(text) {
    const spans: Span[] = [];
    let lastEnd = 0;
    for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
      let start = at;
      const floor = Math.max(lastEnd, at - MAX_LOCAL);
      while (start > floor && isLocalCharacter(text.charAt(start - 1))) start -= 1;
      while (text.charAt(start) === '.') start += 1;
      let end = at + 1;
      const ceiling = Math.min(text.length, at + 1 + MAX_DOMAIN);
      while (end < ceiling && isDomainCharacter(text.charAt(end))) end += 1;
      while (end > at + 1 && /[.-]/.test(text.charAt(end - 1))) end -= 1;
      const local = text.slice(start, at);
      const domain = text.slice(at + 1, end);
      if (local === '' || local.endsWith('.')) continue;
      if (!isDomain(domain)) continue;
      spans.push({ start, end });
      lastEnd = end;
    }
    return spans;
  },
});

/** At least two labels, none empty, ending in an alphabetic top-level domain (jp, com, xn--…). */
function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  const topLevel = labels.at(-1) ?? '';
  return (
    labels.length >= 2 &&
    labels.every((label) => label !== '' && !label.startsWith('-') && !label.endsWith('-')) &&
    (/^[A-Za-z]{2,63}$/.test(topLevel) || /^xn--[a-z0-9-]+$/i.test(topLevel))
  );
}

/**
 * Sites whose text must never be sent, as browser match patterns (`*://*.lgwan.example.jp/*`,
 * `https://intra.example.lg.jp/*`, `<all_urls>`): the format admins already use in browser policies.
 */
interface MatchPattern {
  schemes: string[];
  host: string;
  subdomains: boolean;
  path: RegExp;
}

const PATTERN = /^(\*|https?|file|ftp):\/\/(\*|\*\.[^/*]+|[^/*]+)?(\/.*)$/;

export function parseMatchPattern(pattern: string): MatchPattern | null {
  if (pattern === '<all_urls>')
    return { schemes: ['http', 'https', 'file', 'ftp'], host: '*', subdomains: false, path: /^/ };
  const match = PATTERN.exec(pattern.trim());
  if (!match) return null;
  const [, scheme = '', hostPart = '', path = '/'] = match;
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return {
    schemes: scheme === '*' ? ['http', 'https'] : [scheme],
    host: hostPart.startsWith('*.') ? hostPart.slice(2).toLowerCase() : hostPart.toLowerCase(),
    subdomains: hostPart.startsWith('*.'),
    path: new RegExp(`^${escaped}$`),
  };
}

export function isValidMatchPattern(pattern: string): boolean {
  return parseMatchPattern(pattern) !== null;
}

function matches(pattern: MatchPattern, url: URL): boolean {
  if (!pattern.schemes.includes(url.protocol.replace(':', ''))) return false;
  const host = url.hostname.toLowerCase();
  if (pattern.host !== '*') {
    const sameHost = host === pattern.host;
    const subdomain = pattern.subdomains && host.endsWith(`.${pattern.host}`);
    if (!sameHost && !subdomain) return false;
  }
  return pattern.path.test(url.pathname + url.search);
}

/** True when the page at `url` is one whose text must not be sent. An unreadable URL counts as blocked. */
export function isSiteBlocked(pageUrl: string, patterns: readonly string[]): boolean {
  if (patterns.length === 0) return false;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return true;
  }
  return patterns.some((pattern) => {
    const parsed = parseMatchPattern(pattern);
    return parsed !== null && matches(parsed, url);
  });
}

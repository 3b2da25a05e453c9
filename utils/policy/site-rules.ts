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

/**
 * The host as the browser writes it in a page URL: lower case, punycode for a Japanese domain (矢板市.jp),
 * no trailing dot. A port is dropped, so the rule covers every port: for a block list, more is safer.
 */
function canonicalHost(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname.replace(/\.$/, '');
  } catch {
    return null;
  }
}

export function parseMatchPattern(pattern: string): MatchPattern | null {
  if (pattern === '<all_urls>')
    return { schemes: ['http', 'https', 'file', 'ftp'], host: '*', subdomains: false, path: /^/ };
  const match = PATTERN.exec(pattern.trim());
  if (!match) return null;
  const [, scheme = '', hostPart = '', path = '/'] = match;
  const subdomains = hostPart.startsWith('*.');
  const named = subdomains ? hostPart.slice(2) : hostPart;
  const host = named === '*' || named === '' ? named : canonicalHost(named);
  if (host === null) return null;
  const escaped = path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return {
    schemes: scheme === '*' ? ['http', 'https'] : [scheme],
    host,
    subdomains,
    path: new RegExp(`^${escaped}$`),
  };
}

export function isValidMatchPattern(pattern: string): boolean {
  return parseMatchPattern(pattern) !== null;
}

function matches(pattern: MatchPattern, url: URL): boolean {
  if (!pattern.schemes.includes(url.protocol.replace(':', ''))) return false;
  // `www.lgwan.example.jp.` (trailing dot) reaches the same site and must not slip through.
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
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

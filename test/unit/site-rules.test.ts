import { describe, expect, it } from 'vitest';
import { resolveSettings } from '../../utils/policy/resolve';
import { isSiteBlocked, isValidMatchPattern } from '../../utils/policy/site-rules';

const LGWAN = ['*://*.lgwan.example.jp/*'];

describe('a blocked LGWAN domain with all its subdomains', () => {
  it.each([
    'https://www.lgwan.example.jp/a',
    'http://lgwan.example.jp/',
    'https://jinji.soumu.lgwan.example.jp/kyuyo/meisai?nendo=2025',
    'https://WWW.LGWAN.EXAMPLE.JP/Kokuho/',
  ])('blocks %s', (page) => {
    expect(isSiteBlocked(page, LGWAN)).toBe(true);
  });

  it.each([
    'https://lgwan.example.jp.evil.com/',
    'https://example.jp/',
    'https://notlgwan.example.jp/',
    'https://www.city.example.lg.jp/kurashi/',
  ])('does not block %s', (page) => {
    expect(isSiteBlocked(page, LGWAN)).toBe(false);
  });

  it('does not block pages a "*" scheme does not cover', () => {
    expect(isSiteBlocked('file:///C:/Users/tanaka/lgwan.example.jp/memo.html', LGWAN)).toBe(false);
    expect(isSiteBlocked('ftp://files.lgwan.example.jp/', LGWAN)).toBe(false);
  });
});

describe('ways to reach a blocked site that must not slip through', () => {
  it('blocks a host written with a trailing dot', () => {
    expect(isSiteBlocked('https://www.lgwan.example.jp./a', LGWAN)).toBe(true);
    expect(isSiteBlocked('https://lgwan.example.jp./', LGWAN)).toBe(true);
  });

  it('blocks a Japanese domain the administrator wrote in Japanese (the browser shows it as punycode)', () => {
    const patterns = ['*://*.矢板市.jp/*'];
    expect(isSiteBlocked('https://www.矢板市.jp/kurashi/', patterns)).toBe(true);
    expect(isSiteBlocked('https://www.xn--7st14stvn.jp/kurashi/', patterns)).toBe(true);
  });

  it('blocks a host written with a port, on that port too', () => {
    const patterns = ['http://192.168.10.5:8080/*'];
    expect(isSiteBlocked('http://192.168.10.5:8080/kintai/', patterns)).toBe(true);
  });

  it('blocks an address written another way that reaches the same host', () => {
    expect(isSiteBlocked('http://3232238085/kintai/', ['http://192.168.10.5/*'])).toBe(true);
  });
});

describe('an exact host and path', () => {
  const JUKI = ['https://intra.example.lg.jp/juki/*'];

  it('blocks pages under that path on that host over https', () => {
    expect(isSiteBlocked('https://intra.example.lg.jp/juki/', JUKI)).toBe(true);
    expect(isSiteBlocked('https://intra.example.lg.jp/juki/search?shimei=山田太郎', JUKI)).toBe(true);
  });

  it('leaves other paths, subdomains and http alone', () => {
    expect(isSiteBlocked('https://intra.example.lg.jp/kouhou/', JUKI)).toBe(false);
    expect(isSiteBlocked('https://intra.example.lg.jp/juki', JUKI)).toBe(false);
    expect(isSiteBlocked('https://www.intra.example.lg.jp/juki/', JUKI)).toBe(false);
    expect(isSiteBlocked('http://intra.example.lg.jp/juki/', JUKI)).toBe(false);
  });

  it('matches one exact page only', () => {
    const page = ['https://intra.example.lg.jp/kokuho/list.html'];
    expect(isSiteBlocked('https://intra.example.lg.jp/kokuho/list.html', page)).toBe(true);
    expect(isSiteBlocked('https://intra.example.lg.jp/kokuho/list.html?page=2', page)).toBe(false);
    expect(isSiteBlocked('https://intra.example.lg.jp/kokuho/list.htmlx', page)).toBe(false);
  });

  it('treats dots and other characters in a path literally', () => {
    const page = ['https://intra.example.lg.jp/a.b/*'];
    expect(isSiteBlocked('https://intra.example.lg.jp/axb/c', page)).toBe(false);
  });

  it('ignores the port, as browser match patterns do', () => {
    expect(isSiteBlocked('https://intra.example.lg.jp:8443/juki/', JUKI)).toBe(true);
  });
});

describe('<all_urls>', () => {
  it('blocks every web page and local file', () => {
    for (const page of [
      'https://www.city.example.lg.jp/',
      'http://192.168.10.5/kintai/',
      'file:///C:/Users/tanaka/Documents/議会答弁.html',
    ])
      expect(isSiteBlocked(page, ['<all_urls>']), page).toBe(true);
  });
});

describe('pages that cannot be judged', () => {
  it('counts an unreadable page URL as blocked, so nothing is sent by mistake', () => {
    expect(isSiteBlocked('', LGWAN)).toBe(true);
    expect(isSiteBlocked('住民情報システム', LGWAN)).toBe(true);
  });

  it('blocks nothing while no sites are listed', () => {
    expect(isSiteBlocked('https://www.lgwan.example.jp/a', [])).toBe(false);
  });

  it('checks every listed pattern', () => {
    const patterns = ['https://intra.example.lg.jp/juki/*', ...LGWAN];
    expect(isSiteBlocked('https://www.lgwan.example.jp/a', patterns)).toBe(true);
  });
});

describe('which patterns an administrator may write', () => {
  it.each([
    '*://*.lgwan.example.jp/*',
    'https://intra.example.lg.jp/juki/*',
    'http://192.168.10.5/*',
    'file:///*',
    '*://*/*',
    '<all_urls>',
  ])('accepts %s', (pattern) => {
    expect(isValidMatchPattern(pattern)).toBe(true);
  });

  it.each([
    'lgwan.example.jp',
    '*.lgwan.example.jp',
    'https://*.lgwan.example.jp',
    'https://www.*.example.jp/*',
    'chrome://settings/*',
    'javascript:alert(1)',
    'https://intra example.lg.jp/*',
    '',
  ])('rejects %s', (pattern) => {
    expect(isValidMatchPattern(pattern)).toBe(false);
  });

  it('reports a policy with a bad pattern as an invalid sites.blocked, and applies the rest', () => {
    const effective = resolveSettings({
      user: undefined,
      url: undefined,
      managed: {
        sites: { blocked: ['*://*.lgwan.example.jp/*', 'lgwan.example.jp'] },
        pii: { mode: 'block' },
      },
      lastGood: {},
    });
    expect(effective.problems).toEqual([
      expect.objectContaining({ source: 'managed', path: 'sites.blocked', kind: 'invalid' }),
    ]);
    expect(effective.settings.pii.mode).toBe('block');
  });

  it('keeps blocking the sites of the last valid list when a new list has a bad pattern', () => {
    const effective = resolveSettings({
      user: undefined,
      url: undefined,
      managed: { sites: { blocked: ['lgwan.example.jp'] } },
      lastGood: { managed: { 'sites.blocked': LGWAN } },
    });
    expect(effective.settings.sites.blocked).toEqual(LGWAN);
    expect(isSiteBlocked('https://www.lgwan.example.jp/a', effective.settings.sites.blocked)).toBe(true);
  });
});

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { type MessageKey, resolveUiLanguage, translate, translatorFor } from '../../utils/i18n';
import { panelJobSchema } from '../../utils/messages';
import { apiFormatSchema, uiLanguageSchema } from '../../utils/settings/schema';

const ROOT = join(import.meta.dirname, '../..');
const catalogues: Record<'ja' | 'en', Record<string, { message: string }>> = { ja, en };
const jaKeys = Object.keys(ja);

/** `$1`…`$9` used in a message, sorted, so both languages can be compared. */
function placeholders(message: string): string[] {
  return [...new Set(message.match(/\$\d/g) ?? [])].sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.d\.ts$/.test(name) ? [path] : [];
  });
}

const uiSources = ['entrypoints', 'components', 'hooks', 'utils'].flatMap((dir) =>
  sourceFiles(join(ROOT, dir)),
);

describe('the Japanese and English message catalogues', () => {
  it('have exactly the same keys, so no screen falls back to a missing string', () => {
    expect(Object.keys(en).sort()).toEqual([...jaKeys].sort());
  });

  it.each(['ja', 'en'] as const)('%s has no empty message', (language) => {
    const empty = Object.entries(catalogues[language])
      .filter(([, entry]) => typeof entry.message !== 'string' || entry.message.trim() === '')
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same $1, $2… placeholders for every key in both languages', () => {
    const mismatched = jaKeys.filter((key) => {
      const english = catalogues.en[key];
      const japanese = catalogues.ja[key];
      return (
        !english ||
        !japanese ||
        placeholders(english.message).join() !== placeholders(japanese.message).join()
      );
    });
    expect(mismatched).toEqual([]);
  });

  it('use only key names the browser accepts in _locales (letters, digits, underscore)', () => {
    expect(jaKeys.filter((key) => !/^[A-Za-z0-9_]+$/.test(key))).toEqual([]);
  });

  it.each(['ja', 'en'] as const)(
    '%s: the extension name and description fit the browser limits (75 / 132)',
    (language) => {
      const catalogue = catalogues[language];
      expect(catalogue.extName?.message.length).toBeLessThanOrEqual(75);
      expect(catalogue.extDescription?.message.length).toBeLessThanOrEqual(132);
    },
  );
});

describe('choosing the interface language', () => {
  it('follows a Japanese browser when set to automatic', () => {
    expect(resolveUiLanguage('auto', 'ja-JP')).toBe('ja');
    expect(resolveUiLanguage('auto', 'ja')).toBe('ja');
  });

  it('uses English for any other browser language when set to automatic', () => {
    expect(resolveUiLanguage('auto', 'en-US')).toBe('en');
    expect(resolveUiLanguage('auto', 'pt-BR')).toBe('en');
    expect(resolveUiLanguage('auto', 'zh-CN')).toBe('en');
  });

  it('lets the user’s explicit choice win over the browser language', () => {
    expect(resolveUiLanguage('en', 'ja-JP')).toBe('en');
    expect(resolveUiLanguage('ja', 'en-US')).toBe('ja');
  });
});

describe('translating a message', () => {
  it('puts the gateway address into the permission message in both languages', () => {
    const origin = 'https://ai-gateway.city.kawasaki.example.lg.jp';
    const japanese = translate('ja', 'permissionNeededBody', origin);
    const english = translate('en', 'permissionNeededBody', origin);
    expect(japanese).toContain(origin);
    expect(english).toContain(origin);
    expect(japanese).not.toContain('$1');
    expect(english).not.toContain('$1');
    expect(japanese).not.toBe(english);
  });

  it('replaces $1 wherever it stands in the sentence', () => {
    const t = translatorFor('ja');
    expect(t('error_model_not_found', 'gpt-4.1-mini')).toContain('「gpt-4.1-mini」');
    expect(t('error_rate_limited', '30')).toContain('30秒');
  });

  it('inserts a substitution literally, even when it contains $ patterns', () => {
    // A gateway error detail is untrusted text; `$&` or `$1` inside it must not be expanded.
    const detail = 'HTTP 500: price $& quota $1 exceeded';
    expect(translate('en', 'errorDetail', detail)).toBe(`Details: ${detail}`);
  });

  it('leaves a message without placeholders unchanged', () => {
    expect(translate('ja', 'send', 'unused')).toBe(ja.send.message);
    expect(translate('en', 'send')).toBe(en.send.message);
  });

  it('fills $1 with the first substitution and ignores extra ones', () => {
    // No message uses $2 yet, so order is checked through $1 taking the first of several values.
    const key: MessageKey = 'fromPage';
    expect(translate('ja', key, '市報かわさき 6月号', 'https://www.city.example.lg.jp/')).toBe(
      '出典: 市報かわさき 6月号',
    );
  });

  it('never shows "undefined" when a substitution is missing', () => {
    expect(translate('en', 'errorDetail')).not.toContain('undefined');
    expect(translate('ja', 'errorDetail')).toMatch(/^詳細: /);
  });
});

describe('every string the code shows exists in the catalogue', () => {
  const literalKeys = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of uiSources) {
    const source = readFileSync(file, 'utf8');
    const where = relative(ROOT, file);
    for (const match of source.matchAll(/\bt\(\s*(['"])([^'"]+)\1/g)) {
      literalKeys.set(match[2] ?? '', where);
    }
    for (const match of source.matchAll(/\bt\(\s*`([^`$]*)\$\{/g)) {
      prefixes.set(match[1] ?? '', where);
    }
    for (const match of source.matchAll(/\btranslate\(\s*\w+\s*,\s*(['"])([^'"]+)\1/g)) {
      literalKeys.set(match[2] ?? '', where);
    }
  }

  it('finds the t() calls in the source (the scan itself works)', () => {
    expect(uiSources.length).toBeGreaterThan(10);
    expect(literalKeys.size).toBeGreaterThan(20);
    expect(prefixes.has('status_')).toBe(true);
  });

  it('has every key passed to t() as a string literal', () => {
    const missing = [...literalKeys].filter(([key]) => !(key in ja)).map(([key, file]) => `${key} (${file})`);
    expect(missing).toEqual([]);
  });

  it('has keys for every template-literal prefix passed to t()', () => {
    const missing = [...prefixes]
      .filter(([prefix]) => !jaKeys.some((key) => key.startsWith(prefix)))
      .map(([prefix, file]) => `${prefix}… (${file})`);
    expect(missing).toEqual([]);
  });

  it('has a label for every answer status other than complete (interrupted, error)', () => {
    expect(jaKeys).toEqual(expect.arrayContaining(['status_interrupted', 'status_error']));
  });

  it('has a label for every API format and interface-language option in the settings', () => {
    for (const format of apiFormatSchema.options) expect(jaKeys).toContain(`apiFormat_${format}`);
    for (const option of uiLanguageSchema.options) expect(jaKeys).toContain(`uiLanguage_${option}`);
  });

  it('has an explanation for every reason a right-click job could not read the selection', () => {
    const problems = panelJobSchema.shape.problem.unwrap().options;
    for (const problem of problems) expect(jaKeys).toContain(problem);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { translatorFor } from '../../utils/i18n';
import { explainPolicyProblem } from '../../utils/policy/explain';
import { type EffectiveSettings, type PolicyInputs, resolveSettings } from '../../utils/policy/resolve';
import type { PolicyProblem } from '../../utils/policy/validate';
import { DEFAULT_SETTINGS } from '../../utils/settings/schema';

/** What a member of staff in 市民課 saved on the options page before IT rolled out a policy. */
const USER_SETTINGS = {
  gateway: {
    baseUrl: 'https://my-litellm.example.jp/v1',
    auth: { header: 'x-litellm-api-key', scheme: '' },
  },
  apiKey: 'sk-shiminka-tanaka-2025',
  defaultModel: 'gpt-4o-mini',
  disclosure: { copySuffix: '（AI下書き）' },
  history: { enabled: true, retentionDays: 90 },
  uiLanguage: 'ja',
};

/** The policy the intranet publishes at `policyUrl`. */
const URL_POLICY = {
  gateway: { baseUrl: 'https://ai-gw-intranet.example.lg.jp/v1' },
  pii: { mode: 'warn', bannedTerms: ['取扱注意'] },
  tips: [{ date: '2025-09-10', title: '要約は3行で', body: '「3行で要約して」と頼むと便利です。' }],
};

/** The enterprise policy the 情報政策課 pushes to every PC (Chrome's storage.managed). */
const MANAGED_POLICY = {
  gateway: {
    baseUrl: 'https://ai-gw.example.lg.jp/v1',
    apiFormat: 'openai',
    userAttribution: { header: 'x-litellm-end-user-id', bodyUser: true },
  },
  models: [
    { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
    { id: 'plamo-2.1-prime', label: 'PLaMo（国産）', purpose: '日本語の公用文' },
  ],
  defaultModel: 'gpt-4.1-mini',
  pii: { mode: 'redact' },
  history: { retentionDays: 30 },
};

function resolve(inputs: Partial<PolicyInputs>): EffectiveSettings {
  return resolveSettings({ user: undefined, url: undefined, managed: undefined, lastGood: {}, ...inputs });
}

const problemAt = (effective: EffectiveSettings, path: string) =>
  effective.problems.find((problem) => problem.path === path);

describe('which source wins for each setting', () => {
  it('takes the managed gateway address over the policy URL, and the policy URL over the user', () => {
    expect(resolve({ user: USER_SETTINGS }).settings.gateway.baseUrl).toBe(
      'https://my-litellm.example.jp/v1',
    );
    expect(resolve({ user: USER_SETTINGS, url: URL_POLICY }).settings.gateway.baseUrl).toBe(
      'https://ai-gw-intranet.example.lg.jp/v1',
    );
    const effective = resolve({ user: USER_SETTINGS, url: URL_POLICY, managed: MANAGED_POLICY });
    expect(effective.settings.gateway.baseUrl).toBe('https://ai-gw.example.lg.jp/v1');
    expect(effective.forced['gateway.baseUrl']).toBe('managed');
  });

  it("keeps the user's own auth header while no policy sets it", () => {
    const effective = resolve({ user: USER_SETTINGS, url: URL_POLICY, managed: MANAGED_POLICY });
    expect(effective.settings.gateway.auth.header).toBe('x-litellm-api-key');
    expect(effective.forced['gateway.auth.header']).toBeUndefined();
  });

  it('forces single keys, not whole sections: the policy sets retention, the user still decides about history', () => {
    const effective = resolve({ user: USER_SETTINGS, managed: MANAGED_POLICY });
    expect(effective.settings.history).toEqual({ enabled: true, retentionDays: 30, keepOriginals: true });
    expect(effective.forced['history.retentionDays']).toBe('managed');
    expect(effective.forced['history.enabled']).toBeUndefined();
  });

  it('takes a policy URL key that the managed policy leaves alone, and says it came from the URL', () => {
    const effective = resolve({ user: USER_SETTINGS, url: URL_POLICY, managed: MANAGED_POLICY });
    expect(effective.settings.pii.bannedTerms).toEqual(['取扱注意']);
    expect(effective.forced['pii.bannedTerms']).toBe('url');
    expect(effective.settings.pii.mode).toBe('redact');
    expect(effective.forced['pii.mode']).toBe('managed');
    expect(effective.settings.tips).toHaveLength(1);
  });

  it('fills what nobody set from the built-in defaults', () => {
    const effective = resolve({ user: USER_SETTINGS, managed: MANAGED_POLICY });
    expect(effective.settings.sites.blocked).toEqual(DEFAULT_SETTINGS.sites.blocked);
    expect(effective.settings.actions).toEqual(DEFAULT_SETTINGS.actions);
  });

  it("keeps the user's own values apart for the options page, whatever the policy forces", () => {
    const effective = resolve({ user: USER_SETTINGS, url: URL_POLICY, managed: MANAGED_POLICY });
    expect(effective.user.gateway.baseUrl).toBe('https://my-litellm.example.jp/v1');
    expect(effective.user.defaultModel).toBe('gpt-4o-mini');
    expect(effective.user.apiKey).toBe('sk-shiminka-tanaka-2025');
  });

  it('gives the plain defaults on a fresh install without any policy', () => {
    expect(resolve({})).toMatchObject({
      settings: DEFAULT_SETTINGS,
      forced: {},
      problems: [],
      resetKeys: [],
    });
  });
});

describe('a key present in a policy is forced, whatever its value', () => {
  it('forces an empty copy suffix and a switched-off history, naming the policy that set them', () => {
    const effective = resolve({
      user: USER_SETTINGS,
      managed: { disclosure: { copySuffix: '' }, history: { enabled: false } },
    });
    expect(effective.settings.disclosure.copySuffix).toBe('');
    expect(effective.settings.history.enabled).toBe(false);
    expect(effective.forced).toEqual({ 'disclosure.copySuffix': 'managed', 'history.enabled': 'managed' });
  });

  it('forces an empty model for an action from the policy URL', () => {
    const user = { actions: { proofread: { enabled: true, model: 'claude-sonnet-4-5' } } };
    const effective = resolve({ user, url: { actions: { proofread: { model: '' } } } });
    expect(effective.settings.actions.proofread).toEqual({ enabled: true, model: '' });
    expect(effective.forced).toEqual({ 'actions.proofread.model': 'url' });
  });

  it('forces an empty model list', () => {
    const effective = resolve({ user: { models: [{ id: 'gpt-4o' }] }, managed: { models: [] } });
    expect(effective.settings.models).toEqual([]);
    expect(effective.forced.models).toBe('managed');
  });

  it('forces nothing for an empty section', () => {
    expect(resolve({ user: USER_SETTINGS, managed: { gateway: {}, actions: {} } }).forced).toEqual({});
  });
});

describe('an invalid key in a policy', () => {
  const BROKEN = {
    ...MANAGED_POLICY,
    pii: { mode: 'strict' },
    history: { retentionDays: '30日' },
  };

  it('is reported with the key, what it takes and what was found', () => {
    const effective = resolve({ managed: BROKEN });
    expect(problemAt(effective, 'pii.mode')).toEqual({
      source: 'managed',
      path: 'pii.mode',
      kind: 'invalid',
      expected: 'one of off / warn / redact / block',
      found: '"strict"',
    });
    expect(problemAt(effective, 'history.retentionDays')).toMatchObject({
      kind: 'invalid',
      expected: 'a whole number of 0 or more',
      found: '"30日"',
    });
  });

  it('does not stop the rest of the policy from applying', () => {
    const effective = resolve({ user: USER_SETTINGS, managed: BROKEN });
    expect(effective.settings.gateway.baseUrl).toBe('https://ai-gw.example.lg.jp/v1');
    expect(effective.settings.models.map((model) => model.id)).toEqual(['gpt-4.1-mini', 'plamo-2.1-prime']);
    expect(effective.forced.defaultModel).toBe('managed');
  });

  it('keeps its last valid value, still locked', () => {
    const lastGood = { managed: { 'pii.mode': 'redact', 'history.retentionDays': 30 } };
    const effective = resolve({ user: USER_SETTINGS, managed: BROKEN, lastGood });
    expect(effective.settings.pii.mode).toBe('redact');
    expect(effective.settings.history.retentionDays).toBe(30);
    expect(effective.forced['pii.mode']).toBe('managed');
    expect(effective.forced['history.retentionDays']).toBe('managed');
    expect(effective.lastGood.managed?.['pii.mode']).toBe('redact');
  });

  it("falls back to the user's value, unlocked, when there never was a valid one", () => {
    const effective = resolve({ user: USER_SETTINGS, managed: BROKEN });
    expect(effective.settings.history.retentionDays).toBe(90);
    expect(effective.forced['history.retentionDays']).toBeUndefined();
  });

  it('falls back to the default, unlocked, when neither the user nor an earlier policy set it', () => {
    const effective = resolve({ user: USER_SETTINGS, managed: BROKEN });
    expect(effective.settings.pii.mode).toBe(DEFAULT_SETTINGS.pii.mode);
    expect(effective.forced['pii.mode']).toBeUndefined();
  });

  it('keeps the last valid values of a whole section written as text by mistake', () => {
    const lastGood = { managed: { 'history.enabled': false, 'history.retentionDays': 30 } };
    const effective = resolve({ user: USER_SETTINGS, managed: { history: '30' }, lastGood });
    expect(problemAt(effective, 'history')).toMatchObject({ kind: 'invalid', found: '"30"' });
    expect(effective.settings.history).toEqual({ enabled: false, retentionDays: 30, keepOriginals: true });
    expect(effective.forced['history.enabled']).toBe('managed');
  });

  it('keeps the last fetched policy when the policy URL now returns something that is not an object', () => {
    const lastGood = { url: { 'gateway.baseUrl': 'https://ai-gw-intranet.example.lg.jp/v1' } };
    const effective = resolve({ user: USER_SETTINGS, url: ['メンテナンス中'], lastGood });
    expect(problemAt(effective, '')).toMatchObject({
      source: 'url',
      kind: 'invalid',
      expected: 'a JSON object',
    });
    expect(effective.settings.gateway.baseUrl).toBe('https://ai-gw-intranet.example.lg.jp/v1');
    expect(effective.forced['gateway.baseUrl']).toBe('url');
  });

  it('remembers, as last good, only the keys the policy sets now', () => {
    const lastGood = {
      managed: { 'pii.mode': 'redact', 'history.retentionDays': 30, 'guideline.version': '2025-04' },
    };
    const effective = resolve({
      managed: { pii: { mode: 'block' }, history: { retentionDays: -1 } },
      lastGood,
    });
    expect(effective.lastGood).toEqual({ managed: { 'pii.mode': 'block', 'history.retentionDays': 30 } });
    expect(effective.forced['guideline.version']).toBeUndefined();
  });

  it('ignores a remembered value that is not valid any more', () => {
    const lastGood = { managed: { 'pii.mode': 'strict', 'history.retentionDays': '30日' } };
    const effective = resolve({ managed: BROKEN, lastGood });
    expect(effective.settings.pii.mode).toBe(DEFAULT_SETTINGS.pii.mode);
    expect(effective.settings.history.retentionDays).toBe(DEFAULT_SETTINGS.history.retentionDays);
    expect(effective.lastGood.managed).not.toHaveProperty(['pii.mode']);
  });
});

describe('keys a policy may not set', () => {
  it('reports an unknown key and applies the rest', () => {
    const effective = resolve({
      managed: { ...MANAGED_POLICY, gatway: { baseUrl: 'https://typo.example.jp' } },
    });
    expect(problemAt(effective, 'gatway')).toMatchObject({ source: 'managed', kind: 'unknown' });
    expect(effective.settings.gateway.baseUrl).toBe('https://ai-gw.example.lg.jp/v1');
  });

  it('reports an unknown key inside a section by its full name', () => {
    const effective = resolve({ url: { pii: { mode: 'warn', maskNames: true } } });
    expect(problemAt(effective, 'pii.maskNames')).toMatchObject({ source: 'url', kind: 'unknown' });
    expect(effective.settings.pii.mode).toBe('warn');
  });

  it("refuses an API key from a policy and keeps the user's own", () => {
    const effective = resolve({ user: USER_SETTINGS, managed: { apiKey: 'sk-org-leaked-0001' } });
    expect(problemAt(effective, 'apiKey')).toMatchObject({ kind: 'user-only' });
    expect(effective.settings.apiKey).toBe('sk-shiminka-tanaka-2025');
    expect(effective.forced.apiKey).toBeUndefined();
    expect(JSON.stringify(effective.problems)).not.toContain('sk-org-leaked-0001');
  });
});

describe('a managed policy that the browser dropped', () => {
  const lastGood = { managed: { 'gateway.baseUrl': 'https://ai-gw.example.lg.jp/v1', 'pii.mode': 'redact' } };

  it('keeps the last valid managed values, still locked, and says the policy was unavailable', () => {
    const effective = resolve({ user: USER_SETTINGS, managed: {}, lastGood });
    expect(effective.settings.gateway.baseUrl).toBe('https://ai-gw.example.lg.jp/v1');
    expect(effective.settings.pii.mode).toBe('redact');
    expect(effective.forced).toEqual({ 'gateway.baseUrl': 'managed', 'pii.mode': 'managed' });
    expect(effective.problems).toEqual([expect.objectContaining({ source: 'managed', kind: 'unavailable' })]);
    expect(effective.lastGood.managed).toEqual(lastGood.managed);
  });

  it('is no problem on a PC that never had a managed policy', () => {
    const effective = resolve({ user: USER_SETTINGS, managed: {} });
    expect(effective.problems).toEqual([]);
    expect(effective.forced).toEqual({});
  });
});

describe("the user's own stored settings", () => {
  it('resets only a damaged setting to its default and keeps the rest', () => {
    const damaged = { ...USER_SETTINGS, uiLanguage: 'fr', defaultModel: 42 };
    const effective = resolve({ user: damaged });
    expect([...effective.resetKeys].sort()).toEqual(['defaultModel', 'uiLanguage']);
    expect(effective.user.uiLanguage).toBe(DEFAULT_SETTINGS.uiLanguage);
    expect(effective.user.defaultModel).toBe(DEFAULT_SETTINGS.defaultModel);
    expect(effective.user.gateway.baseUrl).toBe('https://my-litellm.example.jp/v1');
    expect(effective.user.apiKey).toBe('sk-shiminka-tanaka-2025');
    expect(effective.problems).toEqual([]);
  });

  it('fills settings missing from an older save with defaults, without calling them damaged', () => {
    const effective = resolve({ user: { apiKey: 'sk-old-install' } });
    expect(effective.resetKeys).toEqual([]);
    expect(effective.user).toEqual({ ...DEFAULT_SETTINGS, apiKey: 'sk-old-install' });
  });
});

describe('hostile or broken policies never break the extension', () => {
  afterEach(() => {
    for (const key of ['polluted', 'isAdmin', 'baseUrl'])
      delete (Object.prototype as Record<string, unknown>)[key];
  });

  const HOSTILE: [string, unknown][] = [
    ['an array', ['gateway', 'models']],
    ['null', null],
    ['a string', '{"gateway":{}}'],
    ['a number', 42],
    ['__proto__ at the top', JSON.parse('{"__proto__":{"polluted":"yes"},"pii":{"mode":"block"}}')],
    [
      '__proto__ in a section',
      JSON.parse('{"gateway":{"__proto__":{"baseUrl":"https://evil.example.com"}}}'),
    ],
    ['constructor.prototype', JSON.parse('{"constructor":{"prototype":{"isAdmin":true}}}')],
    ['__proto__ as an extra header', JSON.parse('{"gateway":{"headers":{"__proto__":{"polluted":"yes"}}}}')],
    ['arrays where sections belong', { gateway: [], pii: [1, 2], actions: { summarize: [] } }],
    ['junk in a model list', { models: [null, 'gpt', { id: 7 }, [[[]]]] }],
  ];

  it.each(HOSTILE)('survives %s in either policy without changing Object.prototype', (_, hostile) => {
    for (const inputs of [{ managed: hostile }, { url: hostile }, { user: hostile }]) {
      const effective = resolve({ ...inputs });
      expect(effective.settings.gateway.baseUrl).toBe('');
      expect(effective.settings.uiLanguage).toBe('auto');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).baseUrl).toBeUndefined();
  });

  it('survives deeply nested junk and reports it shortened', () => {
    let deep: unknown = '最深部';
    for (let level = 0; level < 20_000; level++) deep = { next: deep };
    const effective = resolve({ managed: { gateway: { auth: { header: deep } }, pii: { mode: 'redact' } } });
    expect(problemAt(effective, 'gateway.auth.header')?.found.length).toBeLessThanOrEqual(80);
    expect(effective.settings.pii.mode).toBe('redact');
  });

  it('survives a remembered last-good record that was tampered with', () => {
    const lastGood = JSON.parse(
      '{"managed":{"__proto__.polluted":"yes","constructor.prototype.isAdmin":true,"pii.mode":"redact"}}',
    );
    const effective = resolve({ managed: {}, lastGood });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(effective.settings.pii.mode).toBe('redact');
    expect(resolve({ managed: {}, lastGood: { managed: 'redact' } as never }).settings).toEqual(
      DEFAULT_SETTINGS,
    );
  });
});

describe('problems explained to staff in Japanese', () => {
  const t = translatorFor('ja');
  const explain = (problem: PolicyProblem, effective: EffectiveSettings) =>
    explainPolicyProblem(problem, effective, t);

  it('names an invalid key, what it takes and what was found, and says the last valid value stays', () => {
    const effective = resolve({
      managed: { pii: { mode: 'strict' } },
      lastGood: { managed: { 'pii.mode': 'redact' } },
    });
    const [problem] = effective.problems;
    expect(problem).toBeDefined();
    if (!problem) return;
    const sentence = explain(problem, effective);
    expect(sentence).toContain('「pii.mode」');
    expect(sentence).toContain('one of off / warn / redact / block');
    expect(sentence).toContain('"strict"');
    expect(sentence).toContain('前回の正しい値を使い続けています');
  });

  it('says an invalid key without an earlier valid value now uses the default', () => {
    const effective = resolve({ managed: { history: { retentionDays: -7 } } });
    const [problem] = effective.problems;
    if (!problem) throw new Error('no problem reported');
    const sentence = explain(problem, effective);
    expect(sentence).toContain('「history.retentionDays」');
    expect(sentence).toContain('既定値');
  });

  it('says the last valid values stay when a whole section was written as text', () => {
    const effective = resolve({
      managed: { history: '30' },
      lastGood: { managed: { 'history.enabled': true, 'history.retentionDays': 30 } },
    });
    const [problem] = effective.problems;
    if (!problem) throw new Error('no problem reported');
    const sentence = explain(problem, effective);
    expect(sentence).toContain('「history」');
    expect(sentence).toContain('前回の正しい値を使い続けています');
  });

  it('names an unknown key and asks to check the spelling', () => {
    const effective = resolve({ managed: { gatway: {} } });
    const [problem] = effective.problems;
    if (!problem) throw new Error('no problem reported');
    expect(explain(problem, effective)).toBe(
      '「gatway」は知らない設定のため無視しました（つづりを確認してください）。',
    );
  });

  it('names the API key as something a policy cannot set', () => {
    const effective = resolve({ managed: { apiKey: 'sk-org-0001' } });
    const [problem] = effective.problems;
    if (!problem) throw new Error('no problem reported');
    expect(explain(problem, effective)).toBe('「apiKey」はポリシーでは設定できないため無視しました。');
  });

  it('names the policy URL and the reason when it could not be fetched', () => {
    const urlProblem: PolicyProblem = {
      source: 'url',
      path: '',
      kind: 'unavailable',
      expected: 'https://intranet.example.lg.jp/tatakidai/policy.json',
      found: 'no answer within 10 s',
    };
    const effective = resolve({ urlProblem });
    expect(explain(urlProblem, effective)).toBe(
      'ポリシーURL（https://intranet.example.lg.jp/tatakidai/policy.json）を取得できませんでした（no answer within 10 s）。前回取得したポリシーを使い続けています。',
    );
  });

  it('says a dropped managed policy keeps the last valid one', () => {
    const effective = resolve({ managed: {}, lastGood: { managed: { 'pii.mode': 'redact' } } });
    const [problem] = effective.problems;
    if (!problem) throw new Error('no problem reported');
    expect(explain(problem, effective)).toContain('前回の正しいポリシーを使い続けています');
  });
});

describe('turning one action off', () => {
  it('leaves the other right-click actions on', () => {
    const { settings } = resolveSettings({
      user: undefined,
      url: undefined,
      managed: { actions: { translate: { enabled: false } } },
      lastGood: {},
    });
    expect(settings.actions.translate.enabled).toBe(false);
    expect(settings.actions.summarize.enabled).toBe(true);
    expect(settings.actions.polite.enabled).toBe(true);
    expect(settings.actions.proofread.enabled).toBe(true);
  });
});

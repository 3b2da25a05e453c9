import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PolicyUrlCache } from '../../utils/policy/policy-url';
import type { EffectiveSettings } from '../../utils/policy/resolve';
import {
  loadEffectiveSettings,
  readPolicyUrlCache,
  rememberLastGood,
  saveUserSettings,
  watchEffectiveSettings,
  writePolicyUrlCache,
} from '../../utils/policy/storage';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';

const POLICY_URL = 'https://intranet.example.lg.jp/tatakidai/policy.json';

/** What a member of staff saved on the options page. */
const USER: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  gateway: {
    ...DEFAULT_SETTINGS.gateway,
    baseUrl: 'https://my-litellm.example.jp/v1',
    auth: {
      header: 'x-litellm-api-key',
      scheme: '',
      source: 'user',
      value: '',
      oidc: DEFAULT_SETTINGS.gateway.auth.oidc,
    },
  },
  apiKey: 'sk-shiminka-tanaka-2025',
  defaultModel: 'gpt-4o-mini',
  uiLanguage: 'ja',
};

/** The enterprise policy from 情報政策課, as Chrome hands it to storage.managed. */
const MANAGED = {
  gateway: { baseUrl: 'https://ai-gw.example.lg.jp/v1' },
  pii: { mode: 'redact' },
  policyUrl: POLICY_URL,
};

const TIPS = [{ date: '2025-09-10', title: '要約は3行で', body: '「3行で要約して」と頼むと便利です。' }];

/** The intranet policy, as the background last fetched it. */
const URL_CACHE: PolicyUrlCache = {
  url: POLICY_URL,
  etag: '"v2025-09"',
  fetchedAt: Date.UTC(2025, 8, 1),
  body: { tips: TIPS, defaultModel: 'plamo-2.1-prime' },
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('loading the settings in force', () => {
  it('gives the defaults on a fresh install', async () => {
    const effective = await loadEffectiveSettings();
    expect(effective.settings).toEqual(DEFAULT_SETTINGS);
    expect(effective.forced).toEqual({});
    expect(effective.problems).toEqual([]);
  });

  it("applies the managed policy over the user's own settings and the cached policy URL between them", async () => {
    await fakeBrowser.storage.local.set({ settings: USER, policyUrlCache: URL_CACHE });
    await fakeBrowser.storage.managed.set(MANAGED);
    const effective = await loadEffectiveSettings();
    expect(effective.settings.gateway.baseUrl).toBe('https://ai-gw.example.lg.jp/v1');
    expect(effective.settings.gateway.auth.header).toBe('x-litellm-api-key');
    expect(effective.settings.apiKey).toBe('sk-shiminka-tanaka-2025');
    expect(effective.settings.defaultModel).toBe('plamo-2.1-prime');
    expect(effective.settings.tips).toHaveLength(1);
    expect(effective.forced).toMatchObject({
      'gateway.baseUrl': 'managed',
      'pii.mode': 'managed',
      policyUrl: 'managed',
      defaultModel: 'url',
      tips: 'url',
    });
    expect(effective.user.defaultModel).toBe('gpt-4o-mini');
  });

  it('uses the cached policy URL when the user set that URL on their own', async () => {
    await fakeBrowser.storage.local.set({
      settings: { ...USER, policyUrl: POLICY_URL },
      policyUrlCache: URL_CACHE,
    });
    expect((await loadEffectiveSettings()).settings.defaultModel).toBe('plamo-2.1-prime');
  });

  it('ignores a cached policy from an earlier policyUrl', async () => {
    await fakeBrowser.storage.local.set({
      settings: USER,
      policyUrlCache: { ...URL_CACHE, url: 'https://old-intranet.example.lg.jp/policy.json' },
    });
    await fakeBrowser.storage.managed.set(MANAGED);
    const effective = await loadEffectiveSettings();
    expect(effective.settings.defaultModel).toBe('gpt-4o-mini');
    expect(effective.settings.tips).toEqual([]);
    expect(Object.values(effective.forced)).not.toContain('url');
  });

  it('ignores the cached policy once no policyUrl is set', async () => {
    await fakeBrowser.storage.local.set({ settings: USER, policyUrlCache: URL_CACHE });
    expect((await loadEffectiveSettings()).settings.defaultModel).toBe('gpt-4o-mini');
  });

  it('keeps the last fetched policy in force and says why the latest fetch failed', async () => {
    await fakeBrowser.storage.local.set({
      settings: USER,
      policyUrlCache: { ...URL_CACHE, error: 'no answer within 10 s' },
    });
    await fakeBrowser.storage.managed.set(MANAGED);
    const effective = await loadEffectiveSettings();
    expect(effective.settings.defaultModel).toBe('plamo-2.1-prime');
    expect(effective.problems).toContainEqual({
      source: 'url',
      path: '',
      kind: 'unavailable',
      expected: POLICY_URL,
      found: 'no answer within 10 s',
    });
  });

  it('keeps the last valid value of a managed key that is now invalid', async () => {
    await fakeBrowser.storage.local.set({
      settings: USER,
      policyLastGood: { managed: { 'pii.mode': 'redact' } },
    });
    await fakeBrowser.storage.managed.set({ ...MANAGED, pii: { mode: 'mask' } });
    const effective = await loadEffectiveSettings();
    expect(effective.settings.pii.mode).toBe('redact');
    expect(effective.forced['pii.mode']).toBe('managed');
    expect(effective.problems).toContainEqual(expect.objectContaining({ path: 'pii.mode', kind: 'invalid' }));
  });

  it('works without managed storage (Firefox without policies.json)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(
      new Error('Managed storage manifest not found'),
    );
    await fakeBrowser.storage.local.set({ settings: USER });
    const effective = await loadEffectiveSettings();
    expect(effective.settings.gateway.baseUrl).toBe('https://my-litellm.example.jp/v1');
    expect(effective.problems).toEqual([]);
  });

  it('survives a damaged last-good record in storage', async () => {
    await fakeBrowser.storage.local.set({ settings: USER, policyLastGood: '壊れたデータ' });
    await fakeBrowser.storage.managed.set(MANAGED);
    expect((await loadEffectiveSettings()).settings.pii.mode).toBe('redact');
  });
});

describe('remembering the last valid policy', () => {
  async function countLastGoodWrites(run: () => Promise<void>): Promise<number> {
    let writes = 0;
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && 'policyLastGood' in changes) writes++;
    };
    fakeBrowser.storage.onChanged.addListener(listener);
    await run();
    fakeBrowser.storage.onChanged.removeListener(listener);
    return writes;
  }

  it('stores the valid policy values, per source', async () => {
    await fakeBrowser.storage.local.set({ policyUrlCache: URL_CACHE });
    await fakeBrowser.storage.managed.set(MANAGED);
    await rememberLastGood(await loadEffectiveSettings());
    expect(await fakeBrowser.storage.local.get('policyLastGood')).toEqual({
      policyLastGood: {
        url: { tips: TIPS, defaultModel: 'plamo-2.1-prime' },
        managed: {
          'gateway.baseUrl': 'https://ai-gw.example.lg.jp/v1',
          'pii.mode': 'redact',
          policyUrl: POLICY_URL,
        },
      },
    });
  });

  it('writes nothing when nothing changed, so storage listeners are not woken for nothing', async () => {
    await fakeBrowser.storage.managed.set(MANAGED);
    const effective = await loadEffectiveSettings();
    expect(await countLastGoodWrites(() => rememberLastGood(effective))).toBe(1);
    expect(await countLastGoodWrites(() => rememberLastGood(effective))).toBe(0);
    expect(await countLastGoodWrites(async () => rememberLastGood(await loadEffectiveSettings()))).toBe(0);
  });

  it('writes again when the administrator changes the policy', async () => {
    await fakeBrowser.storage.managed.set(MANAGED);
    await rememberLastGood(await loadEffectiveSettings());
    await fakeBrowser.storage.managed.set({ ...MANAGED, pii: { mode: 'block' } });
    expect(await countLastGoodWrites(async () => rememberLastGood(await loadEffectiveSettings()))).toBe(1);
    const { policyLastGood } = await fakeBrowser.storage.local.get('policyLastGood');
    expect(policyLastGood).toMatchObject({ managed: { 'pii.mode': 'block' } });
  });
});

describe("the organisation's key in the policy", () => {
  const WITH_KEY = {
    ...MANAGED,
    gateway: { ...MANAGED.gateway, auth: { source: 'policy', value: 'sk-org-yaita-2026-0001' } },
    policyKeys: ['gateway', 'pii', 'policyUrl'],
  };

  it('is never written to disk with the last good policy, only kept in memory', async () => {
    await fakeBrowser.storage.managed.set(WITH_KEY);
    await rememberLastGood(await loadEffectiveSettings());
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('sk-org-yaita-2026-0001');
    expect(JSON.stringify(await fakeBrowser.storage.session.get(null))).toContain('sk-org-yaita-2026-0001');
  });

  it('stays in force from memory when the browser drops the gateway section', async () => {
    await fakeBrowser.storage.managed.set(WITH_KEY);
    await rememberLastGood(await loadEffectiveSettings());
    const { gateway: _dropped, ...delivered } = WITH_KEY;
    await fakeBrowser.storage.managed.clear();
    await fakeBrowser.storage.managed.set(delivered);
    const effective = await loadEffectiveSettings();
    expect(effective.settings.gateway.auth.value).toBe('sk-org-yaita-2026-0001');
    expect(effective.settings.gateway.baseUrl).toBe('https://ai-gw.example.lg.jp/v1');
    expect(effective.forced['gateway.auth.value']).toBe('managed');
  });

  it('removes a key that an earlier version wrote to disk', async () => {
    await fakeBrowser.storage.local.set({
      policyLastGood: { managed: { 'gateway.auth.value': 'sk-org-yaita-2026-0001' } },
    });
    await fakeBrowser.storage.managed.set(WITH_KEY);
    await rememberLastGood(await loadEffectiveSettings());
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('sk-org-yaita-2026-0001');
  });
});

describe("the user's own settings and the cached policy URL in storage", () => {
  it('saves what the options page edits and loads it back', async () => {
    await saveUserSettings(USER);
    const effective = await loadEffectiveSettings();
    expect(effective.user).toEqual(USER);
    expect(effective.resetKeys).toEqual([]);
  });

  it('refuses to save settings that would not load again', async () => {
    await expect(saveUserSettings({ ...USER, models: [{ id: '' }] })).rejects.toThrow();
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({});
  });

  it('keeps the fetched policy URL copy', async () => {
    expect(await readPolicyUrlCache()).toBeUndefined();
    await writePolicyUrlCache(URL_CACHE);
    expect(await readPolicyUrlCache()).toEqual(URL_CACHE);
  });
});

describe('applying changes without a restart', () => {
  function watch() {
    const seen: EffectiveSettings[] = [];
    const stop = watchEffectiveSettings((effective) => seen.push(effective));
    return { seen, stop };
  }

  it('applies a new managed policy as soon as the browser delivers it', async () => {
    const { seen, stop } = watch();
    await fakeBrowser.storage.managed.set(MANAGED);
    await vi.waitFor(() => expect(seen.at(-1)?.settings.pii.mode).toBe('redact'));
    expect(seen.at(-1)?.forced['pii.mode']).toBe('managed');
    stop();
  });

  it('applies settings saved on the options page in an open side panel', async () => {
    const { seen, stop } = watch();
    await saveUserSettings({ ...USER, defaultModel: 'claude-sonnet-4-5' });
    await vi.waitFor(() => expect(seen.at(-1)?.settings.defaultModel).toBe('claude-sonnet-4-5'));
    stop();
  });

  it('applies a newly fetched policy URL copy', async () => {
    await fakeBrowser.storage.managed.set(MANAGED);
    const { seen, stop } = watch();
    await writePolicyUrlCache(URL_CACHE);
    await vi.waitFor(() => expect(seen.at(-1)?.settings.defaultModel).toBe('plamo-2.1-prime'));
    stop();
  });

  it('does not resolve everything again when the background records the last good policy', async () => {
    await fakeBrowser.storage.managed.set(MANAGED);
    const effective = await loadEffectiveSettings();
    const { seen, stop } = watch();
    await rememberLastGood(effective);
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();
    expect(seen).toEqual([]);
  });

  it('ignores unrelated stored data and stops after the page closes', async () => {
    const { seen, stop } = watch();
    await fakeBrowser.storage.local.set({ lastOpenedConversation: 'c-20250901' });
    await fakeBrowser.storage.session.set({ settings: USER });
    await fakeBrowser.storage.sync.set({ settings: USER });
    stop();
    await saveUserSettings(USER);
    // A watcher still listening proves the change was delivered; the stopped one must not have seen it.
    const witness = watch();
    await fakeBrowser.storage.managed.set(MANAGED);
    await vi.waitFor(() => expect(witness.seen.at(-1)?.settings.pii.mode).toBe('redact'));
    witness.stop();
    expect(seen).toEqual([]);
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';
import {
  type LoadedSettings,
  loadSettings,
  parseStoredSettings,
  saveSettings,
  watchSettings,
} from '../../utils/settings/store';
import {
  availableModels,
  defaultModelId,
  gatewayTargetFor,
  isGatewayConfigured,
} from '../../utils/settings/target';

/** What a city hall's IT section typically hands out: one LiteLLM gateway, two models. */
const CITY_HALL_SETTINGS: Settings = {
  gateway: {
    baseUrl: 'https://ai-gateway.city.example.lg.jp/v1',
    apiFormat: 'openai',
    auth: { header: 'x-litellm-api-key', scheme: 'Bearer', source: 'user' },
    headers: { 'x-department': '市民課' },
  },
  apiKey: 'sk-shiminka-2025-0001',
  models: [
    { id: 'gpt-4.1-mini', label: '標準（速い）', purpose: '要約・翻訳' },
    {
      id: 'claude-sonnet-4',
      label: 'Claude（文書作成）',
      apiFormat: 'anthropic',
      baseUrl: 'https://ai-gateway.city.example.lg.jp/anthropic',
    },
  ],
  defaultModel: 'gpt-4.1-mini',
  uiLanguage: 'ja',
};

beforeEach(() => {
  fakeBrowser.reset();
});

describe('reading stored settings', () => {
  it('keeps every valid setting as it was saved', () => {
    expect(parseStoredSettings(structuredClone(CITY_HALL_SETTINGS))).toEqual({
      settings: CITY_HALL_SETTINGS,
      resetKeys: [],
    });
  });

  it('resets only a damaged setting to its default and keeps the gateway, key and models', () => {
    const damaged = { ...structuredClone(CITY_HALL_SETTINGS), uiLanguage: 'fr', models: 'gpt-4.1-mini' };
    const { settings, resetKeys } = parseStoredSettings(damaged);

    expect([...resetKeys].sort()).toEqual(['models', 'uiLanguage']);
    expect(settings.uiLanguage).toBe(DEFAULT_SETTINGS.uiLanguage);
    expect(settings.models).toEqual(DEFAULT_SETTINGS.models);
    expect(settings.gateway).toEqual(CITY_HALL_SETTINGS.gateway);
    expect(settings.apiKey).toBe(CITY_HALL_SETTINGS.apiKey);
    expect(settings.defaultModel).toBe('gpt-4.1-mini');
  });

  it('resets a gateway whose auth block is broken, without losing the API key', () => {
    const damaged = {
      ...structuredClone(CITY_HALL_SETTINGS),
      gateway: { ...CITY_HALL_SETTINGS.gateway, auth: { source: 'sso' } },
    };
    const { settings, resetKeys } = parseStoredSettings(damaged);
    expect(resetKeys).toEqual(['gateway']);
    expect(settings.gateway).toEqual(DEFAULT_SETTINGS.gateway);
    expect(settings.apiKey).toBe('sk-shiminka-2025-0001');
  });

  it('fills settings missing from an older save with defaults, without reporting them as damaged', () => {
    const { settings, resetKeys } = parseStoredSettings({ apiKey: 'sk-old-install' });
    expect(resetKeys).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, apiKey: 'sk-old-install' });
  });

  it.each([undefined, null, 'settings', 42, true])(
    'gives the defaults when the stored value is %s',
    (raw) => {
      expect(parseStoredSettings(raw)).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [] });
    },
  );
});

describe('saving and loading settings in browser storage', () => {
  it('loads exactly what was saved', async () => {
    await saveSettings(CITY_HALL_SETTINGS);
    expect(await loadSettings()).toEqual({ settings: CITY_HALL_SETTINGS, resetKeys: [] });
  });

  it('loads the defaults on a fresh install', async () => {
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [] });
  });

  it('refuses to save settings that would not load again', async () => {
    const invalid = { ...CITY_HALL_SETTINGS, models: [{ id: '' }] };
    await expect(saveSettings(invalid)).rejects.toThrow();
    expect(await loadSettings()).toEqual({ settings: DEFAULT_SETTINGS, resetKeys: [] });
  });

  it('tells an open side panel about settings saved on the options page', async () => {
    const seen: LoadedSettings[] = [];
    const stop = watchSettings((loaded) => seen.push(loaded));

    await saveSettings(CITY_HALL_SETTINGS);
    expect(seen).toEqual([{ settings: CITY_HALL_SETTINGS, resetKeys: [] }]);

    await saveSettings({ ...CITY_HALL_SETTINGS, defaultModel: 'claude-sonnet-4' });
    expect(seen.at(-1)?.settings.defaultModel).toBe('claude-sonnet-4');

    stop();
    await saveSettings({ ...CITY_HALL_SETTINGS, uiLanguage: 'en' });
    expect(seen).toHaveLength(2);
  });

  it('ignores changes to other stored keys and to session storage', async () => {
    const seen: LoadedSettings[] = [];
    const stop = watchSettings((loaded) => seen.push(loaded));
    await fakeBrowser.storage.local.set({ lastOpenedConversation: 'c-20250601' });
    await fakeBrowser.storage.session.set({ settings: CITY_HALL_SETTINGS });
    expect(seen).toEqual([]);
    stop();
  });
});

describe('which gateway a model is reached through', () => {
  it('sends an ordinary model to the organisation gateway with its key, header and extra headers', () => {
    expect(gatewayTargetFor(CITY_HALL_SETTINGS, 'gpt-4.1-mini')).toEqual({
      baseUrl: 'https://ai-gateway.city.example.lg.jp/v1',
      apiFormat: 'openai',
      apiKey: 'sk-shiminka-2025-0001',
      authHeader: 'x-litellm-api-key',
      authScheme: 'Bearer',
      headers: { 'x-department': '市民課' },
    });
  });

  it('sends a model with its own endpoint there, in its own API format', () => {
    const target = gatewayTargetFor(CITY_HALL_SETTINGS, 'claude-sonnet-4');
    expect(target.baseUrl).toBe('https://ai-gateway.city.example.lg.jp/anthropic');
    expect(target.apiFormat).toBe('anthropic');
    expect(target.apiKey).toBe('sk-shiminka-2025-0001');
  });

  it('uses the gateway for a model typed in by hand that is not in the list', () => {
    const target = gatewayTargetFor(CITY_HALL_SETTINGS, 'gpt-4.1');
    expect(target.baseUrl).toBe('https://ai-gateway.city.example.lg.jp/v1');
    expect(target.apiFormat).toBe('openai');
  });

  it('sends no API key when the gateway authenticates by network or SSO', () => {
    const settings: Settings = {
      ...CITY_HALL_SETTINGS,
      gateway: { ...CITY_HALL_SETTINGS.gateway, auth: { header: '', scheme: '', source: 'none' } },
    };
    expect(gatewayTargetFor(settings, 'gpt-4.1-mini').apiKey).toBe('');
    expect(gatewayTargetFor(settings, 'claude-sonnet-4').apiKey).toBe('');
  });
});

describe('models offered in the picker', () => {
  it('offers the listed models in their order when the default is one of them', () => {
    expect(availableModels(CITY_HALL_SETTINGS).map((model) => model.id)).toEqual([
      'gpt-4.1-mini',
      'claude-sonnet-4',
    ]);
  });

  it('puts a default model that is not listed first, so it can still be chosen', () => {
    const settings = { ...CITY_HALL_SETTINGS, defaultModel: 'gpt-4.1' };
    expect(availableModels(settings).map((model) => model.id)).toEqual([
      'gpt-4.1',
      'gpt-4.1-mini',
      'claude-sonnet-4',
    ]);
  });

  it('offers just the default model when none are listed', () => {
    const settings = { ...CITY_HALL_SETTINGS, models: [], defaultModel: 'llama3.1:8b' };
    expect(availableModels(settings)).toEqual([{ id: 'llama3.1:8b' }]);
  });

  it('falls back to the first listed model when no default is set', () => {
    expect(defaultModelId({ ...CITY_HALL_SETTINGS, defaultModel: '' })).toBe('gpt-4.1-mini');
  });
});

describe('whether the gateway is set up enough to chat', () => {
  it('is ready with a gateway address and a model', () => {
    expect(isGatewayConfigured(CITY_HALL_SETTINGS)).toBe(true);
  });

  it('is ready with only listed models and no explicit default', () => {
    expect(isGatewayConfigured({ ...CITY_HALL_SETTINGS, defaultModel: '' })).toBe(true);
  });

  it('is not ready on a fresh install', () => {
    expect(isGatewayConfigured(DEFAULT_SETTINGS)).toBe(false);
  });

  it('is not ready when the address is only spaces', () => {
    const settings = { ...CITY_HALL_SETTINGS, gateway: { ...CITY_HALL_SETTINGS.gateway, baseUrl: '   ' } };
    expect(isGatewayConfigured(settings)).toBe(false);
  });

  it('is not ready without any model', () => {
    expect(isGatewayConfigured({ ...CITY_HALL_SETTINGS, models: [], defaultModel: '' })).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';
import {
  availableModels,
  defaultModelId,
  gatewayTargetFor,
  isGatewayConfigured,
  requestUser,
} from '../../utils/settings/target';

/** What a city hall's IT section typically sets up: one LiteLLM gateway, a Claude endpoint behind it. */
const CITY_HALL: Settings = {
  ...structuredClone(DEFAULT_SETTINGS),
  gateway: {
    baseUrl: 'https://ai-gw.example.lg.jp/v1',
    apiFormat: 'openai',
    auth: {
      header: 'Authorization',
      scheme: 'Bearer',
      source: 'user',
      value: 'sk-org-shiyakusho-0001',
      oidc: DEFAULT_SETTINGS.gateway.auth.oidc,
    },
    headers: { 'x-org-id': 'yaita', 'x-department': '市民課' },
    userAttribution: { header: 'x-litellm-end-user-id', bodyUser: true },
    firstByteTimeoutSeconds: 60,
    stallTimeoutSeconds: 60,
  },
  apiKey: 'sk-shiminka-tanaka-2025',
  userId: 'tanaka.hanako@city.yaita.lg.jp',
  models: [
    { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
    {
      id: 'claude-sonnet-4-5',
      label: 'Claude',
      purpose: '文書作成・校正向き',
      apiFormat: 'anthropic',
      baseUrl: 'https://ai-gw.example.lg.jp/anthropic',
    },
    { id: 'plamo-2.1-prime', label: 'PLaMo（国産）', purpose: '日本語の公用文' },
  ],
  defaultModel: 'gpt-4.1-mini',
};

function withGateway(change: (gateway: Settings['gateway']) => void, settings = CITY_HALL): Settings {
  const copy = structuredClone(settings);
  change(copy.gateway);
  return copy;
}

describe('which gateway a model is reached through', () => {
  it('sends an ordinary model to the organisation gateway with the auth header, scheme and extra headers', () => {
    expect(gatewayTargetFor(CITY_HALL, 'gpt-4.1-mini')).toEqual({
      baseUrl: 'https://ai-gw.example.lg.jp/v1',
      apiFormat: 'openai',
      apiKey: 'sk-shiminka-tanaka-2025',
      authHeader: 'Authorization',
      authScheme: 'Bearer',
      headers: {
        'x-org-id': 'yaita',
        'x-department': '市民課',
        'x-litellm-end-user-id': 'tanaka.hanako@city.yaita.lg.jp',
      },
    });
  });

  it("sends a model with its own endpoint there, in that model's API format", () => {
    const target = gatewayTargetFor(CITY_HALL, 'claude-sonnet-4-5');
    expect(target.baseUrl).toBe('https://ai-gw.example.lg.jp/anthropic');
    expect(target.apiFormat).toBe('anthropic');
    expect(target.apiKey).toBe('sk-shiminka-tanaka-2025');
  });

  it('uses the gateway address and format for a model the list does not know', () => {
    const target = gatewayTargetFor(CITY_HALL, 'gpt-4.1');
    expect(target.baseUrl).toBe('https://ai-gw.example.lg.jp/v1');
    expect(target.apiFormat).toBe('openai');
  });

  it('keeps the gateway format for a listed model that only overrides the address', () => {
    const settings = structuredClone(CITY_HALL);
    settings.models = [{ id: 'plamo-2.1-prime', baseUrl: 'https://plamo-gw.example.lg.jp/v1' }];
    settings.gateway.apiFormat = 'anthropic';
    const target = gatewayTargetFor(settings, 'plamo-2.1-prime');
    expect(target.baseUrl).toBe('https://plamo-gw.example.lg.jp/v1');
    expect(target.apiFormat).toBe('anthropic');
  });
});

describe('which API key is sent', () => {
  it('sends the key the member of staff pasted in when the key comes from the user', () => {
    expect(gatewayTargetFor(CITY_HALL, 'gpt-4.1-mini').apiKey).toBe('sk-shiminka-tanaka-2025');
  });

  it("sends the organisation's key from the policy, never the user's own, when the key comes from the policy", () => {
    const settings = withGateway((gateway) => {
      gateway.auth.source = 'policy';
    });
    expect(gatewayTargetFor(settings, 'gpt-4.1-mini').apiKey).toBe('sk-org-shiyakusho-0001');
    expect(gatewayTargetFor(settings, 'claude-sonnet-4-5').apiKey).toBe('sk-org-shiyakusho-0001');
  });

  it('sends no key at all when the gateway authenticates by network or SSO', () => {
    const settings = withGateway((gateway) => {
      gateway.auth.source = 'none';
    });
    expect(gatewayTargetFor(settings, 'gpt-4.1-mini').apiKey).toBe('');
    expect(gatewayTargetFor(settings, 'claude-sonnet-4-5').apiKey).toBe('');
  });
});

describe('telling the gateway who asked, for its audit log', () => {
  it('adds the attribution header with the user id next to the extra headers', () => {
    const { headers } = gatewayTargetFor(CITY_HALL, 'gpt-4.1-mini');
    expect(headers['x-litellm-end-user-id']).toBe('tanaka.hanako@city.yaita.lg.jp');
    expect(headers['x-org-id']).toBe('yaita');
  });

  it('adds no attribution header while the user id is empty', () => {
    const { headers } = gatewayTargetFor({ ...CITY_HALL, userId: '' }, 'gpt-4.1-mini');
    expect(headers).toEqual({ 'x-org-id': 'yaita', 'x-department': '市民課' });
  });

  it('adds no attribution header when the organisation names none', () => {
    const settings = withGateway((gateway) => {
      gateway.userAttribution.header = '';
    });
    expect(gatewayTargetFor(settings, 'gpt-4.1-mini').headers).toEqual({
      'x-org-id': 'yaita',
      'x-department': '市民課',
    });
  });

  it('does not change the configured extra headers when adding the attribution header', () => {
    gatewayTargetFor(CITY_HALL, 'gpt-4.1-mini');
    expect(CITY_HALL.gateway.headers).toEqual({ 'x-org-id': 'yaita', 'x-department': '市民課' });
  });

  it('puts the user id in the request body only when the organisation asks for it', () => {
    expect(requestUser(CITY_HALL)).toBe('tanaka.hanako@city.yaita.lg.jp');
    const headerOnly = withGateway((gateway) => {
      gateway.userAttribution.bodyUser = false;
    });
    expect(requestUser(headerOnly)).toBeUndefined();
  });

  it('puts no empty user in the request body', () => {
    expect(requestUser({ ...CITY_HALL, userId: '' })).toBeUndefined();
  });
});

describe('models offered in the picker', () => {
  it('offers the listed models in their order when the default is one of them', () => {
    expect(availableModels(CITY_HALL).map((model) => model.id)).toEqual([
      'gpt-4.1-mini',
      'claude-sonnet-4-5',
      'plamo-2.1-prime',
    ]);
  });

  it("puts the user's own default model first when it is not listed, so it can still be chosen", () => {
    const settings = { ...CITY_HALL, defaultModel: 'gpt-4.1' };
    expect(availableModels(settings).map((model) => model.id)).toEqual([
      'gpt-4.1',
      'gpt-4.1-mini',
      'claude-sonnet-4-5',
      'plamo-2.1-prime',
    ]);
  });

  it('offers only the models the administrator listed, even when the default is not among them', () => {
    const settings = { ...CITY_HALL, defaultModel: 'gpt-4.1' };
    expect(availableModels(settings, true).map((model) => model.id)).toEqual([
      'gpt-4.1-mini',
      'claude-sonnet-4-5',
      'plamo-2.1-prime',
    ]);
  });

  it('keeps labels and purposes for the picker', () => {
    expect(availableModels(CITY_HALL, true)[2]).toEqual({
      id: 'plamo-2.1-prime',
      label: 'PLaMo（国産）',
      purpose: '日本語の公用文',
    });
  });

  it('offers just the default model when none are listed', () => {
    const settings = { ...CITY_HALL, models: [], defaultModel: 'llama3.1:8b' };
    expect(availableModels(settings)).toEqual([{ id: 'llama3.1:8b' }]);
  });

  it('falls back to the first listed model when no default is set', () => {
    expect(defaultModelId({ ...CITY_HALL, defaultModel: '' })).toBe('gpt-4.1-mini');
  });
});

describe('whether the gateway is set up enough to chat', () => {
  it('is ready with a gateway address and a model', () => {
    expect(isGatewayConfigured(CITY_HALL)).toBe(true);
  });

  it('is ready with only listed models and no explicit default', () => {
    expect(isGatewayConfigured({ ...CITY_HALL, defaultModel: '' })).toBe(true);
  });

  it('is not ready on a fresh install', () => {
    expect(isGatewayConfigured(DEFAULT_SETTINGS)).toBe(false);
  });

  it('is not ready when the address is only spaces', () => {
    const settings = withGateway((gateway) => {
      gateway.baseUrl = '   ';
    });
    expect(isGatewayConfigured(settings)).toBe(false);
  });

  it('is not ready without any model', () => {
    expect(isGatewayConfigured({ ...CITY_HALL, models: [], defaultModel: '' })).toBe(false);
  });
});

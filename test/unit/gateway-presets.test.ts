import { describe, expect, it } from 'vitest';
import { applyGatewayPreset, GATEWAY_PRESETS, presetPlaceholders } from '../../utils/gateway/presets';
import { DEFAULT_SETTINGS, type GatewaySettings, settingsSchema } from '../../utils/settings/schema';

const gatewayShape = settingsSchema.shape.gateway.shape;

function examples(preset: (typeof GATEWAY_PRESETS)[number]): Record<string, string> {
  return Object.fromEntries(Object.entries(preset.placeholders).map(([name, doc]) => [name, doc.example]));
}

function staffGateway(): GatewaySettings {
  const gateway = structuredClone(DEFAULT_SETTINGS.gateway);
  gateway.auth = {
    header: 'x-old',
    scheme: 'Token',
    source: 'policy',
    value: 'sk-yaita-org-0001',
    oidc: DEFAULT_SETTINGS.gateway.auth.oidc,
  };
  gateway.headers = { 'x-portkey-provider': 'openai' };
  gateway.firstByteTimeoutSeconds = 90;
  return gateway;
}

describe('gateway presets', () => {
  it('offers LiteLLM, Portkey, Azure OpenAI, API Management, Cloudflare and OpenRouter, each once', () => {
    const ids = GATEWAY_PRESETS.map((preset) => preset.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      'litellm',
      'portkey',
      'azure-openai',
      'azure-api-management',
      'cloudflare-ai-gateway',
      'openrouter',
    ]);
  });

  describe.each(GATEWAY_PRESETS.map((preset) => [preset.name, preset] as const))('%s', (_, preset) => {
    it('holds only values the settings schema accepts for each gateway field', () => {
      const { gateway } = preset;
      expect(gatewayShape.apiFormat.safeParse(gateway.apiFormat).success).toBe(true);
      expect(gatewayShape.auth.shape.header.safeParse(gateway.auth.header).success).toBe(true);
      expect(gatewayShape.auth.shape.scheme.safeParse(gateway.auth.scheme).success).toBe(true);
      expect(gatewayShape.headers.safeParse(gateway.headers).success).toBe(true);
      expect(gatewayShape.userAttribution.safeParse(gateway.userAttribution).success).toBe(true);
      const filled = applyGatewayPreset(staffGateway(), preset, examples(preset));
      if (!filled.ok) throw new Error(`missing ${filled.missing.join(', ')}`);
      expect(gatewayShape.baseUrl.safeParse(filled.gateway.baseUrl).success).toBe(true);
    });

    it('fills in to a complete, valid settings object an administrator could save', () => {
      const filled = applyGatewayPreset(DEFAULT_SETTINGS.gateway, preset, examples(preset));
      if (!filled.ok) throw new Error(`missing ${filled.missing.join(', ')}`);
      expect(settingsSchema.shape.gateway.parse(filled.gateway)).toEqual(filled.gateway);
      expect(settingsSchema.safeParse({ ...DEFAULT_SETTINGS, gateway: filled.gateway }).success).toBe(true);
      for (const text of [filled.gateway.baseUrl, ...Object.values(filled.gateway.headers)]) {
        expect(text).not.toMatch(/[{}]/);
      }
    });

    it('documents every placeholder it uses, with an example, and uses every one it documents', () => {
      expect(presetPlaceholders(preset).sort()).toEqual(Object.keys(preset.placeholders).sort());
      for (const doc of Object.values(preset.placeholders)) {
        expect(doc.ja && doc.en && doc.example).toBeTruthy();
      }
    });

    it('explains itself in Japanese and English and says where its facts come from', () => {
      expect(preset.note.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(preset.note.en).toMatch(/^[\x20-\x7e…]+$/);
      expect(preset.docs.length).toBeGreaterThan(0);
      for (const url of preset.docs) expect(new URL(url).protocol).toBe('https:');
    });
  });

  it('keeps where the key comes from and the timeouts, and replaces what belonged to the previous gateway', () => {
    const azure = GATEWAY_PRESETS.find((preset) => preset.id === 'azure-openai');
    if (!azure) throw new Error('no Azure OpenAI preset');
    const applied = applyGatewayPreset(staffGateway(), azure, { resource: ' yaita-aoai ' });
    expect(applied).toEqual({
      ok: true,
      kept: [],
      gateway: {
        baseUrl: 'https://yaita-aoai.openai.azure.com/openai/v1',
        apiFormat: 'openai',
        auth: {
          header: 'api-key',
          scheme: '',
          source: 'policy',
          value: 'sk-yaita-org-0001',
          oidc: DEFAULT_SETTINGS.gateway.auth.oidc,
        },
        headers: {},
        userAttribution: { header: '', bodyUser: false },
        firstByteTimeoutSeconds: 90,
        stallTimeoutSeconds: 60,
      },
    });
  });

  it('names the placeholders still to be filled instead of saving a URL with braces in it', () => {
    const apim = GATEWAY_PRESETS.find((preset) => preset.id === 'azure-api-management');
    if (!apim) throw new Error('no API Management preset');
    expect(applyGatewayPreset(staffGateway(), apim, { apimName: 'yaita-apim', apiPath: '  ' })).toEqual({
      ok: false,
      missing: ['apiPath'],
    });
  });

  it('leaves the fields an administrator locked as they are, and asks only for placeholders it uses', () => {
    const azure = GATEWAY_PRESETS.find((preset) => preset.id === 'azure-openai');
    if (!azure) throw new Error('no Azure OpenAI preset');
    const gateway = staffGateway();
    gateway.baseUrl = 'https://ai-gw.example.lg.jp/v1';
    const locked = new Set(['gateway.baseUrl', 'gateway.headers']);
    const applied = applyGatewayPreset(gateway, azure, {}, (path) => locked.has(path));
    expect(applied).toEqual({
      ok: true,
      kept: ['gateway.baseUrl', 'gateway.headers'],
      gateway: {
        baseUrl: 'https://ai-gw.example.lg.jp/v1',
        apiFormat: 'openai',
        auth: {
          header: 'api-key',
          scheme: '',
          source: 'policy',
          value: 'sk-yaita-org-0001',
          oidc: DEFAULT_SETTINGS.gateway.auth.oidc,
        },
        headers: { 'x-portkey-provider': 'openai' },
        userAttribution: { header: '', bodyUser: false },
        // Timeouts are the organisation's, never the preset's.
        firstByteTimeoutSeconds: gateway.firstByteTimeoutSeconds,
        stallTimeoutSeconds: gateway.stallTimeoutSeconds,
      },
    });
  });

  it('fills the LiteLLM attribution header and OpenRouter body user from the data, not from code', () => {
    const byId = (id: string) => {
      const preset = GATEWAY_PRESETS.find((entry) => entry.id === id);
      if (!preset) throw new Error(`no ${id}`);
      return preset;
    };
    const litellm = applyGatewayPreset(staffGateway(), byId('litellm'), { host: 'litellm.yaita.lg.jp:4000' });
    expect(litellm.ok && litellm.gateway).toMatchObject({
      baseUrl: 'https://litellm.yaita.lg.jp:4000/v1',
      auth: { header: 'Authorization', scheme: 'Bearer' },
      userAttribution: { header: 'x-litellm-end-user-id', bodyUser: false },
    });
    const openrouter = applyGatewayPreset(staffGateway(), byId('openrouter'), {}, (path) =>
      path.startsWith('gateway.auth'),
    );
    expect(openrouter.ok && openrouter.gateway).toMatchObject({
      baseUrl: 'https://openrouter.ai/api/v1',
      auth: { header: 'x-old', scheme: 'Token' },
      userAttribution: { header: '', bodyUser: true },
    });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { streamReply } from '../../utils/conversation/stream-reply';
import { DEFAULT_SETTINGS, type Settings } from '../../utils/settings/schema';
import { gatewayTargetFor } from '../../utils/settings/target';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';

const QUESTION = '住民税の第1期納付期限はいつですか。';

let gateway: GatewayServer;

beforeAll(async () => {
  gateway = await startGatewayServer();
});

afterAll(async () => {
  await gateway.close();
});

beforeEach(() => {
  gateway.requests.length = 0;
  gateway.setReply((body) => `${body.model} の回答: 第1期の納付期限は6月30日です。`);
});

/** One gateway profile with an OpenAI-format model and an Anthropic-format model behind their own URLs. */
function cityHallSettings(): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.gateway.baseUrl = gateway.url;
  settings.gateway.headers = { 'x-org-id': 'yaita', 'x-portkey-provider': 'openai' };
  settings.apiKey = 'sk-yaita-0001';
  settings.models = [
    { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
    {
      id: 'claude-sonnet-4-5',
      label: 'Claude',
      purpose: '文書作成・校正向き',
      apiFormat: 'anthropic',
      baseUrl: gateway.url,
      headers: { 'x-portkey-provider': 'anthropic', 'x-cost-center': 'shiminka' },
    },
  ];
  settings.defaultModel = 'gpt-4.1-mini';
  return settings;
}

async function ask(settings: Settings, model: string) {
  return streamReply(
    gatewayTargetFor(settings, model),
    { model, system: '', messages: [{ role: 'user', content: QUESTION }] },
    new AbortController().signal,
    () => {},
  );
}

describe('a model with headers of its own', () => {
  it('sends its headers over the gateway headers, in the Anthropic format', async () => {
    const outcome = await ask(cityHallSettings(), 'claude-sonnet-4-5');
    expect(outcome.status).toBe('complete');
    const request = gateway.requests.at(-1);
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['x-portkey-provider']).toBe('anthropic');
    expect(request?.headers['x-cost-center']).toBe('shiminka');
    expect(request?.headers['x-org-id']).toBe('yaita');
    expect(request?.headers['x-api-key']).toBe('sk-yaita-0001');
  });

  it('sends its headers in the OpenAI format too, and other models do not get them', async () => {
    const settings = cityHallSettings();
    settings.models[0] = {
      ...settings.models[0],
      id: 'gpt-4.1-mini',
      headers: { 'x-cost-center': 'kikaku' },
    };
    await ask(settings, 'gpt-4.1-mini');
    const openai = gateway.requests.at(-1);
    expect(openai?.path).toBe('/v1/chat/completions');
    expect(openai?.headers['x-cost-center']).toBe('kikaku');
    expect(openai?.headers['x-portkey-provider']).toBe('openai');

    settings.models[0] = { id: 'gpt-4.1-mini' };
    await ask(settings, 'gpt-4.1-mini');
    expect(gateway.requests.at(-1)?.headers['x-cost-center']).toBeUndefined();
  });

  it('still lets the user attribution header carry the user id', async () => {
    const settings = cityHallSettings();
    settings.userId = 'tanaka@city.yaita.lg.jp';
    settings.gateway.userAttribution.header = 'x-litellm-end-user-id';
    await ask(settings, 'claude-sonnet-4-5');
    expect(gateway.requests.at(-1)?.headers['x-litellm-end-user-id']).toBe('tanaka@city.yaita.lg.jp');
  });
});

describe('models in two API formats side by side', () => {
  it('answers the same question from both at once, each in its own format, with its token usage', async () => {
    const settings = cityHallSettings();
    const [openai, anthropic] = await Promise.all([
      ask(settings, 'gpt-4.1-mini'),
      ask(settings, 'claude-sonnet-4-5'),
    ]);
    expect(openai.text).toBe('gpt-4.1-mini の回答: 第1期の納付期限は6月30日です。');
    expect(anthropic.text).toBe('claude-sonnet-4-5 の回答: 第1期の納付期限は6月30日です。');
    const inputTokens = Array.from(QUESTION).length;
    expect(openai.usage).toEqual({ inputTokens, outputTokens: Array.from(openai.text).length });
    expect(anthropic.usage).toEqual({ inputTokens, outputTokens: Array.from(anthropic.text).length });
    expect(gateway.requests.map((request) => `${request.path} ${request.body?.model}`).sort()).toEqual([
      '/v1/chat/completions gpt-4.1-mini',
      '/v1/messages claude-sonnet-4-5',
    ]);
  });

  it('reports no usage for a gateway that sends none', async () => {
    gateway.failNext({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: 'data: {"id":"c1","choices":[{"index":0,"delta":{"content":"6月30日です。"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n',
    });
    const outcome = await ask(cityHallSettings(), 'gpt-4.1-mini');
    expect(outcome).toEqual({ text: '6月30日です。', status: 'complete' });
  });
});

describe('the key goes only to the origin it was issued for', () => {
  it('sends the key to a model behind another path of the same gateway', async () => {
    const settings = cityHallSettings();
    settings.models[1] = {
      ...settings.models[1],
      id: 'claude-sonnet-4-5',
      baseUrl: `${gateway.url}/anthropic`,
    };
    expect(gatewayTargetFor(settings, 'claude-sonnet-4-5').apiKey).toBe('sk-yaita-0001');
  });

  it('sends no key to a model on another host, for a user key and for the policy key', async () => {
    const settings = cityHallSettings();
    const elsewhere = gateway.url.replace('127.0.0.1', 'localhost');
    settings.models[1] = { ...settings.models[1], id: 'claude-sonnet-4-5', baseUrl: elsewhere };
    const outcome = await ask(settings, 'claude-sonnet-4-5');
    expect(outcome.status).toBe('complete');
    const request = gateway.requests.at(-1);
    expect(request?.headers['x-api-key']).toBeUndefined();
    expect(JSON.stringify(request?.headers)).not.toContain('sk-yaita-0001');

    settings.gateway.auth = { ...settings.gateway.auth, source: 'policy', value: 'org-key-yaita-2026' };
    expect(gatewayTargetFor(settings, 'claude-sonnet-4-5').apiKey).toBe('');
    expect(gatewayTargetFor(settings, 'gpt-4.1-mini').apiKey).toBe('org-key-yaita-2026');
  });
});

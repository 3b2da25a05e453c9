import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listGatewayModels } from '../../utils/gateway/list-models';
import type { GatewayTarget } from '../../utils/gateway/types';
import { addModelIds, modelsFromLines, modelsToLines } from '../../utils/settings/model-lines';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';

describe('the model list as lines in the options page', () => {
  it('reads "id | label | purpose" lines, skipping blanks and repeats', () => {
    const lines =
      'gpt-4.1-mini | ChatGPT | 要約・翻訳向き\n\nplamo-2.1-prime | PLaMo（国産） | 日本語の公用文\nllama-3\ngpt-4.1-mini';
    expect(modelsFromLines(lines)).toEqual([
      { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
      { id: 'plamo-2.1-prime', label: 'PLaMo（国産）', purpose: '日本語の公用文' },
      { id: 'llama-3' },
    ]);
  });

  it('keeps a model’s format, URL and headers, which the text does not show', () => {
    const previous = [
      {
        id: 'claude-sonnet-4-5',
        label: 'Claude',
        apiFormat: 'anthropic' as const,
        headers: { 'x-portkey-provider': 'anthropic' },
      },
    ];
    expect(modelsFromLines('claude-sonnet-4-5 | Claude（文書作成）', previous)).toEqual([
      {
        id: 'claude-sonnet-4-5',
        label: 'Claude（文書作成）',
        apiFormat: 'anthropic',
        headers: { 'x-portkey-provider': 'anthropic' },
      },
    ]);
  });

  it('writes the lines back the same way', () => {
    const models = [
      { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
      { id: 'llama-3' },
      { id: 'plamo-2.1-prime', label: 'PLaMo（国産）' },
    ];
    expect(modelsFromLines(modelsToLines(models))).toEqual(models);
  });

  it('adds fetched ids that are not listed yet at the end', () => {
    expect(addModelIds('gpt-4.1-mini | ChatGPT\n', ['gpt-4.1-mini', 'claude-sonnet-4-5'])).toEqual({
      lines: 'gpt-4.1-mini | ChatGPT\nclaude-sonnet-4-5',
      added: 1,
    });
    expect(addModelIds('', ['gpt-4.1-mini'])).toEqual({ lines: 'gpt-4.1-mini', added: 1 });
  });
});

describe('fetching the models a gateway serves (GET /models)', () => {
  let gateway: GatewayServer;
  const target = (): GatewayTarget => ({
    baseUrl: gateway.url,
    apiFormat: 'openai',
    apiKey: 'sk-yaita-0001',
    authHeader: '',
    authScheme: '',
    headers: { 'x-org-id': 'yaita' },
  });

  beforeAll(async () => {
    gateway = await startGatewayServer();
  });
  afterAll(async () => {
    await gateway.close();
  });
  beforeEach(() => {
    gateway.requests.length = 0;
    gateway.knownModels = ['gpt-4.1-mini', 'plamo-2.1-prime'];
  });

  it('lists the ids, sending the key and the extra headers as a chat would', async () => {
    const result = await listGatewayModels(target(), new AbortController().signal);
    expect(result).toEqual({ ok: true, ids: ['gpt-4.1-mini', 'plamo-2.1-prime'] });
    const request = gateway.requests.at(-1);
    expect(request?.method).toBe('GET');
    expect(request?.path).toBe('/v1/models');
    expect(request?.headers.authorization).toBe('Bearer sk-yaita-0001');
    expect(request?.headers['x-org-id']).toBe('yaita');
  });

  it('says the key was refused on a 401', async () => {
    gateway.failNext({ status: 401 });
    const result = await listGatewayModels(target(), new AbortController().signal);
    expect(result.ok === false && result.error.kind).toBe('auth');
  });

  it('reports an answer that is not a model list', async () => {
    gateway.failNext({ status: 200, body: { object: 'list' } });
    const result = await listGatewayModels(target(), new AbortController().signal);
    expect(result.ok === false && result.error.kind).toBe('bad-response');
  });
});

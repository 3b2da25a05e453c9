import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayError } from '../../utils/gateway/errors';
import { checkConnection, streamChat } from '../../utils/gateway/index';
import type { Delta, GatewayRequest, GatewayTarget } from '../../utils/gateway/types';
import type { ApiFormat } from '../../utils/settings/schema';
import { DEFAULT_GATEWAY_REPLY, type GatewayServer, startGatewayServer } from '../support/gateway-server';

const REQUEST: Omit<GatewayRequest, 'model'> = {
  system: 'あなたは矢板市役所の職員を手伝うアシスタントです。丁寧な日本語で答えてください。',
  messages: [
    { role: 'user', content: '住民票の写しの交付について、窓口での案内文を作ってください。' },
    { role: 'assistant', content: '承知しました。対象者と必要な書類を教えてください。' },
    { role: 'user', content: '本人が来庁する場合で、手数料は1通300円です。' },
  ],
};

const FORMATS = [
  {
    format: 'openai',
    model: 'gpt-4.1-mini',
    path: '/v1/chat/completions',
    key: 'sk-yaita-0001',
    usualAuth: { header: 'authorization', value: 'Bearer sk-yaita-0001' },
  },
  {
    format: 'anthropic',
    model: 'claude-sonnet-4-6',
    path: '/v1/messages',
    key: 'sk-ant-yaita-0001',
    usualAuth: { header: 'x-api-key', value: 'sk-ant-yaita-0001' },
  },
] as const satisfies readonly {
  format: ApiFormat;
  model: string;
  path: string;
  key: string;
  usualAuth: { header: string; value: string };
}[];

/** Every header a gateway might read a credential from. */
const AUTH_HEADERS = ['authorization', 'x-api-key', 'api-key', 'proxy-authorization'];

interface Received {
  text: string;
  deltas: Delta[];
  error?: GatewayError;
}

/** Reads a stream to its end the way the UI does: keeping what arrived, and the error that ended it. */
async function receive(
  stream: AsyncIterable<Delta>,
  onText?: (textSoFar: string) => void,
): Promise<Received> {
  const received: Received = { text: '', deltas: [] };
  try {
    for await (const delta of stream) {
      received.deltas.push(delta);
      if (delta.type === 'text') {
        received.text += delta.text;
        onText?.(received.text);
      }
    }
  } catch (caught) {
    if (!(caught instanceof GatewayError)) throw caught;
    received.error = caught;
  }
  return received;
}

let gateway: GatewayServer;

beforeAll(async () => {
  gateway = await startGatewayServer();
});

afterAll(async () => {
  await gateway.close();
});

beforeEach(() => {
  gateway.requests.length = 0;
  gateway.knownModels = [];
  gateway.chunkSize = 3;
  gateway.chunkDelayMs = 2;
  gateway.setReply(DEFAULT_GATEWAY_REPLY);
});

describe.each(FORMATS)('$format format', ({ format, model, path, key, usualAuth }) => {
  const target = (change: Partial<GatewayTarget> = {}): GatewayTarget => ({
    baseUrl: gateway.url,
    apiFormat: format,
    apiKey: key,
    authHeader: '',
    authScheme: '',
    headers: {},
    ...change,
  });
  const request: GatewayRequest = { model, ...REQUEST };
  const chat = (change: Partial<GatewayTarget> = {}, signal = new AbortController().signal) =>
    receive(streamChat(target(change), request, signal));
  const authHeadersSent = () =>
    AUTH_HEADERS.filter((name) => gateway.requests.at(-1)?.headers[name] !== undefined);

  it('streams the whole answer in order, piece by piece, with token usage', async () => {
    const received = await chat();
    expect(received.error).toBeUndefined();
    expect(received.text).toBe(DEFAULT_GATEWAY_REPLY);
    expect(received.deltas.filter((delta) => delta.type === 'text').length).toBeGreaterThan(10);
    const usage = received.deltas.find((delta) => delta.type === 'usage');
    expect(usage).toEqual({
      type: 'usage',
      inputTokens: expect.any(Number),
      outputTokens: Array.from(DEFAULT_GATEWAY_REPLY).length,
    });
    expect(usage?.type === 'usage' && usage.inputTokens).toBeGreaterThan(50);
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]?.path).toBe(path);
  });

  it('sends the system prompt and the whole conversation to the model', async () => {
    await chat();
    const body = gateway.requests[0]?.body;
    expect(body?.model).toBe(model);
    expect(body?.stream).toBe(true);
    const turns = body?.messages?.map(({ role, content }) => ({ role, content }));
    if (format === 'openai') {
      expect(turns).toEqual([{ role: 'system', content: REQUEST.system }, ...REQUEST.messages]);
      expect(body?.stream_options).toEqual({ include_usage: true });
    } else {
      expect(body?.system).toBe(REQUEST.system);
      expect(turns).toEqual(REQUEST.messages);
      expect(body?.max_tokens).toBe(4096);
    }
  });

  it('keeps a Japanese answer with emoji intact even when split into one-character pieces', async () => {
    gateway.chunkSize = 1;
    gateway.setReply('承知しました🙇‍♀️ 𠮷野家の件は、来週までに回答します。');
    const received = await chat();
    expect(received.text).toBe('承知しました🙇‍♀️ 𠮷野家の件は、来週までに回答します。');
    expect(
      received.deltas.every((delta) => delta.type !== 'text' || !/[\uD800-\uDBFF]$/.test(delta.text)),
    ).toBe(true);
  });

  it(`sends the key in the usual ${usualAuth.header} header and no other credential`, async () => {
    await chat();
    expect(gateway.requests[0]?.headers[usualAuth.header]).toBe(usualAuth.value);
    expect(authHeadersSent()).toEqual([usualAuth.header]);
  });

  it("sends the key in the organisation's own header, without a scheme, plus its extra headers", async () => {
    const received = await chat({
      authHeader: 'api-key',
      authScheme: '',
      headers: { 'X-Yaita-Department': 'shiminka', 'X-Request-Source': 'tatakidai' },
    });
    expect(received.error).toBeUndefined();
    const headers = gateway.requests[0]?.headers;
    expect(headers?.['api-key']).toBe(key);
    expect(headers?.['x-yaita-department']).toBe('shiminka');
    expect(headers?.['x-request-source']).toBe('tatakidai');
    expect(authHeadersSent()).toEqual(['api-key']);
  });

  it('writes a configured scheme before the key in a configured header', async () => {
    await chat({ authHeader: 'Authorization', authScheme: 'Token' });
    expect(gateway.requests[0]?.headers.authorization).toBe(`Token ${key}`);
    expect(authHeadersSent()).toEqual(['authorization']);
  });

  it('sends no credential at all when the gateway needs no key', async () => {
    const received = await chat({ apiKey: '' });
    expect(received.text).toBe(DEFAULT_GATEWAY_REPLY);
    expect(authHeadersSent()).toEqual([]);
  });

  it('says the key was refused on a 401, with the status and the gateway message', async () => {
    gateway.failNext({ status: 401, body: { error: { message: 'Invalid API key: sk-yai****0001' } } });
    const { error, text } = await chat();
    expect(text).toBe('');
    expect(error?.kind).toBe('auth');
    expect(error?.status).toBe(401);
    expect(error?.detail).toContain('401');
    expect(error?.detail).toContain('Invalid API key');
  });

  it('says access is forbidden on a 403', async () => {
    gateway.failNext({
      status: 403,
      body: { error: { message: '市民課グループにはこのモデルの利用権限がありません' } },
    });
    const { error } = await chat();
    expect(error?.kind).toBe('forbidden');
    expect(error?.detail).toContain('利用権限がありません');
  });

  it('names the model the gateway does not know', async () => {
    gateway.knownModels = ['gpt-4o-mini', 'claude-haiku-4-5'];
    const { error } = await chat();
    expect(error?.kind).toBe('model-not-found');
    expect(error?.status).toBe(404);
    expect(error?.detail).toContain(model);
  });

  it('asks to wait as long as Retry-After says, and does not retry on its own', async () => {
    gateway.failNext({ status: 429, headers: { 'Retry-After': '7' } });
    const { error } = await chat();
    expect(error?.kind).toBe('rate-limited');
    expect(error?.retryAfterMs).toBe(7000);
    expect(gateway.requests).toHaveLength(1);
  });

  it('reports a gateway failure on a 500 after a single request', async () => {
    gateway.failNext({ status: 500, body: { error: { message: 'upstream connect error' } } });
    const { error } = await chat();
    expect(error?.kind).toBe('server');
    expect(error?.detail).toContain('upstream connect error');
    expect(gateway.requests).toHaveLength(1);
  });

  it('keeps the text received before the connection dropped, then reports the network', async () => {
    gateway.dropAfterChunks(4);
    const { text, error } = await chat();
    expect(text).toBe(Array.from(DEFAULT_GATEWAY_REPLY).slice(0, 12).join(''));
    expect(error?.kind).toBe('network');
    expect(error?.detail).toMatch(/closed mid-answer/);
  });

  it('does not take a politely closed but unfinished stream for a complete answer', async () => {
    gateway.dropAfterChunks(5, 'end');
    const { text, error } = await chat();
    expect(text).toBe(Array.from(DEFAULT_GATEWAY_REPLY).slice(0, 15).join(''));
    expect(error?.kind).toBe('network');
    expect(error?.detail).toMatch(/closed mid-answer/);
  });

  it('stops when the user presses Stop mid-answer, keeping what arrived', async () => {
    gateway.chunkDelayMs = 20;
    const stop = new AbortController();
    const received = await receive(streamChat(target(), request, stop.signal), (textSoFar) => {
      if (textSoFar.length >= 6) stop.abort();
    });
    expect(received.error?.kind).toBe('aborted');
    expect(received.text.length).toBeGreaterThanOrEqual(6);
    expect(received.text.length).toBeLessThan(DEFAULT_GATEWAY_REPLY.length);
    expect(DEFAULT_GATEWAY_REPLY.startsWith(received.text)).toBe(true);
  });

  it('sends nothing when Stop was pressed before the request', async () => {
    const stop = new AbortController();
    stop.abort();
    const { error } = await chat({}, stop.signal);
    expect(error?.kind).toBe('aborted');
    expect(gateway.requests).toHaveLength(0);
  });

  it('reports an unreadable answer when an event in the stream is cut in half', async () => {
    gateway.garbageNext();
    const { text, error } = await chat();
    expect(text).toBe(Array.from(DEFAULT_GATEWAY_REPLY).slice(0, 3).join(''));
    expect(error?.kind).toBe('bad-response');
  });

  it.each(['ftp://ai-gw.example.lg.jp/v1', 'ai-gw.example.lg.jp/v1', '', 'javascript:alert(1)'])(
    'refuses the base URL "%s" without sending anything',
    async (baseUrl) => {
      const { error } = await chat({ baseUrl });
      expect(error?.kind).toBe('bad-url');
      expect(gateway.requests).toHaveLength(0);
    },
  );

  it('reports the network when nothing listens at the gateway address', async () => {
    const gone = await startGatewayServer();
    await gone.close();
    const { error } = await chat({ baseUrl: gone.url });
    expect(error?.kind).toBe('network');
    expect(error?.detail).toMatch(/ECONNREFUSED/);
  });

  it('passes the connection test with a tiny real request', async () => {
    const result = await checkConnection(target(), model, AbortSignal.timeout(10_000));
    expect(result).toEqual({ ok: true, reply: Array.from(DEFAULT_GATEWAY_REPLY).slice(0, 8).join('') });
    expect(gateway.requests).toHaveLength(1);
    expect(gateway.requests[0]?.body?.max_tokens).toBe(8);
    expect(gateway.requests[0]?.body?.messages).toEqual([{ role: 'user', content: 'ping' }]);
  });

  it('fails the connection test with the reason when the key is refused', async () => {
    gateway.failNext({ status: 401 });
    const result = await checkConnection(target(), model, AbortSignal.timeout(10_000));
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.error.kind).toBe('auth');
  });

  it('fails the connection test as a network problem when the gateway does not answer in time', async () => {
    gateway.chunkDelayMs = 200;
    const result = await checkConnection(target(), model, AbortSignal.timeout(100));
    expect(result.ok === false && result.error.kind).toBe('network');
    expect(result.ok === false && result.error.detail).toMatch(/timed out/);
  });
});

describe('what gateways say in their own ways', () => {
  const openai = (): GatewayTarget => ({
    baseUrl: gateway.url,
    apiFormat: 'openai',
    apiKey: 'sk-yaita-0001',
    authHeader: '',
    authScheme: '',
    headers: {},
  });
  const anthropic = (baseUrl: string): GatewayTarget => ({ ...openai(), apiFormat: 'anthropic', baseUrl });
  const ask = (target: GatewayTarget, model = 'gpt-4.1-mini') =>
    receive(streamChat(target, { model, ...REQUEST }, new AbortController().signal));

  it.each([
    ['with /v1', (url: string) => url],
    ['with /v1/', (url: string) => `${url}/`],
    ['without /v1', (url: string) => url.replace(/\/v1$/, '')],
  ])('reaches the Messages endpoint whether the base URL is given %s', async (_, baseUrl) => {
    const received = await ask(anthropic(baseUrl(gateway.url)), 'claude-sonnet-4-6');
    expect(received.text).toBe(DEFAULT_GATEWAY_REPLY);
    expect(gateway.requests.map((request) => request.path)).toEqual(['/v1/messages']);
  });

  it("takes LiteLLM's 400 “Invalid model name” for an unknown model", async () => {
    gateway.failNext({
      status: 400,
      body: {
        error: {
          message:
            'Invalid model name passed in model=gpt-9-turbo. Call `/v1/models` to view available models for your key.',
          type: 'invalid_request_error',
          param: 'model',
          code: '400',
        },
      },
    });
    const { error } = await ask(openai(), 'gpt-9-turbo');
    expect(error?.kind).toBe('model-not-found');
    expect(error?.detail).toContain('gpt-9-turbo');
  });

  it('calls another 400 a rejected request, with the reason', async () => {
    gateway.failNext({
      status: 400,
      body: { error: { message: "This model's maximum context length is 128000 tokens." } },
    });
    const { error } = await ask(openai());
    expect(error?.kind).toBe('rejected');
    expect(error?.detail).toContain('maximum context length');
  });

  it('reads retry-after-ms, and Retry-After given as a date', async () => {
    gateway.failNext({ status: 429, headers: { 'retry-after-ms': '1500' } });
    expect((await ask(openai())).error?.retryAfterMs).toBe(1500);

    gateway.failNext({
      status: 429,
      headers: { 'Retry-After': new Date(Date.now() + 30_000).toUTCString() },
    });
    const { error } = await ask(openai());
    expect(error?.kind).toBe('rate-limited');
    expect(error?.retryAfterMs).toBeGreaterThan(25_000);
    expect(error?.retryAfterMs).toBeLessThanOrEqual(30_000);
  });

  it('shows the text of a plain-text error page, shortened', async () => {
    gateway.failNext({
      status: 502,
      body: `<html><body><h1>502 Bad Gateway</h1>${'nginx '.repeat(200)}</body></html>`,
    });
    const { error } = await ask(anthropic(gateway.url), 'claude-sonnet-4-6');
    expect(error?.kind).toBe('server');
    expect(error?.detail).toContain('HTTP 502: 502 Bad Gateway nginx');
    expect(error?.detail).not.toContain('<');
    expect(error?.detail.length).toBeLessThanOrEqual(300);
  });

  it('accepts an OpenAI-style stream that ends with [DONE] but names no finish reason', async () => {
    gateway.failNext({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: [
        'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"了解です。"}}]}',
        'data: [DONE]',
        '',
        '',
      ].join('\n\n'),
    });
    const received = await ask(openai());
    expect(received.error).toBeUndefined();
    expect(received.text).toBe('了解です。');
  });

  it('reports an overloaded model that gives up mid-answer as a server problem, keeping the text', async () => {
    gateway.failNext({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: [
        'event: message_start\ndata: {"type":"message_start","message":{"id":"m1","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[],"stop_reason":null,"usage":{"input_tokens":42,"output_tokens":1}}}',
        'event: content_block_start\ndata: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}',
        'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"住民票の"}}',
        'event: error\ndata: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
        '',
        '',
      ].join('\n\n'),
    });
    const { text, error } = await ask(anthropic(gateway.url), 'claude-sonnet-4-6');
    expect(text).toBe('住民票の');
    expect(error?.kind).toBe('server');
    expect(error?.detail).toContain('Overloaded');
  });

  it('reports an error event in an OpenAI-style stream by the status the gateway put in it', async () => {
    gateway.failNext({
      status: 200,
      headers: { 'content-type': 'text/event-stream' },
      body: [
        'data: {"id":"c1","object":"chat.completion.chunk","choices":[{"index":0,"delta":{"content":"回答を"}}]}',
        'data: {"error":{"message":"Rate limit reached for requests","type":"rate_limit_error","code":"429"}}',
        '',
        '',
      ].join('\n\n'),
    });
    const { text, error } = await ask(openai());
    expect(text).toBe('回答を');
    expect(error?.kind).toBe('rate-limited');
    expect(error?.detail).toContain('Rate limit reached');
  });
});

describe('the key stays with the gateway', () => {
  const target = (format: ApiFormat, apiKey: string): GatewayTarget => ({
    baseUrl: gateway.url,
    apiFormat: format,
    apiKey,
    authHeader: '',
    authScheme: '',
    headers: {},
  });

  it.each(FORMATS)(
    '$format: a redirect to another origin is refused, so the key and text never go there',
    async ({ format, model, key }) => {
      const { createServer } = await import('node:http');
      const hits: string[] = [];
      const elsewhere = createServer((request, response) => {
        hits.push(String(request.headers['x-api-key'] ?? request.headers.authorization ?? ''));
        response.writeHead(200).end('{}');
      });
      await new Promise<void>((done) => elsewhere.listen(0, '127.0.0.1', done));
      const address = elsewhere.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      try {
        gateway.failNext({
          status: 307,
          headers: { location: `http://127.0.0.1:${port}/v1/steal` },
          body: '',
        });
        const received = await receive(
          streamChat(target(format, key), { ...REQUEST, model }, new AbortController().signal),
        );
        expect(received.error?.kind).toBe('network');
        expect(hits).toEqual([]);
      } finally {
        await new Promise<void>((done) => elsewhere.close(() => done()));
      }
    },
  );

  it.each(FORMATS)('$format: a 401 that echoes the key shows it masked', async ({ format, model, key }) => {
    gateway.failNext({ status: 401, body: { error: { message: `Invalid key in header: Bearer ${key}` } } });
    const received = await receive(
      streamChat(target(format, key), { ...REQUEST, model }, new AbortController().signal),
    );
    expect(received.error?.kind).toBe('auth');
    expect(received.error?.detail).not.toContain(key);
    expect(received.error?.detail).toContain('••••••');
  });

  it.each(FORMATS)(
    '$format: a 401 that echoes part of the key shows none of it',
    async ({ format, model }) => {
      const key = 'sk-yaita-7Q2mZx9LpWc4';
      gateway.failNext({
        status: 401,
        body: {
          error: { message: 'Incorrect API key provided: sk-yaita-7Q2m**************Wc4. 有効なキーを' },
        },
      });
      const received = await receive(
        streamChat(target(format, key), { ...REQUEST, model }, new AbortController().signal),
      );
      expect(received.error?.kind).toBe('auth');
      expect(received.error?.detail).not.toContain('7Q2m');
      expect(received.error?.detail).not.toContain('sk-yaita');
      expect(received.error?.detail).toContain('Incorrect API key provided');
    },
  );

  it.each(FORMATS)('$format: a very short key echoed back is not shown either', async ({ format, model }) => {
    gateway.failNext({ status: 401, body: { error: { message: 'Bad key: k7Q' } } });
    const received = await receive(
      streamChat(target(format, 'k7Q'), { ...REQUEST, model }, new AbortController().signal),
    );
    expect(received.error?.kind).toBe('auth');
    expect(received.error?.detail).not.toContain('k7Q');
  });
});

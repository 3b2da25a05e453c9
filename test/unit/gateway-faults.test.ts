import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CONTINUE_INSTRUCTION,
  continuationMessages,
  joinContinuation,
} from '../../utils/conversation/continue';
import { streamReply } from '../../utils/conversation/stream-reply';
import type { Deadlines } from '../../utils/gateway/deadline';
import { GatewayError } from '../../utils/gateway/errors';
import { type ResilienceOptions, streamResilient } from '../../utils/gateway/resilient';
import type { RetryRules, RetryWait } from '../../utils/gateway/retry';
import type { GatewayRequest, GatewayTarget } from '../../utils/gateway/types';
import { DEFAULT_GATEWAY_REPLY, type GatewayServer, startGatewayServer } from '../support/gateway-server';

/**
 * Faults a real gateway produces, through the same resilient path the panel uses, against the local
 * gateway double over real HTTP. Deadlines and backoffs are short so the tests run fast; they prove
 * behaviour (what was retried, what was kept), never speed.
 */
const FAST_RETRIES: RetryRules = {
  rateLimitRetries: 3,
  failureRetries: 2,
  baseDelayMs: 20,
  maxDelayMs: 5_000,
};
const DEADLINES: Deadlines = { firstByteMs: 2_000, stallMs: 2_000 };

const FORMATS = [
  { format: 'openai', model: 'gpt-4.1-mini' },
  { format: 'anthropic', model: 'claude-sonnet-4-6' },
] as const;

const QUESTION = '住民票の写しの交付について、窓口での案内文を作ってください。';
const FULL = Array.from(DEFAULT_GATEWAY_REPLY);

let gateway: GatewayServer;

beforeAll(async () => {
  gateway = await startGatewayServer();
  // The SDKs load on first use; in a shuffled order that load must not count against a 200 ms deadline.
  await Promise.all([import('../../utils/gateway/openai'), import('../../utils/gateway/anthropic')]);
});

afterAll(async () => {
  await gateway.close();
});

beforeEach(() => {
  gateway.requests.length = 0;
  gateway.knownModels = [];
  gateway.chunkSize = 3;
  gateway.chunkDelayMs = 2;
  gateway.firstByteDelayMs = 0;
  gateway.setReply(DEFAULT_GATEWAY_REPLY);
});

describe.each(FORMATS)('$format format, faults', ({ format, model }) => {
  const target = (): GatewayTarget => ({
    baseUrl: gateway.url,
    apiFormat: format,
    apiKey: 'sk-yaita-0001',
    authHeader: '',
    authScheme: '',
    headers: {},
  });
  const request: GatewayRequest = { model, system: '', messages: [{ role: 'user', content: QUESTION }] };

  async function ask(options: ResilienceOptions = {}, signal = new AbortController().signal) {
    const waits: RetryWait[] = [];
    let text = '';
    let error: GatewayError | undefined;
    try {
      const stream = streamResilient(target(), request, signal, {
        retry: FAST_RETRIES,
        deadlines: DEADLINES,
        onRetryWait: (wait) => waits.push(wait),
        ...options,
      });
      for await (const delta of stream) if (delta.type === 'text') text += delta.text;
    } catch (caught) {
      if (!(caught instanceof GatewayError)) throw caught;
      error = caught;
    }
    const posts = gateway.requests.filter((entry) => entry.method === 'POST').length;
    return { text, error, waits, posts };
  }

  it.each([
    [401, 'auth'],
    [402, 'forbidden'],
    [403, 'forbidden'],
  ] as const)(
    'gives up at once on %i (%s): a retry cannot fix a refused key or a spent budget',
    async (status, kind) => {
      gateway.failNext({ status });
      const { error, posts, waits, text } = await ask();
      expect(error?.kind).toBe(kind);
      expect(error?.status).toBe(status);
      expect(posts).toBe(1);
      expect(waits).toEqual([]);
      expect(text).toBe('');
    },
  );

  it('names the unknown model and does not retry', async () => {
    gateway.knownModels = ['plamo-2.1-prime'];
    const { error, posts } = await ask();
    expect(error?.kind).toBe('model-not-found');
    expect(error?.detail).toContain(model);
    expect(posts).toBe(1);
  });

  it('waits as long as Retry-After says after a 429, then answers', async () => {
    gateway.failNext({ status: 429, headers: { 'retry-after-ms': '150' } });
    const started = Date.now();
    const { text, error, waits, posts } = await ask();
    expect(error).toBeUndefined();
    expect(text).toBe(DEFAULT_GATEWAY_REPLY);
    expect(posts).toBe(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toMatchObject({ attempt: 1, maxAttempts: 3, delayMs: 150, reason: 'rate-limited' });
    // Honoured, not merely announced: the second request did not leave before the wait was over.
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('backs off exponentially when a 429 names no wait, and reports rate-limited after 3 retries', async () => {
    for (let index = 0; index < 4; index++) gateway.failNext({ status: 429 });
    const { error, waits, posts } = await ask();
    expect(error?.kind).toBe('rate-limited');
    expect(posts).toBe(4);
    expect(waits.map((wait) => wait.delayMs)).toEqual([20, 40, 80]);
  });

  it('does not wait for a Retry-After longer than the limit: the user decides', async () => {
    gateway.failNext({ status: 429, headers: { 'retry-after': '3600' } });
    const { error, waits, posts } = await ask();
    expect(error?.kind).toBe('rate-limited');
    expect(error?.retryAfterMs).toBe(3_600_000);
    expect(waits).toEqual([]);
    expect(posts).toBe(1);
  });

  it('retries a 500 and shows the answer of the retry', async () => {
    gateway.failNext({ status: 500 });
    const { text, error, waits, posts } = await ask();
    expect(error).toBeUndefined();
    expect(text).toBe(DEFAULT_GATEWAY_REPLY);
    expect(posts).toBe(2);
    expect(waits[0]?.reason).toBe('server');
  });

  it('reports a server error after 2 retries of a 502', async () => {
    for (let index = 0; index < 3; index++) gateway.failNext({ status: 502 });
    const { error, posts, waits } = await ask();
    expect(error?.kind).toBe('server');
    expect(posts).toBe(3);
    expect(waits.map((wait) => wait.attempt)).toEqual([1, 2]);
  });

  it('retries a connection cut before the first byte', async () => {
    gateway.resetNext();
    const { text, error, posts, waits } = await ask();
    expect(error).toBeUndefined();
    expect(text).toBe(DEFAULT_GATEWAY_REPLY);
    expect(posts).toBe(2);
    expect(waits[0]?.reason).toBe('network');
  });

  it('keeps the text of a stream dropped mid-answer and does not retry (no text twice)', async () => {
    gateway.dropAfterChunks(4);
    const { text, error, posts, waits } = await ask();
    expect(error?.kind).toBe('network');
    expect(text).toBe(FULL.slice(0, 12).join(''));
    expect(posts).toBe(1);
    expect(waits).toEqual([]);
  });

  it('gives up with a timeout when the first byte does not come in time', async () => {
    gateway.firstByteDelayMs = 1_000;
    const { text, error, posts } = await ask({ deadlines: { firstByteMs: 200, stallMs: 2_000 } });
    expect(error?.kind).toBe('timeout');
    expect(error?.detail).toContain('no answer within 0.2 s');
    expect(text).toBe('');
    expect(posts).toBe(1);
  });

  it('stops a stalled stream with a timeout and keeps what arrived', async () => {
    gateway.stallAfterChunks(2);
    const { text, error, posts } = await ask({ deadlines: { firstByteMs: 2_000, stallMs: 200 } });
    expect(error?.kind).toBe('timeout');
    expect(error?.detail).toContain('nothing for 0.2 s');
    expect(text).toBe(FULL.slice(0, 6).join(''));
    expect(posts).toBe(1);
  });

  it('skips lines that carry no event (comments, unknown fields, stray text)', async () => {
    gateway.noiseNext();
    const { text, error } = await ask();
    expect(error).toBeUndefined();
    expect(text).toBe(DEFAULT_GATEWAY_REPLY);
  });

  it('reports a bad response for an event cut in half, keeping the text before it, without retrying', async () => {
    gateway.garbageNext();
    const { text, error, posts } = await ask();
    expect(error?.kind).toBe('bad-response');
    expect(text).toBe(FULL.slice(0, 3).join(''));
    expect(posts).toBe(1);
  });

  it('stops during the countdown when the user presses Stop, sending nothing more', async () => {
    gateway.failNext({ status: 429, headers: { 'retry-after-ms': '5000' } });
    const controller = new AbortController();
    const { error, posts } = await ask(
      {
        onRetryWait: () => {
          setTimeout(() => controller.abort(), 20);
        },
      },
      controller.signal,
    );
    expect(error?.kind).toBe('aborted');
    expect(posts).toBe(1);
  });

  it('finishes a dropped answer with Continue: the partial answer is sent back and the rest appended once', async () => {
    gateway.dropAfterChunks(10);
    const first = await streamReply(target(), request, new AbortController().signal, () => {}, {
      retry: FAST_RETRIES,
      deadlines: DEADLINES,
    });
    expect(first.status).toBe('interrupted');
    const partial = first.text;
    expect(partial).toBe(FULL.slice(0, 30).join(''));

    // A model that continues, but first repeats the last few words it wrote, as models often do.
    const rest = DEFAULT_GATEWAY_REPLY.slice(partial.length);
    gateway.setReply(() => `${partial.slice(-9)}${rest}`);
    const shown: string[] = [];
    const second = await streamReply(
      target(),
      { ...request, messages: continuationMessages(request.messages, partial) },
      new AbortController().signal,
      (text) => shown.push(joinContinuation(partial, text)),
      { retry: FAST_RETRIES, deadlines: DEADLINES },
    );
    expect(second.status).toBe('complete');
    expect(joinContinuation(partial, second.text)).toBe(DEFAULT_GATEWAY_REPLY);
    expect(shown.at(-1)).toBe(DEFAULT_GATEWAY_REPLY);
    const sent = gateway.requests.at(-1)?.body?.messages ?? [];
    expect(sent.at(-2)).toEqual({ role: 'assistant', content: partial });
    expect(sent.at(-1)).toEqual({ role: 'user', content: CONTINUE_INSTRUCTION });
  });
});

describe('joining a continuation to a cut-off answer', () => {
  const partial = '受付時間は平日 8:30〜17:15 です。持ち物は本人確認書類';

  it('appends a continuation that starts where the answer stopped', () => {
    expect(joinContinuation(partial, '（マイナンバーカードなど）です。')).toBe(
      `${partial}（マイナンバーカードなど）です。`,
    );
  });

  it('drops the words a continuation repeats from the end of the answer', () => {
    expect(joinContinuation(partial, '持ち物は本人確認書類（運転免許証など）です。')).toBe(
      `${partial}（運転免許証など）です。`,
    );
  });

  it('leaves a short coincidental match alone', () => {
    expect(joinContinuation('…です。', 'です。次に')).toBe('…です。です。次に');
  });
});

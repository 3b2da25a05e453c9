import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamReply } from '../../utils/conversation/stream-reply';
import type { GatewayTarget } from '../../utils/gateway/types';
import { STREAM_SHAPES } from '../fixtures/stream-shapes';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';

/**
 * Every real server's stream shape (test/fixtures/stream-shapes.ts), replayed over real HTTP by the gateway
 * double in pieces of 1, 7 and 33 bytes, through the path every answer takes (`streamReply`). Automatic
 * retries are off here: the fixture's own response is what is judged.
 */
const NO_RETRIES = { rateLimitRetries: 0, failureRetries: 0, baseDelayMs: 0, maxDelayMs: 0 };
const DEADLINES = { firstByteMs: 10_000, stallMs: 10_000 };

let gateway: GatewayServer;
beforeAll(async () => {
  gateway = await startGatewayServer();
});
afterAll(async () => {
  await gateway.close();
});

const cases = STREAM_SHAPES.flatMap((shape) => [1, 7, 33].map((pieceBytes) => ({ shape, pieceBytes })));

describe('answers from every real server stream shape, split into small reads', () => {
  it.each(cases)('$shape.name, in $pieceBytes-byte pieces', async ({ shape, pieceBytes }) => {
    gateway.replayNext({ status: shape.status, headers: shape.headers, body: shape.body, pieceBytes });
    const target: GatewayTarget = {
      baseUrl: gateway.url,
      apiFormat: shape.format,
      apiKey: 'sk-yaita-0001',
      authHeader: '',
      authScheme: '',
      headers: {},
    };
    const seen: string[] = [];
    const outcome = await streamReply(
      target,
      { model: 'model-under-test', system: '', messages: [{ role: 'user', content: '転入届の期限は？' }] },
      new AbortController().signal,
      (text) => seen.push(text),
      { retry: NO_RETRIES, deadlines: DEADLINES },
    );

    expect(outcome.text).toBe(shape.expect.text);
    expect(outcome.status).toBe(shape.expect.status);
    expect(outcome.error?.kind).toBe(shape.expect.error);
    if (shape.expect.usage) expect(outcome.usage).toEqual(shape.expect.usage);
    if (shape.expect.retryAfterMs !== undefined) {
      expect(outcome.error?.retryAfterMs).toBe(shape.expect.retryAfterMs);
    }
    // What was on screen while streaming: never an object's string form, never the model's reasoning.
    for (const text of seen) {
      expect(text).not.toContain('[object Object]');
      expect(text).not.toContain('\uFFFD');
      if (shape.expect.hidden) expect(text).not.toContain(shape.expect.hidden);
    }
  });
});

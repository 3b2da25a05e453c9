import { withAccessToken } from './access-token';
import { GatewayError } from './errors';
import type { Delta, GatewayRequest, GatewayTarget } from './types';

/**
 * Each SDK is loaded the first time its format is used: together they are most of the panel's code, and
 * the panel must open fast. The panel asks for them when idle (`preloadGatewayFormat`), so the first answer
 * does not wait for them either.
 */
const ADAPTERS = {
  openai: () => import('./openai').then((module) => module.streamOpenAI),
  anthropic: () => import('./anthropic').then((module) => module.streamAnthropic),
} as const;

export function preloadGatewayFormat(format: GatewayTarget['apiFormat']): void {
  void ADAPTERS[format]().catch(() => undefined);
}

async function* streamInFormat(
  target: GatewayTarget,
  request: GatewayRequest,
  signal: AbortSignal,
): AsyncIterable<Delta> {
  const stream = await ADAPTERS[target.apiFormat]();
  yield* stream(target, request, signal);
}

/** Some gateways echo the auth header back in their error text: it must never reach the screen. */
function withoutKey(error: GatewayError, apiKey: string): GatewayError {
  if (apiKey.length < 4 || !error.detail.includes(apiKey)) return error;
  return new GatewayError(
    error.kind,
    error.detail.split(apiKey).join('••••••'),
    error.status,
    error.retryAfterMs,
  );
}

/** One answer, streamed in the target's API format. Everything it throws is a `GatewayError`. */
export function streamChat(
  target: GatewayTarget,
  request: GatewayRequest,
  signal: AbortSignal,
): AsyncIterable<Delta> {
  return withAccessToken(target, async function* (ready) {
    try {
      yield* streamInFormat(ready, request, signal);
    } catch (caught) {
      throw caught instanceof GatewayError ? withoutKey(caught, ready.apiKey) : caught;
    }
  });
}

type ConnectionCheck = { ok: true; reply: string } | { ok: false; error: GatewayError };

/**
 * A real, tiny request through the same path as a chat, so "connected" means a chat will work: the URL,
 * the key, the header, the model and the stream format are all exercised.
 */
export async function checkConnection(
  target: GatewayTarget,
  model: string,
  signal: AbortSignal,
): Promise<ConnectionCheck> {
  let reply = '';
  try {
    const request: GatewayRequest = {
      model,
      system: '',
      messages: [{ role: 'user', content: 'ping' }],
      maxTokens: 8,
    };
    for await (const delta of streamChat(target, request, signal)) {
      if (delta.type === 'restart') reply = '';
      if (delta.type === 'text') reply += delta.text;
    }
    return { ok: true, reply };
  } catch (caught) {
    const error =
      caught instanceof GatewayError
        ? caught
        : new GatewayError('bad-response', String(caught).slice(0, 300));
    return { ok: false, error };
  }
}

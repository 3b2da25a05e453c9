import { withAccessToken } from './access-token';
import { GatewayError } from './errors';
import type { Delta, GatewayRequest, GatewayTarget } from './types';

/**
 * Each SDK is loaded the first time its format is used: together they are most of the panel's code, and
 * the panel must open fast. The panel asks for them when idle (`preloadGatewayFormat`), so the first answer
 * does not wait for them either.
 */
type Adapter = (target: GatewayTarget, request: GatewayRequest, signal: AbortSignal) => AsyncIterable<Delta>;

const ADAPTERS: Record<GatewayTarget['apiFormat'], () => Promise<Adapter>> = {
  openai: () => import('./openai').then((module) => module.streamOpenAI),
  anthropic: () => import('./anthropic').then((module) => module.streamAnthropic),
};

/**
 * Loaded adapters, kept: `import()` of a module the page already has still costs 5–15 ms in an extension page
 * (measured with `npm run bench stream`), on the way to every first token.
 */
const loaded = new Map<GatewayTarget['apiFormat'], Promise<Adapter>>();
function adapterFor(format: GatewayTarget['apiFormat']): Promise<Adapter> {
  let adapter = loaded.get(format);
  if (!adapter) {
    adapter = ADAPTERS[format]();
    // A failed load (the extension updated under the page) is tried again next time.
    adapter.catch(() => loaded.delete(format));
    loaded.set(format, adapter);
  }
  return adapter;
}

export function preloadGatewayFormat(format: GatewayTarget['apiFormat']): void {
  void adapterFor(format).catch(() => undefined);
}

async function* streamInFormat(
  target: GatewayTarget,
  request: GatewayRequest,
  signal: AbortSignal,
): AsyncIterable<Delta> {
  const stream = await adapterFor(target.apiFormat);
  yield* stream(target, request, signal);
}

/** Shorter than this, a key is too easy to meet by chance in other words: any echo of it drops the detail. */
const SHORT_KEY = 8;
/** A run this long shared with the key is part of it (`sk-a…wxyz`, a key cut to its first characters). */
const ECHO_RUN = 4;

/**
 * Some gateways echo the key, whole or in part, in their error text (`Incorrect API key provided: sk-ab…wxyz`):
 * none of it may reach the screen. Every run of 4 or more characters shared with the key is masked; a short
 * key found anywhere masks the whole text.
 */
export function maskKeyIn(detail: string, apiKey: string): string {
  if (!apiKey || !detail) return detail;
  if (apiKey.length < SHORT_KEY) return detail.includes(apiKey) ? '••••••' : detail;
  const hidden = new Uint8Array(detail.length);
  for (let at = 0; at < detail.length; at += 1) {
    for (let from = 0; from < apiKey.length; from += 1) {
      let run = 0;
      while (
        at + run < detail.length &&
        from + run < apiKey.length &&
        detail[at + run] === apiKey[from + run]
      ) {
        run += 1;
      }
      if (run >= ECHO_RUN) hidden.fill(1, at, at + run);
    }
  }
  return detail
    .replace(/[\s\S]/g, (character, at: number) => (hidden[at] ? '•' : character))
    .replace(/•+/g, '••••••');
}

function withoutKey(error: GatewayError, apiKey: string): GatewayError {
  const detail = maskKeyIn(error.detail, apiKey);
  if (detail === error.detail) return error;
  return new GatewayError(error.kind, detail, error.status, error.retryAfterMs);
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

import OpenAI, { APIConnectionError, APIError } from 'openai';
import type { ChatCompletionChunk, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import {
  CLOSED_MID_ANSWER,
  checkedBaseUrl,
  GatewayError,
  gatewayErrorForFailure,
  gatewayErrorForStatus,
  gatewayMessage,
} from './errors';
import type { Delta, GatewayRequest, GatewayTarget } from './types';

/**
 * Exactly one auth header, the one the organisation configured. `null` removes a header the SDK would
 * otherwise add (its own `Authorization: Bearer` from `apiKey`).
 */
export function requestHeaders(target: GatewayTarget): Record<string, string | null> {
  const headers: Record<string, string | null> = { authorization: null };
  for (const [name, value] of Object.entries(target.headers)) headers[name.toLowerCase()] = value;
  if (target.apiKey) {
    const name = (target.authHeader.trim() || 'Authorization').toLowerCase();
    const scheme = target.authHeader.trim() ? target.authScheme.trim() : target.authScheme.trim() || 'Bearer';
    headers[name] = scheme ? `${scheme} ${target.apiKey}` : target.apiKey;
  }
  return headers;
}

/**
 * The SDK hides `data: [DONE]`, yet a gateway that ends with it but names no finish_reason has finished
 * all the same. This fetch watches the raw event stream for it and passes every byte through unchanged.
 */
function fetchNoticingDone(onDone: () => void): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    const isEventStream = response.headers.get('content-type')?.includes('text/event-stream') ?? false;
    if (!response.ok || !response.body || !isEventStream) return response;
    const decoder = new TextDecoder();
    let unfinishedLine = '';
    const watched = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          const text = unfinishedLine + decoder.decode(chunk, { stream: true });
          if (/^data: ?\[DONE\]/m.test(text)) onDone();
          unfinishedLine = text.slice(text.lastIndexOf('\n') + 1);
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(watched, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}

function toGatewayError(
  caught: unknown,
  signal: AbortSignal,
  model: string,
  midAnswer: boolean,
): GatewayError {
  if (signal.aborted || !(caught instanceof APIError) || caught instanceof APIConnectionError) {
    return gatewayErrorForFailure(caught, signal, midAnswer);
  }
  // For an error status the SDK keeps the body's `error` object; for a `data: {"error": …}` event mid-stream
  // it has no status, and LiteLLM puts the upstream status in `code`.
  const message = gatewayMessage(caught.error) ?? caught.message;
  if (caught.status !== undefined) {
    return gatewayErrorForStatus(caught.status, message, model, caught.headers);
  }
  const code = Number(caught.code);
  const status = Number.isInteger(code) && code >= 400 && code < 600 ? code : 500;
  return gatewayErrorForStatus(status, message, model, undefined, 'error event in the stream');
}

function isChunk(value: unknown): value is ChatCompletionChunk {
  return typeof value === 'object' && value !== null;
}

/** What servers put in a delta beyond the SDK's type: reasoning fields, and content as an array of parts. */
interface LooseDelta {
  content?: unknown;
  reasoning_content?: unknown;
  reasoning?: unknown;
}

interface ContentPart {
  type?: unknown;
  text?: unknown;
  thinking?: unknown;
}

/** The text in a part list (Mistral's reasoning models send `[{type: 'thinking', …}, {type: 'text', …}]`). */
function partsText(parts: unknown, wanted: 'text' | 'thinking'): string {
  if (typeof parts === 'string') return wanted === 'text' ? parts : '';
  if (!Array.isArray(parts)) return '';
  let text = '';
  for (const part of parts as ContentPart[]) {
    if (typeof part !== 'object' || part === null) continue;
    if (part.type === 'text' && wanted === 'text' && typeof part.text === 'string') text += part.text;
    if (part.type === 'thinking' && wanted === 'thinking') text += partsText(part.thinking, 'text');
  }
  return text;
}

/** One choice's delta as our deltas: answer text, reasoning (kept apart), or nothing. */
function* deltasOf(delta: LooseDelta | undefined): Iterable<Delta> {
  if (!delta) return;
  const reasoning =
    (typeof delta.reasoning_content === 'string' ? delta.reasoning_content : '') +
    (typeof delta.reasoning === 'string' ? delta.reasoning : '') +
    partsText(delta.content, 'thinking');
  if (reasoning) yield { type: 'reasoning', text: reasoning };
  const text = partsText(delta.content, 'text');
  if (text) yield { type: 'text', text };
}

type Usage = { prompt_tokens?: number; completion_tokens?: number };

/** Usage at the top level, or inside a vendor field (Groq's `x_groq.usage`). */
function usageOf(chunk: ChatCompletionChunk): Usage | undefined {
  const vendor = (chunk as { x_groq?: { usage?: Usage } }).x_groq;
  return chunk.usage ?? vendor?.usage ?? undefined;
}

export async function* streamOpenAI(
  target: GatewayTarget,
  request: GatewayRequest,
  signal: AbortSignal,
): AsyncIterable<Delta> {
  const baseURL = checkedBaseUrl(target.baseUrl);
  if (signal.aborted) throw gatewayErrorForFailure(signal.reason, signal, false);

  let sawDone = false;
  const client = new OpenAI({
    baseURL,
    // The SDK insists on a key; its header is removed in `requestHeaders`. The nulls keep it from reading
    // OPENAI_* environment variables (in Node tests) into extra headers.
    apiKey: 'configured-per-request',
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    defaultHeaders: requestHeaders(target),
    dangerouslyAllowBrowser: true,
    // A redirect to another origin would carry the key and the text there: only the gateway may have them.
    fetchOptions: { redirect: 'error' },
    maxRetries: 0,
    logLevel: 'off',
    fetch: fetchNoticingDone(() => {
      sawDone = true;
    }),
  });

  const messages: ChatCompletionMessageParam[] = [
    ...(request.system ? [{ role: 'system' as const, content: request.system }] : []),
    ...request.messages.map(({ role, content }) => ({ role, content })),
  ];

  let answering = false;
  let finished = false;
  try {
    const stream = await client.chat.completions.create(
      {
        model: request.model,
        messages,
        stream: true,
        stream_options: { include_usage: true },
        ...(request.maxTokens ? { max_tokens: request.maxTokens } : {}),
        ...(request.user ? { user: request.user } : {}),
      },
      { signal },
    );
    answering = true;
    for await (const chunk of stream) {
      if (!isChunk(chunk)) throw new GatewayError('bad-response', 'a stream event that is not an object');
      // Gateways differ: the usage chunk may have `choices: []` or no `choices` at all.
      for (const choice of chunk.choices ?? []) {
        yield* deltasOf(choice.delta as LooseDelta | undefined);
        if (choice.finish_reason === 'length') yield { type: 'cut-off' };
        if (choice.finish_reason) finished = true;
      }
      const usage = usageOf(chunk);
      if (usage) {
        yield {
          type: 'usage',
          inputTokens: usage.prompt_tokens ?? 0,
          outputTokens: usage.completion_tokens ?? 0,
        };
      }
    }
  } catch (caught) {
    throw toGatewayError(caught, signal, request.model, answering);
  }
  // The SDK ends the iteration quietly when the signal aborts; the caller must still hear about it.
  if (signal.aborted) throw gatewayErrorForFailure(signal.reason, signal, true);
  if (!finished && !sawDone)
    throw new GatewayError('network', `${CLOSED_MID_ANSWER} (no finish_reason, no [DONE])`);
}

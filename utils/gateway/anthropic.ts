import Anthropic, { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import type { MessageParam, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages';
import {
  CLOSED_MID_ANSWER,
  checkedBaseUrl,
  GatewayError,
  gatewayErrorForFailure,
  gatewayErrorForStatus,
  gatewayMessage,
} from './errors';
import type { Delta, GatewayRequest, GatewayTarget } from './types';

const DEFAULT_MAX_TOKENS = 4096;

/** The SDK appends `/v1/messages`; users give one base URL (`…/v1`) for both formats. */
function sdkBaseUrl(baseUrl: string): string {
  return baseUrl.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/**
 * Exactly one auth header, the one the organisation configured. `null` removes the SDK's own
 * `Authorization: Bearer` (this SDK version sends `apiKey` that way, where Anthropic's API expects `x-api-key`).
 */
function requestHeaders(target: GatewayTarget): Record<string, string | null> {
  const headers: Record<string, string | null> = { authorization: null };
  for (const [name, value] of Object.entries(target.headers)) headers[name.toLowerCase()] = value;
  if (target.apiKey) {
    const name = (target.authHeader.trim() || 'x-api-key').toLowerCase();
    const scheme = target.authScheme.trim();
    headers[name] = scheme ? `${scheme} ${target.apiKey}` : target.apiKey;
  }
  return headers;
}

/** Anthropic's `error` event names its type, not a status; the status it would have had decides the kind. */
const STATUS_FOR_ERROR_TYPE: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

function toGatewayError(
  caught: unknown,
  signal: AbortSignal,
  model: string,
  midAnswer: boolean,
): GatewayError {
  if (signal.aborted || !(caught instanceof APIError) || caught instanceof APIConnectionError) {
    return gatewayErrorForFailure(caught, signal, midAnswer);
  }
  const message = caught.apiMessage ?? gatewayMessage(caught.error) ?? caught.message;
  if (caught.status !== undefined) {
    return gatewayErrorForStatus(caught.status, message, model, caught.headers);
  }
  const status = STATUS_FOR_ERROR_TYPE[caught.type ?? ''] ?? 500;
  return gatewayErrorForStatus(
    status,
    message,
    model,
    undefined,
    `error event in the stream (${caught.type})`,
  );
}

function isEvent(value: unknown): value is RawMessageStreamEvent {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

export async function* streamAnthropic(
  target: GatewayTarget,
  request: GatewayRequest,
  signal: AbortSignal,
): AsyncIterable<Delta> {
  const baseURL = sdkBaseUrl(checkedBaseUrl(target.baseUrl));
  if (signal.aborted) throw gatewayErrorForFailure(signal.reason, signal, false);

  const client = new Anthropic({
    baseURL,
    // A key given here keeps the SDK from looking for credentials of its own (environment, config files);
    // the header it makes from it is removed in `requestHeaders`.
    apiKey: 'configured-per-request',
    defaultHeaders: requestHeaders(target),
    dangerouslyAllowBrowser: true,
    // A redirect to another origin would carry the key and the text there: only the gateway may have them.
    fetchOptions: { redirect: 'error' },
    maxRetries: 0,
    logLevel: 'off',
  });

  const messages: MessageParam[] = request.messages.map(({ role, content }) => ({ role, content }));

  let answering = false;
  let finished = false;
  let inputTokens = 0;
  try {
    const stream = await client.messages.create(
      {
        model: request.model,
        max_tokens: request.maxTokens ?? DEFAULT_MAX_TOKENS,
        messages,
        ...(request.system ? { system: request.system } : {}),
        ...(request.user ? { metadata: { user_id: request.user } } : {}),
        stream: true,
      },
      { signal },
    );
    answering = true;
    for await (const event of stream) {
      if (!isEvent(event)) throw new GatewayError('bad-response', 'a stream event without a type');
      switch (event.type) {
        case 'message_start':
          inputTokens = event.message.usage?.input_tokens ?? 0;
          break;
        case 'content_block_delta':
          // Thinking, signatures, tool input and block types added later are not the answer.
          if (event.delta.type === 'text_delta' && event.delta.text)
            yield { type: 'text', text: event.delta.text };
          if (event.delta.type === 'thinking_delta' && event.delta.thinking)
            yield { type: 'reasoning', text: event.delta.thinking };
          break;
        case 'message_delta':
          if (event.delta.stop_reason === 'max_tokens') yield { type: 'cut-off' };
          yield {
            type: 'usage',
            inputTokens: event.usage?.input_tokens ?? inputTokens,
            outputTokens: event.usage?.output_tokens ?? 0,
          };
          break;
        case 'message_stop':
          finished = true;
          break;
      }
    }
  } catch (caught) {
    throw toGatewayError(caught, signal, request.model, answering);
  }
  // The SDK ends the iteration quietly when the signal aborts; the caller must still hear about it.
  if (signal.aborted) throw gatewayErrorForFailure(signal.reason, signal, true);
  if (!finished) throw new GatewayError('network', `${CLOSED_MID_ANSWER} (no message_stop)`);
}

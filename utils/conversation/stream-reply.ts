import { GatewayError } from '../gateway/errors';
import { type ResilienceOptions, streamResilient } from '../gateway/resilient';
import type { ChatMessage, GatewayRequest, GatewayTarget } from '../gateway/types';
import type { EntryStatus, MessageRecord, TokenUsage } from '../history/db';

export interface ReplyOutcome {
  text: string;
  status: EntryStatus;
  error?: GatewayError;
  /** Token counts, when the gateway sent them (the last count it sent wins). */
  usage?: TokenUsage;
}

/**
 * Streams one answer to its end. Whatever happens, it resolves (never rejects) with the text received so
 * far: a stopped or dropped answer is `interrupted` and keeps its text; a failure before any text is `error`.
 * Failures before the first text are retried and slow gateways time out, as `options` says (resilient.ts).
 */
export async function streamReply(
  target: GatewayTarget,
  request: GatewayRequest,
  signal: AbortSignal,
  onText: (textSoFar: string) => void,
  options: ResilienceOptions = {},
): Promise<ReplyOutcome> {
  let text = '';
  let usage: TokenUsage | undefined;
  try {
    for await (const delta of streamResilient(target, request, signal, options)) {
      if (delta.type === 'restart') {
        text = '';
        onText(text);
        continue;
      }
      if (delta.type === 'usage') {
        usage = { inputTokens: delta.inputTokens, outputTokens: delta.outputTokens };
        continue;
      }
      if (delta.text === '') continue;
      text += delta.text;
      onText(text);
    }
    return { text, status: 'complete', ...(usage ? { usage } : {}) };
  } catch (caught) {
    const error =
      caught instanceof GatewayError
        ? caught
        : new GatewayError('bad-response', String(caught).slice(0, 300));
    return {
      text,
      status: text || error.kind === 'aborted' ? 'interrupted' : 'error',
      error,
      ...(usage ? { usage } : {}),
    };
  }
}

/** What the model sees of a conversation: every turn with content, in order. */
export function toModelMessages(messages: MessageRecord[]): ChatMessage[] {
  return messages.filter((message) => message.content !== '').map(({ role, content }) => ({ role, content }));
}

import { GatewayError } from '../gateway/errors';
import { withPermissionCause } from '../gateway/permission';
import { type ResilienceOptions, streamResilient } from '../gateway/resilient';
import type { RetryWait } from '../gateway/retry';
import type { ChatMessage, GatewayRequest, GatewayTarget } from '../gateway/types';
import type { ConversationRecord, EntryStatus, MessageRecord, TokenUsage } from '../history/db';
import type { Settings } from '../settings/schema';
import { deadlinesFor, gatewayTargetFor, requestUser } from '../settings/target';
import { recordAnswerUse } from '../usage/stats';
import { joinContinuation } from './continue';

export interface ReplyOutcome {
  text: string;
  status: EntryStatus;
  error?: GatewayError;
  /** Token counts, when the gateway sent them (the last count it sent wins). */
  usage?: TokenUsage;
}

/**
 * Streams one answer to its end. Whatever happens, it resolves (never rejects) with the text received so
 * far: a stopped or dropped answer is `interrupted` and keeps its text; a failure before any text is `error`;
 * an answer the server cut at its length limit is `interrupted` with a `cut-off` error (the user can Continue).
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
  let cut = false;
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
      if (delta.type === 'cut-off') {
        cut = true;
        continue;
      }
      // Reasoning keeps the deadlines from firing while a model thinks; it is not part of the answer.
      if (delta.type === 'reasoning' || delta.text === '') continue;
      text += delta.text;
      onText(text);
    }
    const withUsage = usage ? { usage } : {};
    if (cut) return { text, status: 'interrupted', error: new GatewayError('cut-off', ''), ...withUsage };
    return { text, status: 'complete', ...withUsage };
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

/** Partial answers are written at most this often while streaming. */
export const SAVE_INTERVAL_MS = 500;

export interface AnswerRun {
  settings: Settings;
  conversation: ConversationRecord;
  /** What the model is asked (the messages in use, or a continuation's). */
  messages: ChatMessage[];
  /** The answer being written; its `model` is the model asked. Its content is kept when `continuing`. */
  answer: MessageRecord;
  /** A cut-off answer is being finished: new text is appended to `answer.content`. */
  continuing?: boolean;
  signal: AbortSignal;
  /** The whole answer so far (placeholders kept), on every piece that arrives. */
  onText(text: string, first: boolean): void;
  /** An automatic retry is waiting (a countdown), or `null` once it is over. */
  onRetryWait(wait: RetryWait | null): void;
  /** Writes the answer to history: while streaming (throttled) and once at the end. */
  save(message: MessageRecord): Promise<void>;
  /** The stream has ended, before the final record is written. */
  onEnd?(): void;
}

export interface AnswerResult {
  message: MessageRecord;
  error?: GatewayError;
  usage?: TokenUsage;
}

/**
 * The one path every answer takes — chat, actions, templates, a page, a long input's last step, Retry,
 * Continue, another model and Compare: the policy's deadlines and retries (with a countdown), the text
 * written to history while it streams, and one finished record at the end. Text stays as the model saw it
 * (placeholders kept); personal data is put back only when shown.
 */
export async function streamAnswer(run: AnswerRun): Promise<AnswerResult> {
  const { settings, answer } = run;
  const partial = run.continuing ? answer.content : '';
  const joined = (text: string) => (run.continuing ? joinContinuation(partial, text) : text);
  const target = gatewayTargetFor(settings, answer.model);
  let lastSave = Date.now();
  let first = true;
  const outcome = await streamReply(
    target,
    {
      model: answer.model,
      system: run.conversation.system,
      messages: run.messages,
      user: requestUser(settings),
    },
    run.signal,
    (text) => {
      const content = joined(text);
      run.onText(content, first);
      first = false;
      // Written while streaming, so a closed panel or a crash still leaves the answer so far in history.
      if (Date.now() - lastSave >= SAVE_INTERVAL_MS) {
        lastSave = Date.now();
        void run.save({ ...answer, content, updatedAt: lastSave });
      }
    },
    {
      deadlines: deadlinesFor(settings),
      onRetryWait: (wait) => run.onRetryWait(wait),
    },
  );
  run.onRetryWait(null);
  run.onEnd?.();
  const error = outcome.error && (await withPermissionCause(outcome.error, target.baseUrl));
  const now = Date.now();
  // A continuation that failed at once leaves the cut-off answer as it was: still interrupted.
  const status = run.continuing && outcome.status === 'error' ? 'interrupted' : outcome.status;
  const message: MessageRecord = {
    ...answer,
    content: joined(outcome.text),
    status,
    errorKind: error?.kind,
    ...(outcome.usage ? { usage: outcome.usage } : {}),
    updatedAt: now,
  };
  if (outcome.status !== 'error') {
    void recordAnswerUse({
      at: new Date(now),
      model: answer.model,
      action: run.conversation.action ?? 'chat',
      templateId: run.conversation.templateId,
      usage: outcome.usage,
    }).catch(() => {});
  }
  await run.save(message);
  return { message, ...(error ? { error } : {}), ...(outcome.usage ? { usage: outcome.usage } : {}) };
}

import { DEFAULT_DEADLINES, type Deadlines, withDeadlines } from './deadline';
import { streamChat } from './index';
import { DEFAULT_RETRY_RULES, type RetryRules, type RetryWait, withRetries } from './retry';
import type { Delta, GatewayRequest, GatewayTarget } from './types';

export interface ResilienceOptions {
  deadlines?: Deadlines;
  retry?: RetryRules;
  /** Called before each automatic retry (for the countdown in the panel). */
  onRetryWait?(wait: RetryWait): void;
}

/**
 * `streamChat` with the faults a user should not have to handle by hand: each attempt has its deadlines
 * (first byte, stall), and attempts that failed before any text are retried by the rules in retry.ts.
 */
export function streamResilient(
  target: GatewayTarget,
  request: GatewayRequest,
  signal: AbortSignal,
  options: ResilienceOptions = {},
): AsyncIterable<Delta> {
  const deadlines = options.deadlines ?? DEFAULT_DEADLINES;
  return withRetries(
    (attemptSignal) => withDeadlines((inner) => streamChat(target, request, inner), deadlines, attemptSignal),
    options.retry ?? DEFAULT_RETRY_RULES,
    signal,
    options.onRetryWait,
  );
}

import { GatewayError, type GatewayErrorKind } from './errors';
import type { Delta } from './types';

export interface RetryRules {
  /** Automatic retries after a 429. */
  rateLimitRetries: number;
  /** Automatic retries after a 5xx or a connection that failed before the answer started. */
  failureRetries: number;
  /** First backoff when the gateway names no wait; doubled on each retry. */
  baseDelayMs: number;
  /** A gateway asking for a longer wait than this is not retried automatically: the user decides. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_RULES: RetryRules = {
  rateLimitRetries: 3,
  failureRetries: 2,
  baseDelayMs: 1_000,
  maxDelayMs: 120_000,
};

/** Told before each automatic retry, so the panel can count down and the user can still press Stop. */
export interface RetryWait {
  /** 1 for the first retry. */
  attempt: number;
  maxAttempts: number;
  delayMs: number;
  /** `Date.now()` when the retry starts. */
  retryAt: number;
  reason: GatewayErrorKind;
}

function retriesFor(kind: GatewayErrorKind, rules: RetryRules): number {
  if (kind === 'rate-limited') return rules.rateLimitRetries;
  if (kind === 'server' || kind === 'network') return rules.failureRetries;
  return 0;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      clearTimeout(timer);
      reject(new GatewayError('aborted', 'stopped while waiting to retry'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', stop);
      resolve();
    }, ms);
    signal.addEventListener('abort', stop, { once: true });
    if (signal.aborted) stop();
  });
}

/**
 * Retries a stream that failed before any text arrived: a 429 after `Retry-After` (or a doubling backoff),
 * a 5xx or a broken connection after a short backoff. Once text has arrived, a failure is final: a retry
 * would repeat what the user already sees. Auth, quota, unknown model and timeouts are never retried.
 */
export async function* withRetries(
  open: (signal: AbortSignal) => AsyncIterable<Delta>,
  rules: RetryRules,
  signal: AbortSignal,
  onWait: (wait: RetryWait) => void = () => {},
): AsyncIterable<Delta> {
  const used: Partial<Record<GatewayErrorKind, number>> = {};
  for (;;) {
    let sawText = false;
    try {
      for await (const delta of open(signal)) {
        if (delta.type === 'text') sawText = true;
        yield delta;
      }
      return;
    } catch (caught) {
      if (!(caught instanceof GatewayError) || sawText || signal.aborted) throw caught;
      const allowed = retriesFor(caught.kind, rules);
      const attempt = (used[caught.kind] ?? 0) + 1;
      const backoff = rules.baseDelayMs * 2 ** (attempt - 1);
      const delayMs = caught.kind === 'rate-limited' ? (caught.retryAfterMs ?? backoff) : backoff;
      if (attempt > allowed || delayMs > rules.maxDelayMs) throw caught;
      used[caught.kind] = attempt;
      onWait({ attempt, maxAttempts: allowed, delayMs, retryAt: Date.now() + delayMs, reason: caught.kind });
      await sleep(delayMs, signal);
    }
  }
}

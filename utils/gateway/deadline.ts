import { GatewayError } from './errors';
import type { Delta } from './types';

export interface Deadlines {
  /** Longest wait for the first piece of the answer. */
  firstByteMs: number;
  /** Longest silence between two pieces once the answer has started. */
  stallMs: number;
}

/** Policy defaults: long enough for a slow model's first token, short enough that nobody waits forever. */
export const DEFAULT_DEADLINES: Deadlines = { firstByteMs: 60_000, stallMs: 60_000 };

/**
 * Ends a stream that does not answer in time, with a `timeout` error; whatever arrived before stays with the
 * caller. `open` gets a signal that aborts on the caller's Stop or on a missed deadline, so the request
 * itself is cancelled, not just abandoned.
 */
export async function* withDeadlines(
  open: (signal: AbortSignal) => AsyncIterable<Delta>,
  deadlines: Deadlines,
  signal: AbortSignal,
): AsyncIterable<Delta> {
  const controller = new AbortController();
  const forwardStop = () => controller.abort(signal.reason);
  signal.addEventListener('abort', forwardStop, { once: true });
  if (signal.aborted) forwardStop();

  let missed: GatewayError | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (ms: number, detail: string) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      missed = new GatewayError('timeout', detail);
      controller.abort(missed);
    }, ms);
  };
  const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

  arm(deadlines.firstByteMs, `no answer within ${seconds(deadlines.firstByteMs)}`);
  try {
    for await (const delta of open(controller.signal)) {
      arm(deadlines.stallMs, `the answer stopped: nothing for ${seconds(deadlines.stallMs)}`);
      yield delta;
    }
  } catch (caught) {
    throw missed ?? caught;
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', forwardStop);
  }
  if (missed) throw missed;
}

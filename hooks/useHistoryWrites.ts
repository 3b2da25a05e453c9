import { useCallback, useRef, useState } from 'react';
import { HistoryWriteError } from '../utils/history/errors';

/** A history write that failed: the answer on screen is kept and the user is told (a full disk apart). */
export interface SaveProblem {
  quota: boolean;
  detail: string;
}

export type Persist = (write: () => Promise<unknown>) => Promise<void>;

/**
 * The panel's one queue of history writes, shared by chat, actions and Compare. Writes run one after
 * another, so a slow throttled write never lands after the final one; a failed write is reported, never
 * swallowed. With history off (an administrator's choice) nothing is written.
 */
export function useHistoryWrites(historyEnabled: boolean) {
  const [problem, setProblem] = useState<SaveProblem | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const enabled = useRef(historyEnabled);
  enabled.current = historyEnabled;

  const persist: Persist = useCallback((write) => {
    if (!enabled.current) return queue.current;
    queue.current = queue.current.then(async () => {
      try {
        await write();
      } catch (error) {
        setProblem({
          quota: error instanceof HistoryWriteError && error.kind === 'quota',
          detail: error instanceof Error ? error.message : String(error),
        });
      }
    });
    return queue.current;
  }, []);

  /**
   * Writes queued from now on wait until `release` is called: a new answer's first writes would otherwise
   * run on the main thread while the request is being sent (measured in `npm run bench`, ttft). Releasing
   * twice is harmless.
   */
  const hold = useCallback(() => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    queue.current = queue.current.then(() => gate);
    return release;
  }, []);

  const clearProblem = useCallback(() => setProblem(null), []);
  return { persist, hold, problem, clearProblem };
}

import { startTransition, useCallback, useEffect, useRef, useState } from 'react';
import type { PanelJob } from '../utils/messages';
import type { ModelUse } from '../utils/settings/model-choice';
import type { Outgoing } from './usePiiGate';

interface Runner {
  /** Settings read, model choices loaded, guideline accepted. */
  ready: boolean;
  modelFor(use: ModelUse): string;
  /** Screens the selection for personal data, then sends what may leave. */
  screen(text: string, send: (outgoing: Outgoing) => void): void;
  start(job: PanelJob, model: string, outgoing: Outgoing): void;
  onStart(job: PanelJob, model: string): void;
}

/**
 * Right-click actions (and the tour's samples) to run. A job that arrives when the panel is ready runs at
 * once, in the same task: waiting for a render and an effect would hold the request back by a frame or more
 * (time to first word, `npm run bench`). A job that arrives before the settings are read, or before the
 * guideline is accepted, waits and runs as soon as both allow it.
 */
export function useActionJobs(runner: Runner) {
  const [waiting, setWaiting] = useState<PanelJob | null>(null);
  const [job, setJob] = useState<PanelJob | null>(null);
  const latest = useRef(runner);
  latest.current = runner;

  const run = useCallback((next: PanelJob) => {
    const { modelFor, screen, start, onStart } = latest.current;
    const model = modelFor(next.action);
    // The panel's re-render for a new job is a transition: React renders it in slices, so the request's own
    // tasks (the fetch starts on this thread) are not queued behind a whole render (`npm run bench stream`).
    startTransition(() => {
      setJob(next);
      onStart(next, model);
    });
    screen(next.text, (outgoing) => startTransition(() => start(next, model, outgoing)));
  }, []);

  const queue = useCallback(
    (next: PanelJob) => {
      if (latest.current.ready) run(next);
      else setWaiting(next);
    },
    [run],
  );

  const { ready } = runner;
  useEffect(() => {
    if (!waiting || !ready) return;
    setWaiting(null);
    run(waiting);
  }, [waiting, ready, run]);

  const clear = useCallback(() => setJob(null), []);
  /** `waiting`: a job held back (e.g. until the guideline is accepted), so the panel can say why. */
  return { job, waiting, queue, clear };
}

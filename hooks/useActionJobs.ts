import { useCallback, useEffect, useState } from 'react';
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
 * Right-click actions (and the tour's samples) waiting to run. A job can arrive before the settings are
 * read, or before the guideline is accepted; it runs as soon as both allow it.
 */
export function useActionJobs({ ready, modelFor, screen, start, onStart }: Runner) {
  const [waiting, setWaiting] = useState<PanelJob | null>(null);
  const [job, setJob] = useState<PanelJob | null>(null);
  useEffect(() => {
    if (!waiting || !ready) return;
    setWaiting(null);
    setJob(waiting);
    const model = modelFor(waiting.action);
    onStart(waiting, model);
    screen(waiting.text, (outgoing) => start(waiting, model, outgoing));
  }, [waiting, ready, modelFor, screen, start, onStart]);
  const clear = useCallback(() => setJob(null), []);
  return { job, queue: setWaiting, clear };
}

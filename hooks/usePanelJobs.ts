import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { listenForMessages, type QueuedJob, sendMessage } from '../utils/messages';

/** Delivers right-click jobs (a selection or a whole page) meant for this panel's window: the one waiting at load, then each new one. */
export function usePanelJobs(onJob: (job: QueuedJob) => void): void {
  const callback = useRef(onJob);
  callback.current = onJob;
  useEffect(() => {
    let windowId: number | undefined;
    // A job can arrive twice (in its message and from the claim at load); it runs once.
    const started = new Set<string>();
    const start = (job: QueuedJob) => {
      if (started.has(job.id)) return;
      started.add(job.id);
      callback.current(job);
    };
    const claim = async () => {
      if (windowId === undefined) return;
      const job = await sendMessage({ type: 'claim-job', windowId });
      if (job) start(job);
    };
    const stop = listenForMessages({
      'job-ready': async (message) => {
        if (message.windowId !== windowId) return;
        start(message.job);
        // Out of the queue, so a panel opened later does not run it again.
        await sendMessage({ type: 'claim-job', windowId, id: message.job.id });
      },
    });
    void browser.windows.getCurrent().then((window) => {
      windowId = window.id;
      return claim();
    });
    return stop;
  }, []);
}

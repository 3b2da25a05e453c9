import { useEffect, useRef } from 'react';
import { browser } from 'wxt/browser';
import { listenForMessages, type QueuedJob, sendMessage } from '../utils/messages';

/** Delivers right-click jobs (a selection or a whole page) meant for this panel's window: the one waiting at load, then each new one. */
export function usePanelJobs(onJob: (job: QueuedJob) => void): void {
  const callback = useRef(onJob);
  callback.current = onJob;
  useEffect(() => {
    let windowId: number | undefined;
    const claim = async () => {
      if (windowId === undefined) return;
      const job = await sendMessage({ type: 'claim-job', windowId });
      if (job) callback.current(job);
    };
    const stop = listenForMessages({
      'job-ready': async (message) => {
        if (message.windowId === windowId) await claim();
      },
    });
    void browser.windows.getCurrent().then((window) => {
      windowId = window.id;
      return claim();
    });
    return stop;
  }, []);
}

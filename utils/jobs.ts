import { browser } from 'wxt/browser';
import { type QueuedJob, queuedJobSchema } from './messages';

/**
 * The hand-off between a right-click and the side panel. The panel may open before or after the job is
 * written, so it claims on load and again when told a job is ready; no fixed waits. Kept in session
 * storage because the service worker can be stopped between the click and the claim.
 */
const KEY = 'pendingJobs';

async function readJobs(): Promise<QueuedJob[]> {
  const stored = await browser.storage.session.get(KEY);
  const parsed = queuedJobSchema.array().safeParse(stored[KEY]);
  return parsed.success ? parsed.data : [];
}

// Read-modify-write steps run one after another, so two panels asking at once cannot both get a job.
let lastStep: Promise<unknown> = Promise.resolve();
function serially<T>(step: () => Promise<T>): Promise<T> {
  const next = lastStep.then(step, step);
  lastStep = next.catch(() => undefined);
  return next;
}

export function queueJob(job: QueuedJob): Promise<void> {
  return serially(async () => {
    // One pending job per window: a newer right-click replaces an unclaimed older one.
    const others = (await readJobs()).filter((pending) => pending.windowId !== job.windowId);
    await browser.storage.session.set({ [KEY]: [...others, job] });
  });
}

export function claimJob(windowId: number): Promise<QueuedJob | null> {
  return serially(async () => {
    const jobs = await readJobs();
    const job = jobs.find((pending) => pending.windowId === windowId) ?? null;
    if (job) await browser.storage.session.set({ [KEY]: jobs.filter((pending) => pending !== job) });
    return job;
  });
}

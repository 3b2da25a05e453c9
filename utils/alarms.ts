import { browser } from 'wxt/browser';

/**
 * Creates a repeating alarm only if it does not exist yet. Creating it again at every service-worker start
 * would move its next run forward each time, and a worker that starts often would then never run it.
 */
export async function keepRepeatingAlarm(name: string, periodInMinutes: number): Promise<void> {
  if (await browser.alarms.get(name)) return;
  await browser.alarms.create(name, { periodInMinutes });
}

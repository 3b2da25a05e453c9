import { browser } from 'wxt/browser';
import { DEFAULT_MINUTES_SAVED, type MinutesSavedKey } from '../settings/schema';
import { calendarMonth, type UsageStats } from './stats';

/** How a use counts towards time saved: a template's uses count as `template`, whatever action ran it. */
export function minutesSavedKey(useKey: string): MinutesSavedKey | undefined {
  if (useKey.startsWith('template:')) return 'template';
  return Object.hasOwn(DEFAULT_MINUTES_SAVED, useKey) ? (useKey as MinutesSavedKey) : undefined;
}

/** Uses this calendar month × the minutes each kind of use saves (the policy's or the defaults). */
export function minutesSavedThisMonth(
  stats: UsageStats,
  now: Date,
  minutes: Record<MinutesSavedKey, number>,
): number {
  let total = 0;
  for (const [key, uses] of Object.entries(stats.months?.[calendarMonth(now)] ?? {})) {
    const kind = minutesSavedKey(key);
    if (kind) total += uses * minutes[kind];
  }
  return total;
}

/** Hours for 「約 N 時間」: one decimal below ten hours, whole hours above (an estimate, not a timesheet). */
export function roundedHours(minutes: number): number {
  const hours = minutes / 60;
  return hours < 10 ? Math.round(hours * 10) / 10 : Math.round(hours);
}

/** Where versions up to 0.2 kept the one minutes-per-use figure each user typed in. */
const OLD_MINUTES_KEY = 'usageMinutesPerUse';
const OLD_DEFAULT = 10;
const SETTINGS_KEY = 'settings';

/**
 * Carries a user's own minutes-per-use over to every kind of use in their settings, once, then forgets
 * it. The old default (10) is not carried over: the new per-action defaults are better guesses. A policy
 * still wins over what is carried over, as over any user setting.
 */
export async function migrateMinutesPerUse(): Promise<void> {
  const stored = await browser.storage.local.get([OLD_MINUTES_KEY, SETTINGS_KEY]);
  const old = stored[OLD_MINUTES_KEY];
  if (old === undefined) return;
  const settings = stored[SETTINGS_KEY];
  const user = typeof settings === 'object' && settings !== null ? (settings as Record<string, unknown>) : {};
  if (
    typeof old === 'number' &&
    Number.isFinite(old) &&
    old >= 0 &&
    old !== OLD_DEFAULT &&
    !('usage' in user)
  ) {
    const minutes = Math.min(old, 480); // the schema's upper bound
    const minutesSaved = Object.fromEntries(Object.keys(DEFAULT_MINUTES_SAVED).map((key) => [key, minutes]));
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...user, usage: { minutesSaved } } });
  }
  await browser.storage.local.remove(OLD_MINUTES_KEY);
}

import { browser } from 'wxt/browser';
import type { ActionId } from '../actions/types';
import type { TokenUsage } from '../history/db';

/**
 * Local usage statistics: how many answers each model gave and how many tokens they took, and how often
 * each action or template was used, per ISO week in local time. Kept in this browser's `storage.local`
 * only and never sent anywhere; staff can reset them.
 */

export interface ModelUsage {
  answers: number;
  inputTokens: number;
  outputTokens: number;
}

export interface WeekUsage {
  models: Record<string, ModelUsage>;
  /** By action id, `chat`, or `template:<id>` for a conversation started from a template. */
  uses: Record<string, number>;
}

export interface UsageStats {
  /** Keyed by ISO week, e.g. `2026-W48`. */
  weeks: Record<string, WeekUsage>;
  /**
   * Uses by calendar month in local time (`2026-12`), keyed like `WeekUsage.uses`: a week can span two
   * months, so "this month" cannot come from weeks. Absent in stats written before it existed.
   */
  months?: Record<string, Record<string, number>>;
}

export interface AnswerUse {
  at: Date;
  model: string;
  action: ActionId | 'chat';
  templateId?: string;
  usage?: TokenUsage;
}

const STORAGE_KEY = 'usageStats';
/** A year of weeks is plenty for the chart; older buckets are dropped. */
const WEEKS_KEPT = 53;
const MONTHS_KEPT = 13;
const DAY_MS = 86_400_000;

/** The ISO 8601 week of a moment, in local time: weeks start on Monday, week 1 holds the year's first Thursday. */
export function isoWeek(at: Date): string {
  const day = new Date(at.getFullYear(), at.getMonth(), at.getDate());
  const weekday = (day.getDay() + 6) % 7;
  const thursday = new Date(day.getFullYear(), day.getMonth(), day.getDate() - weekday + 3);
  const year = thursday.getFullYear();
  const firstThursday = new Date(year, 0, 4);
  firstThursday.setDate(4 - ((firstThursday.getDay() + 6) % 7) + 3);
  // Rounded: a daylight-saving change makes a week an hour shorter or longer.
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The calendar month of a moment in local time, e.g. `2026-12`. */
export function calendarMonth(at: Date): string {
  return `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}`;
}

/** The Monday (local time) that starts an ISO week such as `2026-W48`. */
export function weekStart(week: string): Date {
  const [year, number] = week.split('-W').map(Number) as [number, number];
  const jan4 = new Date(year, 0, 4);
  const firstMonday = new Date(year, 0, 4 - ((jan4.getDay() + 6) % 7));
  return new Date(
    firstMonday.getFullYear(),
    firstMonday.getMonth(),
    firstMonday.getDate() + 7 * (number - 1),
  );
}

/** This week and the `count - 1` before it, newest first. */
export function recentWeeks(now: Date, count: number): string[] {
  return Array.from({ length: count }, (_, back) =>
    isoWeek(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 7 * back)),
  );
}

export function usageKey(use: Pick<AnswerUse, 'action' | 'templateId'>): string {
  return use.templateId ? `template:${use.templateId}` : use.action;
}

/** The stats with one more answer counted (a new object; the old one is left alone). */
export function withAnswer(stats: UsageStats, use: AnswerUse): UsageStats {
  const week = isoWeek(use.at);
  const bucket = stats.weeks[week] ?? { models: {}, uses: {} };
  const model = bucket.models[use.model] ?? { answers: 0, inputTokens: 0, outputTokens: 0 };
  const key = usageKey(use);
  const next: WeekUsage = {
    models: {
      ...bucket.models,
      [use.model]: {
        answers: model.answers + 1,
        inputTokens: model.inputTokens + (use.usage?.inputTokens ?? 0),
        outputTokens: model.outputTokens + (use.usage?.outputTokens ?? 0),
      },
    },
    uses: { ...bucket.uses, [key]: (bucket.uses[key] ?? 0) + 1 },
  };
  const month = calendarMonth(use.at);
  const monthUses = stats.months?.[month] ?? {};
  return {
    weeks: { ...newest(stats.weeks, week, WEEKS_KEPT), [week]: next },
    months: {
      ...newest(stats.months ?? {}, month, MONTHS_KEPT),
      [month]: { ...monthUses, [key]: (monthUses[key] ?? 0) + 1 },
    },
  };
}

/** The newest `keep - 1` buckets other than `current`: room for `current` within `keep`. */
function newest<T>(buckets: Record<string, T>, current: string, keep: number): Record<string, T> {
  const kept = Object.keys(buckets)
    .filter((name) => name !== current)
    .sort()
    .slice(-(keep - 1));
  return Object.fromEntries(kept.map((name) => [name, buckets[name] as T]));
}

/** Tokens and answers per model over some weeks. */
export function modelTotals(stats: UsageStats, weeks: string[]): Record<string, ModelUsage> {
  const totals: Record<string, ModelUsage> = {};
  for (const week of weeks) {
    for (const [model, usage] of Object.entries(stats.weeks[week]?.models ?? {})) {
      const total = totals[model] ?? { answers: 0, inputTokens: 0, outputTokens: 0 };
      totals[model] = {
        answers: total.answers + usage.answers,
        inputTokens: total.inputTokens + usage.inputTokens,
        outputTokens: total.outputTokens + usage.outputTokens,
      };
    }
  }
  return totals;
}

export function totalUses(stats: UsageStats, weeks: string[]): number {
  return weeks.reduce(
    (sum, week) => sum + Object.values(stats.weeks[week]?.uses ?? {}).reduce((a, b) => a + b, 0),
    0,
  );
}

function isUsageStats(value: unknown): value is UsageStats {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { weeks?: unknown }).weeks === 'object' &&
    (value as { weeks?: unknown }).weeks !== null
  );
}

export async function loadUsageStats(): Promise<UsageStats> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  return isUsageStats(stored) ? stored : { weeks: {} };
}

// One write after another, so two answers finishing together (Compare) are both counted.
let writes: Promise<unknown> = Promise.resolve();

export function recordAnswerUse(use: AnswerUse): Promise<void> {
  const write = writes.then(async () => {
    const stats = await loadUsageStats();
    await browser.storage.local.set({ [STORAGE_KEY]: withAnswer(stats, use) });
  });
  writes = write.catch(() => {});
  return write;
}

export async function resetUsageStats(): Promise<void> {
  await writes;
  await browser.storage.local.remove(STORAGE_KEY);
}

export function watchUsageStats(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && STORAGE_KEY in changes) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

import { minutesSavedKey } from './minutes-saved';
import { type ModelUsage, modelTotals, type UsageStats, weekStart } from './stats';

/** A stacked bar's kinds of use, in the chart's order: the actions, chat, then all templates together. */
export type UseKind = string;

export interface WeekBar {
  week: string;
  start: Date;
  /** Uses by kind; an empty object for a week without any use (drawn as a gap, not a zero bar). */
  byKind: Record<UseKind, number>;
  total: number;
}

/** The chart's kind for a use key: templates are one kind in the chart, listed one by one in the totals. */
export function chartKind(useKey: string): UseKind {
  return minutesSavedKey(useKey) ?? useKey;
}

/** Weeks oldest first (left to right), each with its uses by kind. */
export function weekBars(stats: UsageStats, weeksNewestFirst: string[]): WeekBar[] {
  return [...weeksNewestFirst].reverse().map((week) => {
    const byKind: Record<UseKind, number> = {};
    for (const [key, uses] of Object.entries(stats.weeks[week]?.uses ?? {})) {
      if (uses <= 0) continue;
      const kind = chartKind(key);
      byKind[kind] = (byKind[kind] ?? 0) + uses;
    }
    const total = Object.values(byKind).reduce((sum, uses) => sum + uses, 0);
    return { week, start: weekStart(week), byKind, total };
  });
}

/** Every kind seen in the bars, in the given order first, then any other (e.g. an action since removed). */
export function kindsIn(bars: WeekBar[], order: UseKind[]): UseKind[] {
  const seen = new Set(bars.flatMap((bar) => Object.keys(bar.byKind)));
  return [
    ...order.filter((kind) => seen.has(kind)),
    ...[...seen].filter((kind) => !order.includes(kind)).sort(),
  ];
}

/** Uses per key (action, chat, each template) over some weeks, most used first. */
export function totalsByUse(stats: UsageStats, weeks: string[]): [string, number][] {
  const totals: Record<string, number> = {};
  for (const week of weeks)
    for (const [key, uses] of Object.entries(stats.weeks[week]?.uses ?? {}))
      totals[key] = (totals[key] ?? 0) + uses;
  return Object.entries(totals).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

export interface CsvLabels {
  header: [
    kind: string,
    week: string,
    weekStart: string,
    name: string,
    count: string,
    input: string,
    output: string,
  ];
  useRow: string;
  modelRow: string;
}

/** The date as staff write it in a spreadsheet: 2026-11-23 (local time). */
function isoDate(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One row per week and kind of use, and per week and model (with tokens), oldest week first: a flat
 * table an IT section can pivot in Excel. Lines end in CRLF as Excel writes them.
 */
export function usageCsv(
  stats: UsageStats,
  weeksNewestFirst: string[],
  labels: CsvLabels,
  nameOfUse: (key: string) => string,
  nameOfModel: (id: string) => string,
): string {
  const rows: (string | number)[][] = [labels.header];
  for (const week of [...weeksNewestFirst].reverse()) {
    const start = isoDate(weekStart(week));
    for (const [key, uses] of totalsByUse(stats, [week]))
      rows.push([labels.useRow, week, start, nameOfUse(key), uses, '', '']);
    const models = Object.entries(modelTotals(stats, [week])) as [string, ModelUsage][];
    for (const [id, usage] of models.sort(([a], [b]) => a.localeCompare(b)))
      rows.push([
        labels.modelRow,
        week,
        start,
        nameOfModel(id),
        usage.answers,
        usage.inputTokens,
        usage.outputTokens,
      ]);
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** UTF-8 with a byte order mark: without it Excel reads the file as Shift_JIS and garbles the Japanese. */
export function csvBytes(csv: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(`\uFEFF${csv}`);
}

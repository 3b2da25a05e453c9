import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  isoWeek,
  loadUsageStats,
  modelTotals,
  recentWeeks,
  recordAnswerUse,
  resetUsageStats,
  totalUses,
  type UsageStats,
  withAnswer,
} from '../../utils/usage/stats';

beforeEach(() => {
  fakeBrowser.reset();
});

// Local time, as staff see the calendar.
const at = (y: number, m: number, d: number, h = 10, min = 0) => new Date(y, m - 1, d, h, min);

describe('ISO weeks in local time', () => {
  it.each([
    [at(2026, 11, 23), '2026-W48'], // Monday
    [at(2026, 11, 29, 23, 59), '2026-W48'], // Sunday night is still the same week
    [at(2026, 11, 30, 0, 0), '2026-W49'], // a new week begins on Monday at midnight
    [at(2027, 1, 1), '2026-W53'], // 1 January 2027 is a Friday: it belongs to 2026's last week
    [at(2027, 1, 4), '2027-W01'],
    [at(2025, 12, 29), '2026-W01'], // Monday 29 December 2025 is in 2026's first week
    [at(2021, 1, 3), '2020-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });

  it('lists this week and the eight before it, newest first, across a new year', () => {
    expect(recentWeeks(at(2027, 1, 6), 9)).toEqual([
      '2027-W01',
      '2026-W53',
      '2026-W52',
      '2026-W51',
      '2026-W50',
      '2026-W49',
      '2026-W48',
      '2026-W47',
      '2026-W46',
    ]);
  });
});

describe('counting answers', () => {
  const empty: UsageStats = { weeks: {} };

  it('adds tokens per model and one use per answer to the action, or to the template it came from', () => {
    let stats = withAnswer(empty, {
      at: at(2026, 11, 24),
      model: 'gpt-4.1-mini',
      action: 'summarize',
      usage: { inputTokens: 1200, outputTokens: 300 },
    });
    stats = withAnswer(stats, {
      at: at(2026, 11, 25),
      model: 'gpt-4.1-mini',
      action: 'chat',
      templateId: 'gikai',
      usage: { inputTokens: 34, outputTokens: 567 },
    });
    // A gateway that sends no usage: the answer counts, the tokens do not.
    stats = withAnswer(stats, { at: at(2026, 11, 26), model: 'plamo-2.1-prime', action: 'chat' });
    expect(stats.months).toEqual({ '2026-11': { summarize: 1, 'template:gikai': 1, chat: 1 } });
    expect(stats.weeks['2026-W48']).toEqual({
      models: {
        'gpt-4.1-mini': { answers: 2, inputTokens: 1234, outputTokens: 867 },
        'plamo-2.1-prime': { answers: 1, inputTokens: 0, outputTokens: 0 },
      },
      uses: { summarize: 1, 'template:gikai': 1, chat: 1 },
    });
  });

  it('puts answers either side of Monday midnight into different weeks, and totals over weeks', () => {
    let stats = withAnswer(empty, {
      at: at(2026, 11, 29, 23, 59),
      model: 'claude-sonnet-4-5',
      action: 'proofread',
      usage: { inputTokens: 100, outputTokens: 50 },
    });
    stats = withAnswer(stats, {
      at: at(2026, 11, 30, 0, 1),
      model: 'claude-sonnet-4-5',
      action: 'proofread',
      usage: { inputTokens: 10, outputTokens: 5 },
    });
    expect(Object.keys(stats.weeks).sort()).toEqual(['2026-W48', '2026-W49']);
    expect(modelTotals(stats, ['2026-W49'])).toEqual({
      'claude-sonnet-4-5': { answers: 1, inputTokens: 10, outputTokens: 5 },
    });
    expect(modelTotals(stats, recentWeeks(at(2026, 12, 1), 9))).toEqual({
      'claude-sonnet-4-5': { answers: 2, inputTokens: 110, outputTokens: 55 },
    });
    expect(totalUses(stats, recentWeeks(at(2026, 12, 1), 9))).toBe(2);
  });

  it('keeps a year of weeks and drops older ones', () => {
    let stats = empty;
    for (let week = 0; week < 60; week++) {
      stats = withAnswer(stats, { at: at(2025, 1, 6 + 7 * week), model: 'gpt-4.1-mini', action: 'chat' });
    }
    expect(Object.keys(stats.weeks)).toHaveLength(53);
    expect(stats.weeks['2025-W02']).toBeUndefined();
    expect(stats.weeks[isoWeek(at(2025, 1, 6 + 7 * 59))]).toBeDefined();
  });
});

describe('stored in storage.local only', () => {
  it('counts two answers that finish at the same moment, and resets to nothing', async () => {
    await Promise.all([
      recordAnswerUse({ at: at(2026, 11, 27), model: 'gpt-4.1-mini', action: 'chat' }),
      recordAnswerUse({ at: at(2026, 11, 27), model: 'claude-sonnet-4-5', action: 'chat' }),
    ]);
    const stats = await loadUsageStats();
    expect(stats.weeks['2026-W48']?.uses).toEqual({ chat: 2 });
    await resetUsageStats();
    expect(await loadUsageStats()).toEqual({ weeks: {} });
  });
});

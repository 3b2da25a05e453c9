import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadEffectiveSettings } from '../../utils/policy/storage';
import { DEFAULT_MINUTES_SAVED } from '../../utils/settings/schema';
import { migrateMinutesPerUse, minutesSavedThisMonth, roundedHours } from '../../utils/usage/minutes-saved';
import { csvBytes, kindsIn, usageCsv, weekBars } from '../../utils/usage/report';
import { recentWeeks, type UsageStats, weekStart, withAnswer } from '../../utils/usage/stats';

beforeEach(() => {
  fakeBrowser.reset();
});

const at = (y: number, m: number, d: number, h = 10) => new Date(y, m - 1, d, h);

function statsOf(uses: [Date, 'summarize' | 'proofread' | 'translate' | 'chat', string?][]): UsageStats {
  return uses.reduce<UsageStats>(
    (stats, [when, action, templateId]) =>
      withAnswer(stats, {
        at: when,
        model: 'gpt-4.1-mini',
        action,
        templateId,
        usage: { inputTokens: 1000, outputTokens: 200 },
      }),
    { weeks: {} },
  );
}

describe('time saved this month', () => {
  // Monday 30 November 2026 starts a week that runs into December: only the December uses count.
  const stats = statsOf([
    [at(2026, 11, 30), 'summarize'],
    [at(2026, 12, 1), 'summarize'],
    [at(2026, 12, 2), 'proofread'],
    [at(2026, 12, 3), 'chat', 'gikai-toben'],
    [at(2026, 12, 3), 'chat'],
  ]);

  it('multiplies this month’s uses by the minutes for each kind of use', () => {
    const minutes = { ...DEFAULT_MINUTES_SAVED, summarize: 12, proofread: 30, template: 45, chat: 3 };
    // 1 summary (12) + 1 proofread (30) + 1 template (45) + 1 chat (3); the November summary is not counted.
    expect(minutesSavedThisMonth(stats, at(2026, 12, 20), minutes)).toBe(90);
    expect(minutesSavedThisMonth(stats, at(2026, 11, 30), minutes)).toBe(12);
    expect(minutesSavedThisMonth(stats, at(2027, 1, 2), minutes)).toBe(0);
  });

  it('rounds to 「約 N 時間」: one decimal under ten hours, whole hours above', () => {
    expect(roundedHours(90)).toBe(1.5);
    expect(roundedHours(100)).toBe(1.7);
    expect(roundedHours(1234)).toBe(21);
  });
});

describe('the old per-user minutes-per-use', () => {
  it('carries a value the user changed over to every kind of use, once', async () => {
    await fakeBrowser.storage.local.set({
      usageMinutesPerUse: 25,
      settings: { userId: 'tanaka@city.yaita.lg.jp' },
    });
    await migrateMinutesPerUse();
    const effective = await loadEffectiveSettings();
    expect(effective.settings.usage.minutesSaved).toEqual({
      summarize: 25,
      polite: 25,
      proofread: 25,
      translate: 25,
      chat: 25,
      template: 25,
    });
    expect(effective.settings.userId).toBe('tanaka@city.yaita.lg.jp');
    expect(await fakeBrowser.storage.local.get('usageMinutesPerUse')).toEqual({});
  });

  it('drops the old default of 10 so the per-action defaults apply', async () => {
    await fakeBrowser.storage.local.set({ usageMinutesPerUse: 10 });
    await migrateMinutesPerUse();
    expect((await loadEffectiveSettings()).settings.usage.minutesSaved).toEqual(DEFAULT_MINUTES_SAVED);
    expect(await fakeBrowser.storage.local.get('usageMinutesPerUse')).toEqual({});
  });
});

describe('the weekly chart', () => {
  it('leaves a week without use empty (a gap), and puts templates together', () => {
    const stats = statsOf([
      [at(2026, 11, 2), 'translate'],
      [at(2026, 11, 3), 'chat', 'kouhou'],
      [at(2026, 11, 4), 'chat', 'gikai-toben'],
      [at(2026, 11, 17), 'summarize'],
    ]);
    const bars = weekBars(stats, recentWeeks(at(2026, 11, 18), 3));
    expect(bars.map((bar) => [bar.week, bar.byKind])).toEqual([
      ['2026-W45', { translate: 1, template: 2 }],
      ['2026-W46', {}],
      ['2026-W47', { summarize: 1 }],
    ]);
    expect(kindsIn(bars, ['summarize', 'polite', 'proofread', 'translate', 'chat', 'template'])).toEqual([
      'summarize',
      'translate',
      'template',
    ]);
  });

  it('starts each ISO week on its Monday', () => {
    expect(weekStart('2026-W49').toDateString()).toBe(at(2026, 11, 30).toDateString());
    expect(weekStart('2026-W01').toDateString()).toBe(at(2025, 12, 29).toDateString());
  });
});

describe('CSV export', () => {
  const stats = statsOf([
    [at(2026, 11, 24), 'summarize'],
    [at(2026, 11, 25), 'chat', 'gikai'],
  ]);
  const labels = {
    header: ['種類', '週', '週の始まり', '項目', '回数', '入力トークン', '出力トークン'] as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ],
    useRow: '利用',
    modelRow: 'モデル',
  };
  const csv = usageCsv(
    stats,
    ['2026-W48'],
    labels,
    (key) => (key === 'summarize' ? '要約する' : '議会答弁, "案"'),
    () => 'ChatGPT',
  );

  it('writes one row per week and use, and per week and model with tokens, in CRLF lines', () => {
    expect(csv.split('\r\n')).toEqual([
      '種類,週,週の始まり,項目,回数,入力トークン,出力トークン',
      '利用,2026-W48,2026-11-23,要約する,1,,',
      '利用,2026-W48,2026-11-23,"議会答弁, ""案""",1,,',
      'モデル,2026-W48,2026-11-23,ChatGPT,2,2000,400',
      '',
    ]);
  });

  it('starts with the UTF-8 byte order mark so Excel reads the Japanese', () => {
    const bytes = csvBytes(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // 「種」 in UTF-8, right after the mark (not Shift_JIS).
    expect([...bytes.slice(3, 6)]).toEqual([0xe7, 0xa8, 0xae]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(csv);
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../utils/extension-ids';
import { type UsageStats, withAnswer } from '../../utils/usage/stats';
import { type LoadedExtension, launchExtension } from './support/extension';

let extension: LoadedExtension;

/** Screenshots for README and docs/ when TATAKIDAI_SCREENSHOTS=1 (Japanese UI, 1280 × 720). */
const shot = (page: Page, name: string) =>
  process.env.TATAKIDAI_SCREENSHOTS === '1'
    ? page.screenshot({ path: resolve(import.meta.dirname, `../../docs/${name}`) })
    : Promise.resolve();

beforeAll(async () => {
  extension = await launchExtension();
});

afterAll(async () => {
  await extension?.close();
});

/** The options page as staff open it: a tab on a laptop screen. */
async function openOptions(path: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`chrome-extension://${EXTENSION_ID}/${path}`);
  return page;
}

/** Where a section's heading is on screen: near the top when the page has scrolled to it. */
const headingTop = (page: Page, id: string) =>
  page.evaluate(
    (section) => document.getElementById(`${section}-title`)?.getBoundingClientRect().top ?? -1,
    id,
  );

const inView = async (page: Page, id: string) => {
  const top = await headingTop(page, id);
  return top >= 0 && top < 120;
};

describe('options page: sections and deep links', () => {
  it('opens 接続 from #connection with the empty API key field focused and in view', async () => {
    const options = await openOptions('options.html#connection');
    const key = options.getByRole('textbox', { name: /APIキー/ });
    await expect.poll(() => key.evaluate((input) => input === document.activeElement)).toBe(true);
    const box = await key.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 720).toBe(true);
    // Staff read plain words; the technical gateway settings are folded away.
    await expect(options.getByLabel('認証ヘッダー名').isVisible()).resolves.toBe(false);
    await expect(options.locator('#admin-connection').getAttribute('open')).resolves.toBeNull();
    await options.evaluate(() => window.scrollTo(0, 0));
    await shot(options, 'screenshot-options.png');
    await options.close();
  });

  it('opens #pii at 個人情報の保護, and keeps the place through back, forward and reload', async () => {
    const options = await openOptions('options.html#pii');
    await expect.poll(() => inView(options, 'pii')).toBe(true);
    const current = () => options.locator('.section-links a[aria-current]').innerText();
    await expect.poll(current).toBe('個人情報の保護');

    await options.getByRole('link', { name: '履歴', exact: true }).click();
    await expect.poll(() => options.evaluate(() => location.hash)).toBe('#history');
    await expect.poll(() => inView(options, 'history')).toBe(true);
    await expect.poll(current).toBe('履歴');

    await options.goBack();
    await expect.poll(() => options.evaluate(() => location.hash)).toBe('#pii');
    await expect.poll(() => inView(options, 'pii')).toBe(true);
    await options.goForward();
    await expect.poll(() => inView(options, 'history')).toBe(true);

    await options.reload();
    await expect.poll(() => inView(options, 'history')).toBe(true);
    await expect.poll(current).toBe('履歴');
    await options.close();
  });

  it('fits each section within one laptop screen (1280 × 720)', async () => {
    const options = await openOptions('options.html');
    await expect.poll(() => options.locator('section.options-section').count()).toBe(10);
    const heights = await options.evaluate(() =>
      [...document.querySelectorAll('section.options-section')].map((section) => [
        section.id,
        section.getBoundingClientRect().height,
      ]),
    );
    for (const [id, height] of heights) expect(height, `section ${id}`).toBeLessThanOrEqual(720);
    await options.close();
  });

  it('finds a setting by a Japanese word and by an English word, and jumps to it', async () => {
    const options = await openOptions('options.html');
    const search = options.getByRole('searchbox', { name: '設定を検索' });
    await search.fill('履歴　日数'); // a full-width space, as a Japanese keyboard types it
    await expect.poll(() => options.locator('.search-results').innerText()).toContain('履歴を残す日数');
    await search.fill('retention');
    const result = options.locator('.search-results button').first();
    await expect.poll(() => result.innerText()).toContain('履歴を残す日数');
    await result.click();
    await expect.poll(() => options.evaluate(() => location.hash)).toBe('#history');
    const days = options.getByRole('spinbutton', { name: /履歴を残す日数/ });
    await expect.poll(() => days.evaluate((input) => input === document.activeElement)).toBe(true);

    // An admin setting opens the folded part it lives in.
    await search.fill('Bearer');
    await search.press('Enter');
    await expect.poll(() => options.getByLabel('認証の前置き', { exact: false }).isVisible()).toBe(true);
    await options.close();
  });
});

describe('options page: the usage report', () => {
  /** Three weeks of a clerk's use: this week, none last week, some the week before. */
  function clerkStats(now: Date): UsageStats {
    const day = (back: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - back, 10);
    const uses: [number, 'summarize' | 'translate' | 'chat', string?][] = [
      [0, 'summarize'],
      [0, 'summarize'],
      [0, 'chat', 'gikai-toben'],
      [14, 'translate'],
      [14, 'chat'],
    ];
    return uses.reduce<UsageStats>(
      (stats, [back, action, templateId]) =>
        withAnswer(stats, {
          at: day(back),
          model: 'gpt-4.1-mini',
          action,
          templateId,
          usage: { inputTokens: 800, outputTokens: 200 },
        }),
      { weeks: {} },
    );
  }

  it('draws uses per week stacked by action, with the empty week as a gap, and saves a CSV with a BOM', async () => {
    const stats = clerkStats(new Date());
    await extension.worker.evaluate((value) => chrome.storage.local.set({ usageStats: value }), stats);
    const options = await openOptions('options.html#usage');
    const weeks = options.locator('.usage-chart g.week');
    await expect.poll(() => weeks.count()).toBe(12);
    const thisWeek = weeks.last();
    await expect(thisWeek.locator('rect.bar-segment').count()).resolves.toBe(2); // summaries + a template
    const lastWeek = weeks.nth(10);
    await expect(lastWeek.getAttribute('data-uses')).resolves.toBe('0');
    await expect(lastWeek.locator('rect').count()).resolves.toBe(0);
    await expect(weeks.nth(9).locator('rect.bar-segment').count()).resolves.toBe(2);
    await expect(options.locator('.usage-legend').innerText()).resolves.toContain('要約する');
    await expect(options.locator('.usage-by-model').innerText()).resolves.toContain('4,000');
    await options.locator('#usage-title').scrollIntoViewIfNeeded();
    await options.evaluate(() => document.getElementById('usage')?.scrollIntoView());
    await shot(options, 'screenshot-usage.png');

    // The print view is the report alone: no navigation, no other section, no buttons.
    await options.emulateMedia({ media: 'print' });
    await expect(options.locator('#usage .usage-chart').isVisible()).resolves.toBe(true);
    await expect(options.locator('.options-nav').isVisible()).resolves.toBe(false);
    await expect(options.locator('#connection').isVisible()).resolves.toBe(false);
    await expect(options.getByRole('button', { name: '集計をリセット' }).isVisible()).resolves.toBe(false);
    await options.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'CSVで保存（Excel用）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tatakidai-usage-\d{8}-\d{4}\.csv$/);
    const path = await download.path();
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split('\r\n')[0]).toBe('種類,週,週の始まり,項目,回数,AIの処理量（入力）,AIの処理量（出力）');
    expect(text).toContain('要約する,2');
    await options.close();
  });
});

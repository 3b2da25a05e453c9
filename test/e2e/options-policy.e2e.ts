import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../utils/extension-ids';
import { type UsageStats, withAnswer } from '../../utils/usage/stats';
import { type LoadedExtension, launchExtension } from './support/extension';
import { removeManagedPolicy, waitForPolicyApplied, writeManagedPolicy } from './support/managed-policy';

/** A city's IT section fixes the connection, the personal-data rules and its own minutes-saved figures. */
const POLICY = {
  gateway: {
    baseUrl: 'http://127.0.0.1:9/v1',
    apiFormat: 'openai',
    auth: { header: 'x-litellm-api-key', scheme: 'Bearer', source: 'policy', value: 'sk-org-yaita-0001' },
    headers: { 'x-org-id': 'yaita' },
    userAttribution: { header: 'x-litellm-end-user-id', bodyUser: true },
  },
  userId: 'suzuki.ichiro@city.example.lg.jp',
  pii: { mode: 'redact', bannedTerms: ['取扱注意'] },
  sites: { blocked: ['*://*.lgwan.example.jp/*'] },
  guideline: { title: '矢板市生成AI利用ガイドライン', version: '2026-04', requireAcceptance: true },
  usage: { minutesSaved: { summarize: 30, chat: 6 } },
};

let extension: LoadedExtension;

beforeAll(async () => {
  writeManagedPolicy(POLICY);
  extension = await launchExtension();
  await waitForPolicyApplied(extension.worker, 'usage.minutesSaved.summarize');
});

afterAll(async () => {
  await extension?.close();
  removeManagedPolicy();
});

async function openOptions(hash: string): Promise<Page> {
  const page = await extension.context.newPage();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`chrome-extension://${EXTENSION_ID}/options.html${hash}`);
  return page;
}

describe('options page under a managed policy', () => {
  it('shows each forced connection setting disabled, with a drawn lock, where it comes from and its key', async () => {
    const options = await openOptions('#connection');
    const address = options.locator('#setting-gateway\\.baseUrl');
    const input = address.locator('input');
    await expect.poll(() => input.isDisabled()).toBe(true);
    await expect(input.evaluate((field: HTMLInputElement) => field.readOnly)).resolves.toBe(true);
    const badge = address.locator('.lock-badge');
    await expect(badge.innerText()).resolves.toContain('管理者がポリシーで設定');
    await expect(badge.locator('code').innerText()).resolves.toBe('gateway.baseUrl');
    // An inline SVG, not an emoji that needs an emoji font.
    await expect(badge.locator('svg.lock-icon').count()).resolves.toBe(1);
    await expect(options.locator('.lock-badge').allInnerTexts()).resolves.not.toContainEqual(
      expect.stringContaining('🔒'),
    );
    // Nothing in the connection part can change: its Save, and the preset picker, are off.
    const connection = options.locator('#connection');
    await expect(connection.getByRole('button', { name: '保存' }).first().isDisabled()).resolves.toBe(true);
    await connection.locator('#admin-connection > summary').click();
    await expect(options.getByLabel('ゲートウェイのプリセット').isDisabled()).resolves.toBe(true);
    await expect(options.getByLabel('認証ヘッダー名').isDisabled()).resolves.toBe(true);
    await expect(options.getByLabel('認証ヘッダー名').inputValue()).resolves.toBe('x-litellm-api-key');
    // The key comes from the organisation: nobody is asked for one.
    await expect(options.getByRole('textbox', { name: /^APIキー/ }).count()).resolves.toBe(0);
    await expect(options.locator('.check-lines').innerText()).resolves.toContain('組織のキーを使います');
    if (process.env.TATAKIDAI_SCREENSHOTS === '1') {
      await options.evaluate(() => window.scrollTo(0, 0));
      await options.screenshot({
        path: resolve(import.meta.dirname, '../../docs/screenshot-options-locked.png'),
      });
    }
    await options.close();
  });

  it('shows the personal-data mode, blocked sites and the guideline in their own sections, locked', async () => {
    const options = await openOptions('#pii');
    const mode = options.locator('#setting-pii\\.mode');
    await expect.poll(() => mode.innerText()).toContain('記号に置き換えて送る');
    await expect(mode.locator('.lock-badge svg').count()).resolves.toBe(1);
    const blocked = options.locator('#sites #setting-sites\\.blocked');
    await expect(blocked.innerText()).resolves.toContain('*://*.lgwan.example.jp/*');
    await expect(blocked.locator('.lock-badge').innerText()).resolves.toContain('sites.blocked');
    const guideline = options.locator('#policy #setting-guideline\\.title');
    await expect(guideline.innerText()).resolves.toContain('矢板市生成AI利用ガイドライン');
    await expect(guideline.locator('.lock-badge').count()).resolves.toBe(1);
    // The effective policy, readable: the setting's name in words, its key, its value and source.
    const row = options.locator('.effective-policy tr', { hasText: 'pii.mode' });
    await expect(row.innerText()).resolves.toContain('個人情報が見つかったときの扱い');
    await expect(row.innerText()).resolves.toContain('管理者（ポリシー）');
    await options.close();
  });

  it('estimates this month’s time saved with the policy’s minutes per action', async () => {
    const now = new Date();
    const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), 9);
    const uses: ['summarize' | 'chat' | 'translate', number][] = [
      ['summarize', 4],
      ['chat', 5],
      ['translate', 1],
    ];
    let stats: UsageStats = { weeks: {} };
    for (const [action, count] of uses)
      for (let index = 0; index < count; index++)
        stats = withAnswer(stats, { at: today, model: 'gpt-4.1-mini', action });
    await extension.worker.evaluate((value) => chrome.storage.local.set({ usageStats: value }), stats);
    const options = await openOptions('#usage');
    // 4 × 30 (policy) + 5 × 6 (policy) + 1 × 20 (the default for translation) = 170 minutes ≈ 2.8 hours.
    await expect
      .poll(() => options.locator('.minutes-saved strong').innerText())
      .toBe('今月の削減見込み: 約 2.8 時間');
    await options.locator('.minutes-settings > summary').click();
    const summarize = options.locator('#setting-usage\\.minutesSaved\\.summarize');
    await expect(summarize.locator('input').isDisabled()).resolves.toBe(true);
    await expect(summarize.locator('input').inputValue()).resolves.toBe('30');
    await expect(summarize.locator('.lock-badge code').innerText()).resolves.toBe(
      'usage.minutesSaved.summarize',
    );
    await options.close();
  });
});

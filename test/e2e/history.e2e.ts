import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { gatewaySettings, saveSettingsInExtension } from './support/panel';

const QUESTION = '令和7年第3回定例会の議会答弁案を作ってください。テーマは子育て支援の拡充です。';
const ANSWER =
  'ご質問の子育て支援の拡充についてお答えいたします。本市では令和8年度から保育料の軽減を拡大します。';

const IMPORTED = {
  format: 'tatakidai-history',
  version: 1,
  exportedAt: '2025-06-04T09:00:00.000Z',
  conversations: [
    {
      id: 'c-madoguchi',
      kind: 'action',
      action: 'polite',
      title: '丁寧にする: 窓口での苦情への回答',
      model: 'gpt-4.1-mini',
      pageUrl: 'https://www.city.example.lg.jp/koe/123.html',
      pageTitle: '市民の声｜〇〇市',
      input: '書類がないと受け取れません。平日に来てください。',
      system: 'You help staff of a Japanese municipal office draft and check documents.',
      status: 'complete',
      createdAt: 1748941200000,
      updatedAt: 1748941260000,
      messages: [
        {
          id: 'm-madoguchi-a',
          role: 'assistant',
          content: 'お手数をおかけしますが、本人確認書類をお持ちのうえ、平日の開庁時間にお越しください。',
          model: 'gpt-4.1-mini',
          status: 'complete',
          createdAt: 1748941230000,
          updatedAt: 1748941260000,
        },
      ],
    },
  ],
};

let gateway: GatewayServer;
let extension: LoadedExtension;
let panel: Page;

async function openHistory(page: Page) {
  await page.getByRole('button', { name: '履歴', exact: true }).click();
}

async function importFile(page: Page, name: string, contents: string) {
  await page
    .getByLabel('バックアップから戻す', { exact: true })
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
}

function rowTitles(page: Page) {
  return page.locator('.history-row .history-title').allTextContents();
}

beforeAll(async () => {
  gateway = await startGatewayServer();
  extension = await launchExtension();
  await saveSettingsInExtension(extension.worker, gatewaySettings(gateway.url, 'openai', ['gpt-4.1-mini']));
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  await extension?.close();
  await gateway?.close();
});

describe('history in real Chromium', () => {
  it('finds a chat by a Japanese substring typed into the search box, after a reload', async () => {
    gateway.setReply(ANSWER);
    await panel.getByLabel('メッセージを入力').fill(QUESTION);
    await panel.getByRole('button', { name: '送信' }).click();
    await expect.poll(() => panel.getByText('保育料の軽減').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => panel.getByRole('button', { name: '停止' }).count()).toBe(0);

    await panel.reload();
    await openHistory(panel);
    const search = panel.getByRole('searchbox', { name: '履歴を検索' });
    await search.pressSequentially('議会答弁', { delay: 60 });
    await expect.poll(() => rowTitles(panel)).toEqual([expect.stringContaining('議会答弁案')]);
    expect(await panel.locator('.history-row mark').first().textContent()).toBe('議会答弁');

    await search.fill('保育料');
    await expect
      .poll(() => panel.locator('.history-row .history-snippet mark').allTextContents())
      .toEqual(['保育料']);
  });

  it('imports a history file and refuses a broken one with a message, changing nothing', async () => {
    await panel.reload();
    await openHistory(panel);
    await importFile(panel, 'history.json', JSON.stringify(IMPORTED));
    await expect
      .poll(() => panel.locator('.notice').allTextContents())
      .toContainEqual(expect.stringContaining('1件を追加'));
    expect(await rowTitles(panel)).toHaveLength(2);

    await importFile(panel, 'broken.json', '{"format":"tatakidai-history","version":1,"__proto__":{}}');
    await expect
      .poll(() => panel.locator('.notice').allTextContents())
      .toContainEqual(expect.stringContaining('安全でないキー「__proto__」'));
    expect(await rowTitles(panel)).toHaveLength(2);
  });

  it('finds conversations by a single character, as staff search for 税, 市 or 課', async () => {
    const search = panel.getByRole('searchbox', { name: '履歴を検索' });
    await search.fill('苦');
    await expect.poll(() => rowTitles(panel)).toEqual(['丁寧にする: 窓口での苦情への回答']);
    expect(await panel.locator('.history-row .history-title mark').allTextContents()).toEqual(['苦']);
    await search.fill('保');
    await expect.poll(() => rowTitles(panel)).toEqual([expect.stringContaining('議会答弁案')]);
    await expect
      .poll(() => panel.locator('.history-row .history-snippet mark').allTextContents())
      .toEqual(['保']);
    // 市 is in the imported page title (ranked first) and in the chat's answer (本市).
    await search.fill('市');
    await expect
      .poll(() => rowTitles(panel))
      .toEqual(['丁寧にする: 窓口での苦情への回答', expect.stringContaining('議会答弁案')]);
  });

  it('exports a file that restores the same history into a fresh browser profile', async () => {
    const downloading = panel.waitForEvent('download');
    await panel.getByRole('button', { name: 'バックアップとして保存' }).click();
    const download = await downloading;
    const path = join(extension.profile, 'export.json');
    await download.saveAs(path);
    const exported = JSON.parse(readFileSync(path, 'utf8')) as {
      format: string;
      conversations: { title: string }[];
    };
    expect(exported.format).toBe('tatakidai-history');
    const titles = exported.conversations.map((entry) => entry.title);
    expect(titles).toHaveLength(2);
    expect(titles).toEqual(
      expect.arrayContaining([expect.stringContaining('議会答弁案'), '丁寧にする: 窓口での苦情への回答']),
    );

    const fresh = await launchExtension();
    try {
      const page = await fresh.openPage('sidepanel.html');
      await openHistory(page);
      await expect.poll(() => page.locator('.history-empty').count()).toBe(1);
      await importFile(page, 'export.json', readFileSync(path, 'utf8'));
      await expect
        .poll(() => page.locator('.notice').allTextContents())
        .toContainEqual(expect.stringContaining('2件を追加'));
      await expect.poll(() => rowTitles(page)).toHaveLength(2);
      await page.getByRole('searchbox', { name: '履歴を検索' }).pressSequentially('窓口', { delay: 40 });
      // Saved under an older name of the action, the title keeps it (only the current name is on the date line).
      await expect.poll(() => rowTitles(page)).toEqual(['丁寧にする: 窓口での苦情への回答']);
    } finally {
      await fresh.close();
    }
  });

  it('deletes all history after the user confirms', async () => {
    panel.once('dialog', (dialog) => void dialog.accept());
    await panel.getByRole('button', { name: '履歴をすべて削除' }).click();
    await expect.poll(() => panel.locator('.history-empty').count()).toBe(1);
    await panel.reload();
    await openHistory(panel);
    await expect.poll(() => panel.locator('.history-empty').count()).toBe(1);
  });
});

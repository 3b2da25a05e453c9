import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTINUE_INSTRUCTION } from '../../utils/conversation/continue';
import { type ChatRequestBody, type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { CHROMIUM_LOOPBACK_ONLY } from '../support/loopback';
import { EXTENSION_DIR, type LoadedExtension, launchExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/pages';
import { clickMenuItem, gatewaySettings, saveSettingsInExtension, selectElementText } from './support/panel';

const ANSWER =
  '- マイナンバーカードの受け取りには**交付通知書**と本人確認書類が必要です。\n' +
  '- 受付は平日 8:30〜17:15、市民課窓口です。\n' +
  '- 混雑するため事前予約をおすすめします。';
const SENTENCE = 'マイナンバーカードの受け取りには、交付通知書と本人確認書類が必要です。';

let extension: LoadedExtension;
let gateway: GatewayServer;
let site: PageServer;
let article: Page;
let panel: Page;

function lastMessage(body: ChatRequestBody): string {
  const content = body.messages?.at(-1)?.content;
  return typeof content === 'string' ? content : '';
}

beforeAll(async () => {
  [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  extension = await launchExtension();
  const settings = gatewaySettings(gateway.url, 'openai', ['gpt-4.1-mini']);
  // A small input budget, so that a few thousand characters already count as long.
  settings.models = [{ id: 'gpt-4.1-mini', maxInputChars: 1_500 }];
  await saveSettingsInExtension(extension.worker, settings);
  article = await extension.context.newPage();
  await article.goto(`${site.url}/article.html`);
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  await extension?.close();
  await Promise.all([gateway?.close(), site?.close()]);
});

beforeEach(async () => {
  gateway.chunkDelayMs = 2;
  gateway.setReply(ANSWER);
  await panel.getByRole('button', { name: '新しい会話' }).click();
});

/** A long notice put into the page, as if the user had opened a long PDF-like announcement. */
async function selectLongText(characters: number): Promise<string> {
  await article.evaluate((count) => {
    const sentence = 'マイナンバーカードの受け取りには、交付通知書と本人確認書類が必要です。';
    const paragraphs: string[] = [];
    for (let length = 0; length < count; length += sentence.length * 4) paragraphs.push(sentence.repeat(4));
    let element = document.querySelector('#long');
    if (!element) {
      element = document.createElement('div');
      element.id = 'long';
      element.setAttribute('style', 'white-space: pre-wrap');
      document.body.append(element);
    }
    element.textContent = paragraphs.join('\n\n');
  }, characters);
  return selectElementText(article, '#long');
}

describe('streaming that survives faults, in the side panel', () => {
  it('counts down after a 429 with Retry-After, retries by itself and shows the answer', async () => {
    gateway.failNext({ status: 429, headers: { 'retry-after': '3' } });
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    const countdown = card.locator('.retry-countdown');
    await expect
      .poll(() => countdown.innerText())
      .toMatch(/[123]秒後に自動で再試行します（1回目 \/ 最大3回）/);
    const seen = await countdown.innerText();
    await expect.poll(() => countdown.count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('事前予約をおすすめします');
    expect(seen).toContain('停止');
    expect(gateway.requests.filter((request) => request.method === 'POST').length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the part of an answer whose connection dropped, marks it, and finishes it with Continue', async () => {
    gateway.chunkSize = 3;
    const card = panel.locator('article.result-card');
    // A reset connection loses whatever the browser had not read yet, so the gateway resets only once the
    // panel shows the first words. The model continues from the text the panel kept, which it receives back.
    gateway.dropAfterChunks(8, 'reset', () =>
      expect
        .poll(() => card.locator('.result-body').innerText(), { timeout: 15_000 })
        .toContain('マイナンバー'),
    );
    gateway.setReply((body) => {
      if (lastMessage(body) !== CONTINUE_INSTRUCTION) return ANSWER;
      const partial = body.messages?.at(-2)?.content;
      return ANSWER.slice(typeof partial === 'string' ? partial.length : 0);
    });
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    await expect
      .poll(() => card.innerText(), { timeout: 15_000 })
      .toContain('ここまでの回答は残してあります');
    const cut = await card.locator('.result-body').innerText();
    expect(cut).toContain('マイナンバーカードの受け取りには');
    expect(cut).not.toContain('事前予約');
    await expect(card.locator('h2 .badge').innerText()).resolves.toBe('中断');

    await card.getByRole('button', { name: '続きを書く' }).click();
    await expect
      .poll(() => card.locator('.result-body').innerText(), { timeout: 15_000 })
      .toContain('事前予約');
    await expect.poll(() => card.getAttribute('aria-busy')).toBe('false');
    const whole = await card.locator('.result-body').innerText();
    // Once each: nothing of the first part is repeated.
    expect(whole.split('マイナンバーカード').length - 1).toBe(1);
    expect(whole).toContain('交付通知書');
    expect(await card.locator('li').count()).toBe(3);
    const sent = gateway.requests.at(-1)?.body?.messages ?? [];
    expect(sent.at(-2)?.role).toBe('assistant');
    const partial = String(sent.at(-2)?.content);
    expect(partial.length).toBeGreaterThan(2);
    expect(ANSWER.startsWith(partial)).toBe(true);
  });

  it('summarises a selection longer than the model takes in parts, showing "n / m", then the combined answer', async () => {
    gateway.chunkDelayMs = 25;
    gateway.setReply((body) => {
      const system = typeof body.system === 'string' ? body.system : JSON.stringify(body.messages?.[0] ?? '');
      const all = `${system}${JSON.stringify(body.messages)}`;
      const part = /part (\d+) of (\d+)/.exec(all);
      if (part) return `- 部分${part[1]}：交付通知書と本人確認書類が必要。`;
      return '- 全体の要点：受け取りには交付通知書と本人確認書類が必要です。';
    });
    const selected = await selectLongText(6_000);
    expect(selected.length).toBeGreaterThan(5_000);
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    const progress = card.locator('.progress-label');
    await expect
      .poll(() => progress.innerText(), { timeout: 15_000 })
      .toMatch(/長い文章を分けて要約しています: [1-9]\d* \/ \d+/);
    const [, done, total] = /(\d+) \/ (\d+)/.exec(await progress.innerText()) ?? [];
    expect(Number(total)).toBeGreaterThanOrEqual(4);
    expect(Number(done)).toBeLessThanOrEqual(Number(total));
    await expect.poll(() => card.innerText(), { timeout: 30_000 }).toContain('全体の要点');
    await expect.poll(() => progress.count()).toBe(0);
    // Every part went out once, each within the budget, then the combining step.
    const posts = gateway.requests.filter((request) => request.method === 'POST').slice(-Number(total) - 1);
    for (const post of posts) expect(lastMessage(post.body ?? {}).length).toBeLessThanOrEqual(1_500);
    expect(lastMessage(posts.at(-1)?.body ?? {})).toContain('部分1');
  });

  it('offers to rewrite only the first part of a selection too long to rewrite politely', async () => {
    gateway.setReply('お手数ですが、交付通知書と本人確認書類をお持ちください。');
    await selectLongText(3_000);
    await clickMenuItem(extension.worker, 'polite', `${site.url}/article.html`);
    await expect.poll(() => panel.getByText('選択された文章が長すぎます').count()).toBe(1);
    await panel.getByRole('button', { name: /最初の 1500 文字で実行する/ }).click();
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('お持ちください');
    expect(lastMessage(gateway.requests.at(-1)?.body ?? {}).length).toBeLessThanOrEqual(1_600);
    expect(lastMessage(gateway.requests.at(-1)?.body ?? {})).toContain(SENTENCE);
  });
});

describe('zero cost on pages the extension is not used on', () => {
  it('declares no content scripts', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  it('leaves a page exactly as a browser without the extension shows it', async () => {
    const inspect = async (page: Page) => {
      await page.goto(`${site.url}/article.html`);
      // Anything an extension added would load too: wait until the page's network has been quiet.
      await page.waitForLoadState('networkidle');
      return page.evaluate(() => ({
        html: document.documentElement.outerHTML,
        scripts: document.scripts.length,
        extensionResources: performance
          .getEntriesByType('resource')
          .filter((entry) => !entry.name.startsWith(location.origin)).length,
        nodes: document.getElementsByTagName('*').length,
      }));
    };
    const withExtension = await inspect(await extension.context.newPage());
    const plain = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', CHROMIUM_LOOPBACK_ONLY],
    });
    try {
      const without = await inspect(await plain.newPage());
      expect(withExtension).toEqual(without);
      expect(withExtension.scripts).toBe(0);
      expect(withExtension.extensionResources).toBe(0);
    } finally {
      await plain.close();
    }
  });
});

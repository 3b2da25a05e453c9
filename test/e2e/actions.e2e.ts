import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { EXTENSION_DIR, type LoadedExtension, launchExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/pages';
import {
  clickMenuItem,
  gatewaySettings,
  saveSettingsInExtension,
  selectElementText,
  selectInField,
  storedAnswers,
} from './support/panel';

const SUMMARY =
  '- マイナンバーカードの受け取りには**交付通知書**と本人確認書類が必要です。\n- 受付は平日 8:30〜17:15、市民課窓口です。\n- 混雑するため事前予約をおすすめします。';
const POLITE =
  'お問い合わせいただき、ありがとうございます。受け取りの際は、交付通知書と本人確認書類をお持ちください。平日の開庁時間にお越しくださいますよう、お願い申し上げます。';

let extension: LoadedExtension;
let gateway: GatewayServer;
let site: PageServer;
let article: Page;
let panel: Page;

beforeAll(async () => {
  [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  extension = await launchExtension();
  await saveSettingsInExtension(extension.worker, gatewaySettings(gateway.url, 'openai', ['gpt-4.1-mini']));
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
  gateway.setReply(SUMMARY);
  await panel.getByRole('button', { name: '新しい会話' }).click();
});

async function lastRequestBody() {
  const last = gateway.requests.at(-1);
  return last?.body as { messages: { role: string; content: string }[] };
}

describe('right-click actions in the side panel', () => {
  it('summarises the selected text, read with its line breaks, streaming into an open panel', async () => {
    gateway.chunkDelayMs = 15;
    const selected = await selectElementText(article, '#notice');
    expect(selected).toContain('\n');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);

    const card = panel.locator('article.result-card');
    await expect.poll(() => card.getAttribute('aria-busy')).toBe('true');
    await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    await expect(card.getByRole('heading', { name: '要約する' }).isVisible()).resolves.toBe(true);
    await expect(card.locator('li').allInnerTexts()).resolves.toHaveLength(3);
    await expect(card.innerText()).resolves.toContain('事前予約をおすすめします');
    // Text selected in a normal paragraph cannot be written back, so Replace is not offered.
    await expect(card.getByRole('button', { name: '選択部分を置き換え' }).count()).resolves.toBe(0);

    const body = await lastRequestBody();
    // The page text travels with its line breaks, inside the data fence.
    expect(body.messages.at(-1)?.content).toContain('本人確認書類が必要です。\n受け取りは');
    if (process.env.TATAKIDAI_SCREENSHOTS === '1') {
      // The side panel's real size.
      await panel.setViewportSize({ width: 380, height: 800 });
      await panel.screenshot({ path: resolve(import.meta.dirname, '../../docs/screenshot-sidepanel.png') });
      await panel.setViewportSize({ width: 420, height: 760 });
    }
  });

  it('runs a job from a panel that opens after the click (the hand-off waits for it)', async () => {
    await selectElementText(article, '#notice');
    await panel.close();
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    panel = await extension.openPage('sidepanel.html');
    await expect
      .poll(() => panel.locator('article.result-card').innerText(), { timeout: 15_000 })
      .toContain('市民課窓口');
  });

  it('rewrites a reply politely and replaces it in the textarea it came from', async () => {
    gateway.setReply(POLITE);
    await selectInField(article, '#reply');
    await clickMenuItem(extension.worker, 'polite', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('お願い申し上げます');
    await card.getByRole('button', { name: '選択部分を置き換え' }).click();
    await expect.poll(() => article.locator('#reply').inputValue()).toBe(POLITE);
    await expect(panel.getByText('元の文章を置き換えました').isVisible()).resolves.toBe(true);
  });

  it('proofreads with a visible diff and a list of changes', async () => {
    gateway.setReply(
      '<corrected>\n窓口は混んでいるので、予約してください。\n</corrected>\n<changes>\n- 「混んでる」を「混んでいる」に修正（い抜き言葉）\n- 「予約してね」を丁寧な依頼の形に修正\n</changes>',
    );
    await selectElementText(article, '#editor');
    await clickMenuItem(extension.worker, 'proofread', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    await expect(card.locator('ins').count()).resolves.toBeGreaterThan(0);
    await expect(card.locator('del').count()).resolves.toBeGreaterThan(0);
    await expect(card.getByText('い抜き言葉', { exact: false }).isVisible()).resolves.toBe(true);
    // Replace writes the corrected text only, not the tags or the change list.
    await card.getByRole('button', { name: '選択部分を置き換え' }).click();
    await expect
      .poll(() => article.locator('#editor').innerText())
      .toBe('窓口は混んでいるので、予約してください。');
  });

  it('translates English into Japanese by default and into やさしい日本語 on request', async () => {
    gateway.setReply('住民の皆さんは、平日に市民課の窓口でマイナンバーカードを受け取ることができます。');
    await selectElementText(article, '#english');
    await clickMenuItem(extension.worker, 'translate', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('受け取ることができます');
    const picker = card.getByRole('combobox', { name: '翻訳先' });
    await expect(picker.inputValue()).resolves.toBe('ja');

    gateway.setReply('マイナンバーカードは、平日に 市役所の 市民課で もらうことが できます。');
    await picker.selectOption('ja-easy');
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('もらうことが できます');
    const body = await lastRequestBody();
    expect(body.messages[0]?.content).toContain('やさしい日本語');
    expect(body.messages.at(-1)?.content).toContain('Residents can pick up');
  });

  it('keeps the partial answer when the user presses Stop', async () => {
    gateway.chunkDelayMs = 60;
    gateway.setReply(POLITE.repeat(4));
    await selectInField(article, '#reply');
    await clickMenuItem(extension.worker, 'polite', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect
      .poll(() => card.locator('.result-body').innerText(), { timeout: 15_000 })
      .toContain('お問い合わせ');
    await card.getByRole('button', { name: '停止' }).click();
    await expect.poll(() => card.getAttribute('aria-busy')).toBe('false');
    const kept = await card.locator('.result-body').innerText();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(POLITE.repeat(4).length);
    await expect(panel.getByText('停止しました。').isVisible()).resolves.toBe(true);
  });

  it('explains a refused key in words and what to do', async () => {
    gateway.failNext({
      status: 401,
      body: { error: { message: 'Invalid API key', type: 'invalid_request_error' } },
    });
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    await expect
      .poll(() => panel.locator('article.result-card').innerText(), { timeout: 15_000 })
      .toContain('APIキーが受け付けられませんでした');
  });

  it('retries after a gateway error, then continues the same conversation in chat', async () => {
    // The panel retries a 500 twice by itself; a third one is shown, and the user retries.
    for (let attempt = 0; attempt < 3; attempt++) {
      gateway.failNext({ status: 500, body: { error: { message: 'upstream timeout' } } });
    }
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect
      .poll(() => card.innerText(), { timeout: 15_000 })
      .toContain('ゲートウェイ側でエラーが起きました');

    await card.getByRole('button', { name: 'もう一度' }).click();
    await expect
      .poll(() => card.locator('.result-body').innerText(), { timeout: 15_000 })
      .toContain('市民課窓口');
    await expect(card.innerText()).resolves.not.toContain('ゲートウェイ側でエラーが起きました');

    await card.getByRole('button', { name: 'チャットで続ける' }).click();
    const box = panel.getByRole('textbox', { name: /メッセージ/ });
    await expect.poll(() => box.evaluate((element) => element === document.activeElement)).toBe(true);
    gateway.setReply('- 交付通知書をお持ちください。');
    await box.fill('もっと短くして');
    await box.press('Enter');
    await expect
      .poll(() => panel.locator('.message-assistant').last().innerText(), { timeout: 15_000 })
      .toContain('交付通知書をお持ちください');
    // The follow-up carries the action's question and answer, so the model knows what "it" is.
    const body = await lastRequestBody();
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(body.messages[1]?.content).toMatch(/<document-[0-9a-f]{16}>/);
  });
});

describe('side-panel chat and history', () => {
  it('streams a multi-turn chat and keeps it in history across a reload', async () => {
    const box = panel.getByRole('textbox', { name: /メッセージ/ });
    gateway.setReply('議会答弁案のたたき台です。\n\n1. 現状\n2. 課題\n3. 今後の方針');
    await box.fill('子育て支援についての議会答弁案を作って');
    await box.press('Enter');
    await expect
      .poll(() => panel.locator('.message-assistant').last().innerText(), { timeout: 15_000 })
      .toContain('今後の方針');

    gateway.setReply('承知しました。課題の部分を詳しくします。');
    await box.fill('課題を詳しく');
    await box.press('Shift+Enter');
    await box.pressSequentially('お願いします');
    await expect(box.inputValue()).resolves.toBe('課題を詳しく\nお願いします');
    await box.press('Enter');
    await expect
      .poll(() => panel.locator('.message-assistant').last().innerText(), { timeout: 15_000 })
      .toContain('課題の部分を詳しくします');
    await expect.poll(() => panel.getByRole('button', { name: '送信' }).count()).toBe(1);
    const body = await lastRequestBody();
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);

    await panel.reload();
    await panel.getByRole('button', { name: '履歴' }).click();
    await panel.getByRole('button', { name: /^子育て支援についての議会答弁案/ }).click();
    await expect.poll(() => panel.locator('.message-assistant').count()).toBe(2);
    await expect(panel.locator('.conversation').innerText()).resolves.toContain('課題の部分を詳しくします');
  });

  it('renders a hostile answer without raw HTML and without loading remote images', async () => {
    gateway.setReply(
      `結果です <img src="${site.url}/pixel-html.png" onerror="document.title='pwned'">\n\n![追跡](${site.url}/pixel-md.png)\n\n[危険なリンク](javascript:alert(1)) と [市のサイト](https://www.city.yaita.tochigi.jp/)`,
    );
    const box = panel.getByRole('textbox', { name: /メッセージ/ });
    await box.fill('テスト');
    await box.press('Enter');
    const answer = panel.locator('.message-assistant').last();
    await expect.poll(() => answer.innerText(), { timeout: 15_000 }).toContain('市のサイト');
    await expect(answer.locator('img').count()).resolves.toBe(0);
    await expect(answer.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
    await expect(answer.locator('a[href^="https://www.city.yaita"]').getAttribute('target')).resolves.toBe(
      '_blank',
    );
    expect(site.requests.filter((path) => path.includes('pixel'))).toEqual([]);
    await expect(panel.title()).resolves.not.toBe('pwned');
  });
});

describe('the installed extension', () => {
  it('keeps history across a browser restart', async () => {
    gateway.setReply('通知文のたたき台です。');
    const box = panel.getByRole('textbox', { name: /メッセージ/ });
    await box.fill('粗大ごみ収集日の変更を知らせる通知文');
    await box.press('Enter');
    // Closing the browser the instant the answer ends could beat the last write; wait until it is stored.
    await expect.poll(() => storedAnswers(panel), { timeout: 15_000 }).toContain('通知文のたたき台です。');

    await extension.close({ keepProfile: true });
    extension = await launchExtension({ profile: extension.profile });
    panel = await extension.openPage('sidepanel.html');
    await panel.getByRole('button', { name: '履歴' }).click();
    await panel.getByRole('button', { name: /^粗大ごみ収集日の変更/ }).click();
    await expect.poll(() => panel.locator('.conversation').innerText()).toContain('通知文のたたき台です。');
  });

  it('declares no content script and injects nothing into a page it was not used on', async () => {
    const manifest = JSON.parse(readFileSync(resolve(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts).toBeUndefined();
    const fresh = await extension.context.newPage();
    await fresh.goto(`${site.url}/article.html`);
    const html = await fresh.evaluate(() => document.documentElement.outerHTML);
    expect(html).not.toMatch(/chrome-extension:|tatakidai/i);
    await fresh.close();
  });
});

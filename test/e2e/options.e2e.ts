import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';

let extension: LoadedExtension;
let gateway: GatewayServer;
let options: Page;

beforeAll(async () => {
  gateway = await startGatewayServer();
  gateway.knownModels = ['gpt-4.1-mini', 'claude-sonnet-4-5'];
  extension = await launchExtension();
  options = await extension.openPage('options.html');
  // These tests set up the gateway as an administrator would: unfold the technical parts.
  await options.locator('details.admin-settings').first().waitFor({ state: 'attached' });
  await options.evaluate(() => {
    for (const part of document.querySelectorAll('details.admin-settings')) part.setAttribute('open', '');
  });
});

afterAll(async () => {
  await extension?.close();
  await gateway?.close();
});

async function fillGateway(page: Page, values: { url: string; key: string; models: string }) {
  await page.getByLabel('ゲートウェイのURL').fill(values.url);
  await page.getByLabel(/^APIキー/).fill(values.key);
  await page.getByLabel('モデル名（1行に1つ）').fill(values.models);
}

/** What the page says: the connection check's lines, then the last notice (saved, fetched…). */
const notice = async () =>
  `${await options.locator('.check-lines').innerText()}\n${(await options.locator('.notice').allInnerTexts()).join('\n')}`;
const save = (section: string) =>
  options.locator(`#${section}`).getByRole('button', { name: '保存' }).first();

describe('options page: connecting to the gateway', () => {
  it('saves the gateway and reports a working connection', async () => {
    await fillGateway(options, {
      url: gateway.url,
      key: 'sk-yaita-0001',
      models: 'gpt-4.1-mini\nclaude-sonnet-4-5',
    });
    await save('connection').click();
    await expect.poll(notice).toContain('保存しました');
    await options.getByRole('button', { name: '接続テスト' }).click();
    // Plain words for staff; the model id only in the details.
    await expect.poll(notice, { timeout: 15_000 }).toContain('応答がありました');
    await expect(options.locator('.test-details').textContent()).resolves.toContain('モデルID: gpt-4.1-mini');
    const request = gateway.requests.at(-1);
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe('Bearer sk-yaita-0001');
    // Saved for real: another page reads the same settings.
    const saved = await extension.worker.evaluate(() => chrome.storage.local.get('settings'));
    expect(JSON.stringify(saved)).toContain('claude-sonnet-4-5');
  });

  it('says the key was refused, and what to do, on a 401', async () => {
    gateway.failNext({ status: 401, body: { error: { message: 'invalid api key' } } });
    await options.getByRole('button', { name: '接続テスト' }).click();
    await expect.poll(notice, { timeout: 15_000 }).toContain('APIキーが受け付けられませんでした');
  });

  it('names a model the gateway does not know', async () => {
    await options.getByLabel('モデル名（1行に1つ）').fill('gpt-9-turbo');
    await options.getByLabel('既定のモデル').selectOption('gpt-9-turbo');
    await options.getByRole('button', { name: '接続テスト' }).click();
    await expect
      .poll(notice, { timeout: 15_000 })
      .toContain('モデル「gpt-9-turbo」がゲートウェイにありません');
  });

  it('rejects a URL that is not http(s)', async () => {
    await options.getByLabel('ゲートウェイのURL').fill('ftp://ai-gw.example.lg.jp/v1');
    await options.getByRole('button', { name: '接続テスト' }).click();
    await expect.poll(notice).toContain('ゲートウェイのURLが正しくありません');
  });

  it('explains a missing permission for a gateway on another origin', async () => {
    await options.getByLabel('ゲートウェイのURL').fill('http://ai-gw.invalid/v1');
    await expect.poll(() => options.locator('.permission').innerText()).toContain('接続許可がありません');
    await options.getByRole('button', { name: '接続テスト' }).click();
    await expect.poll(notice, { timeout: 20_000 }).toContain('接続が許可されていません');
  });

  it('talks the Anthropic Messages format with the x-api-key header', async () => {
    await fillGateway(options, { url: gateway.url, key: 'sk-ant-yaita', models: 'claude-sonnet-4-5' });
    await options.getByLabel('API形式').selectOption('anthropic');
    await options.getByLabel('既定のモデル').selectOption('claude-sonnet-4-5');
    await options.getByRole('button', { name: '接続テスト' }).click();
    await expect.poll(notice, { timeout: 15_000 }).toContain('応答がありました');
    await expect(options.locator('.test-details').textContent()).resolves.toContain(
      'モデルID: claude-sonnet-4-5',
    );
    const request = gateway.requests.at(-1);
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['x-api-key']).toBe('sk-ant-yaita');
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('switches the whole UI to English when the user chooses it', async () => {
    await options.getByLabel('表示言語').selectOption('en');
    await save('display').click();
    await expect
      .poll(() => options.getByRole('heading', { level: 1 }).innerText())
      .toBe('Tatakidai settings');
    const panel = await extension.openPage('sidepanel.html');
    await expect.poll(() => panel.getByRole('textbox', { name: /Message/ }).count()).toBe(1);
    await expect.poll(() => panel.getByRole('button', { name: 'New conversation' }).count()).toBe(1);
  });
});

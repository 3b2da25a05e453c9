import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { NO_PERMISSION_HOST } from '../support/loopback';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/pages';
import { gatewaySettings, saveSettingsInExtension, selectElementText } from './support/panel';

/**
 * The extension may read a page only with a host permission (ours: 127.0.0.1 and localhost, for tests) or an
 * activeTab grant from the user's gesture (a real click on our menu item or our shortcut). Headless, no such
 * gesture can be made (test/e2e/gesture.e2e.ts presses the real key on a virtual display; the menu click is
 * unit-tested in test/unit/menu-click.test.ts). Here a page on a name with no permission (`city.test`, resolved to 127.0.0.1 by the test browser's rules)
 * shows what happens without a grant.
 */

let extension: LoadedExtension;
let gateway: GatewayServer;
let site: PageServer;
let panel: Page;
let cityPage: Page;
let cityUrl: string;

/** What the shortcut and the page menu call in the worker; here without the gesture that would grant activeTab. */
async function inWorker(call: 'shortcut' | 'page-ask', page: Page): Promise<void> {
  const pageUrl = page.url();
  // Without a permission for the page, the extension cannot even see its tab's URL: find it as the active one.
  await page.bringToFront();
  await extension.worker.evaluate(
    async ({ call, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      if (!tab) throw new Error(`no active tab for ${pageUrl}`);
      const hooks = globalThis as unknown as {
        tatakidaiCommand(command: string, tab: unknown): void;
        tatakidaiMenuClick(info: unknown, tab: unknown): void;
      };
      if (call === 'shortcut') hooks.tatakidaiCommand('run-last-action', tab);
      else hooks.tatakidaiMenuClick({ menuItemId: 'page-ask', frameId: 0, pageUrl, editable: false }, tab);
    },
    { call, pageUrl },
  );
}

const posts = () => gateway.requests.filter((request) => request.method === 'POST');

beforeAll(async () => {
  [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  extension = await launchExtension();
  await saveSettingsInExtension(extension.worker, gatewaySettings(gateway.url, 'openai', ['gpt-4.1-mini']));
  cityUrl = `${site.url.replace('127.0.0.1', NO_PERMISSION_HOST)}/article.html`;
  cityPage = await extension.context.newPage();
  await cityPage.goto(cityUrl);
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  await extension?.close();
  await Promise.all([gateway?.close(), site?.close()]);
});

describe('a page the extension has no permission for, without the user granting it', () => {
  it('is served to the browser (the name resolves to the test server)', async () => {
    await expect(cityPage.locator('#notice').innerText()).resolves.toContain('交付通知書');
    expect(site.requests).toContain('/article.html');
  });

  it('the shortcut reads nothing from it, sends nothing, and the panel says what to do instead', async () => {
    await selectElementText(cityPage, '#notice');
    const before = posts().length;
    await inWorker('shortcut', cityPage);

    await expect
      .poll(() => panel.getByText('文章をコピーしてチャット欄に貼り付けてください').count())
      .toBe(1);
    // The panel has shown its decision: only now count.
    expect(posts()).toHaveLength(before);
    await expect(panel.locator('article.result-card').count()).resolves.toBe(0);
  });

  it('"ask about this page" reads nothing from it either, and says so', async () => {
    const before = posts().length;
    await inWorker('page-ask', cityPage);
    await expect.poll(() => panel.getByText('このページの内容を読み取れませんでした').count()).toBe(1);
    expect(posts()).toHaveLength(before);
  });

  it('the same page on a host the extension may read is read (the control: the difference is the grant)', async () => {
    const grantedUrl = `${site.url}/article.html`;
    const granted = await extension.context.newPage();
    await granted.goto(grantedUrl);
    await selectElementText(granted, '#notice');
    const before = posts().length;
    await inWorker('shortcut', granted);
    await expect.poll(() => posts().length, { timeout: 15_000 }).toBe(before + 1);
    expect(JSON.stringify(posts().at(-1)?.body)).toContain('交付通知書');
    await granted.close();
  });
});

describe('the test browser stays on this machine', () => {
  it('resolves no name but the loopback: a request to a Google host fails at once, in the worker and in a page', async () => {
    const fromWorker = await extension.worker.evaluate(async () => {
      try {
        await fetch('https://accounts.google.com/');
        return 'reached';
      } catch (error) {
        return `refused: ${String(error)}`;
      }
    });
    expect(fromWorker).toMatch(/^refused/);
    const page = await extension.context.newPage();
    const response = await page.goto('https://update.googleapis.com/').catch((error: Error) => error);
    expect(response).toBeInstanceOf(Error);
    expect(String(response)).toContain('ERR_NAME_NOT_RESOLVED');
    await page.close();
  });
});

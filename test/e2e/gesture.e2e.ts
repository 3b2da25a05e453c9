import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { NO_PERMISSION_HOST } from '../support/loopback';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/pages';
import {
  gatewaySettings,
  saveSettingsInExtension,
  selectElementText,
  storedAnswers as storedAnswersIn,
} from './support/panel';
import { startXDisplay, type XDisplay } from './support/x-display';

/**
 * The user's gesture for real: Chromium with a window on a virtual X display, and our shortcut (Alt+Shift+Y,
 * "run the last action on the selection") pressed as a keyboard would press it. The browser then grants
 * `activeTab` for that tab, so the selection on a page the extension has no permission for (`city.test`) is
 * read and answered. Without the key press the same page gives nothing (test/e2e/no-grant.e2e.ts).
 */
const ANSWER = '要約：マイナンバーカードは交付通知書と本人確認書類を持って受け取ります。';

let display: XDisplay;
let extension: LoadedExtension;
let gateway: GatewayServer;
let site: PageServer;

const posts = () => gateway.requests.filter((request) => request.method === 'POST');
const cityUrl = () => `${site.url.replace('127.0.0.1', NO_PERMISSION_HOST)}/article.html`;

/** Whether the extension may run a script in the active tab now: only with a host permission or a grant. */
async function mayReadActiveTab(): Promise<boolean> {
  return extension.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    // The worker's `chrome` has these; the test's type package is older than them.
    const { scripting } = chrome as unknown as {
      scripting: {
        executeScript(injection: { target: { tabId: number }; func: () => string }): Promise<unknown>;
      };
    };
    try {
      await scripting.executeScript({ target: { tabId: tab.id }, func: () => document.title });
      return true;
    } catch {
      return false;
    }
  });
}

/** Complete answers as stored, read from one of our pages (the real side panel is not reachable from here). */
async function storedAnswers(): Promise<string[]> {
  const page = await extension.openPage('options.html');
  const answers = await storedAnswersIn(page);
  await page.close();
  return answers;
}

async function openCityPage(): Promise<Page> {
  const page = await extension.context.newPage();
  await page.goto(cityUrl());
  await page.bringToFront();
  return page;
}

beforeAll(async () => {
  display = await startXDisplay();
  [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  gateway.setReply(ANSWER);
  extension = await launchExtension({ display: display.name });
  await saveSettingsInExtension(extension.worker, gatewaySettings(gateway.url, 'openai', ['gpt-4.1-mini']));
}, 60_000);

afterAll(async () => {
  await extension?.close();
  await Promise.all([gateway?.close(), site?.close()]);
  display?.close();
});

describe('the shortcut pressed on the keyboard', () => {
  it('grants the page it was pressed on: the selection on a page with no permission is read, sent and answered', async () => {
    const city = await openCityPage();
    const selected = await selectElementText(city, '#notice');
    await expect(mayReadActiveTab()).resolves.toBe(false);
    const before = posts().length;

    display.press('alt+shift+y');

    await expect.poll(() => posts().length, { timeout: 20_000 }).toBe(before + 1);
    expect(JSON.stringify(posts().at(-1)?.body)).toContain(selected.trim().split('\n')[0]);
    // The same gesture opened the real side panel, which ran the action and kept the answer.
    const sidePanels = await extension.worker.evaluate(async () => {
      const { runtime } = chrome as unknown as {
        runtime: { getContexts(filter: { contextTypes: string[] }): Promise<unknown[]> };
      };
      return (await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).length;
    });
    expect(sidePanels).toBe(1);
    await expect.poll(() => storedAnswers(), { timeout: 20_000 }).toContain(ANSWER);
    // The grant stays with that tab until it navigates.
    await city.bringToFront();
    await expect(mayReadActiveTab()).resolves.toBe(true);
  });

  it('grants nothing to another tab (the control: the difference is the key press)', async () => {
    const city = await openCityPage();
    await selectElementText(city, '#notice');
    await expect(mayReadActiveTab()).resolves.toBe(false);
    await city.close();
  });
});

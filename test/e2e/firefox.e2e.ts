import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIREFOX_EXTENSION_ORIGIN,
  type FirefoxPageApis,
  type LoadedFirefoxExtension,
  launchFirefoxExtension,
  removeFirefoxPolicy,
  writeFirefoxPolicy,
} from './support/firefox';

/** What a city's IT staff would put in policies.json for Tatakidai. */
const CITY_POLICY = {
  uiLanguage: 'ja',
  models: [
    { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
    { id: 'plamo-2.1-prime', label: 'PLaMo（国産）', purpose: '日本語の公用文' },
  ],
  defaultModel: 'plamo-2.1-prime',
};

let firefox: LoadedFirefoxExtension;
let panel: Page;

beforeAll(async () => {
  writeFirefoxPolicy(CITY_POLICY);
  firefox = await launchFirefoxExtension();
  panel = await firefox.openPage('sidepanel.html');
});

afterAll(async () => {
  removeFirefoxPolicy();
  await firefox?.close();
});

describe('Tatakidai in Firefox ESR', () => {
  it('puts the panel in the Firefox sidebar and shows it once installed', async () => {
    const sidebar = () =>
      panel.evaluate(async () => {
        const { sidebarAction } = (globalThis as unknown as { browser: FirefoxPageApis }).browser;
        return { panel: await sidebarAction.getPanel({}), open: await sidebarAction.isOpen({}) };
      });
    await expect.poll(sidebar).toEqual({ panel: `${FIREFOX_EXTENSION_ORIGIN}/sidepanel.html`, open: true });
  });

  it("hands a right-click's selected text to the panel of that window", async () => {
    // Asked from the options page: the open panel claims jobs by itself when it loads, which would race this.
    const options = await firefox.openPage('options.html');
    const claimed = await options.evaluate(async () => {
      const { runtime, storage, windows } = (globalThis as unknown as { browser: FirefoxPageApis }).browser;
      const windowId = (await windows.getCurrent()).id ?? -1;
      // What the background leaves after a click on 要約する; the panel asks the background for it.
      const job = {
        id: 'job-summarize-firefox',
        action: 'summarize',
        text: 'マイナンバーカードの受け取りには、交付通知書と本人確認書類が必要です。',
        pageUrl: 'https://www.city.example.lg.jp/shimin/mynumber.html',
        pageTitle: 'マイナンバーカードの受け取り｜〇〇市',
        tabId: 41,
        frameId: 0,
        windowId,
        editable: false,
      };
      await storage.session.set({ pendingJobs: [job] });
      return runtime.sendMessage({ type: 'claim-job', windowId });
    });
    expect(claimed).toMatchObject({ id: 'job-summarize-firefox', action: 'summarize' });
    await options.close();
  });

  it("reads the administrator's policies.json: Japanese screens and only the city's models", async () => {
    const picker = () =>
      panel.evaluate(() => {
        const label = [...document.querySelectorAll('label.model-picker')].find(
          (element) => element.querySelector('span')?.textContent === 'モデル',
        );
        const select = label?.querySelector('select');
        return select ? { value: select.value, options: [...select.options].map((o) => o.text) } : null;
      });
    await expect.poll(picker).toEqual({
      value: 'plamo-2.1-prime',
      options: ['ChatGPT — 要約・翻訳向き', 'PLaMo（国産） — 日本語の公用文'],
    });
  });
});

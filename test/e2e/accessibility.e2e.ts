import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import { EXTENSION_ID } from '../../utils/extension-ids';
import type { Settings } from '../../utils/settings/schema';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/pages';
import { clickMenuItem, gatewaySettings, saveSettingsInExtension, selectElementText } from './support/panel';

/**
 * axe-core on every screen staff and admins meet: the side panel (tour, chat, compare, history, the result
 * of each kind of right-click action) and the whole options page, in Japanese and English, light and dark.
 * No serious or critical violation may remain.
 */

type Language = 'ja' | 'en';
type Scheme = 'light' | 'dark';
const CATALOGUES = { ja, en } as const;
const label = (language: Language, key: keyof typeof ja) => CATALOGUES[language][key].message;

const PROOFREAD =
  '<corrected>\n窓口は混んでいるので、予約してください。\n</corrected>\n<changes>\n- 「混んでる」を「混んでいる」に修正（い抜き言葉）\n</changes>';
const ANSWER =
  '## 窓口のご案内\n\n- **受付時間**：平日 8:30〜17:15\n- **持ち物**：本人確認書類\n\n| 手続き | 窓口 |\n| --- | --- |\n| 住民票 | 市民課 |\n\n`市民課 内線123` にお問い合わせください。';

let extension: LoadedExtension;
let gateway: GatewayServer;
let site: PageServer;
let article: Page;

function settingsFor(language: Language): Settings {
  const settings = gatewaySettings(gateway.url, 'openai', []);
  settings.models = [
    { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
    { id: 'claude-sonnet-4-5', label: 'Claude', purpose: '文書作成・校正向き' },
  ];
  settings.defaultModel = 'gpt-4.1-mini';
  settings.uiLanguage = language;
  return settings;
}

/** Serious and critical violations, each as "rule: what it means — where", so a failure reads as a to-do list. */
async function seriousViolations(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id}: ${violation.help} — ${node.target.join(' ')} ${node.failureSummary?.split('\n')[1] ?? ''}`,
      ),
    );
}

async function openPanel(language: Language, scheme: Scheme): Promise<Page> {
  const panel = await extension.context.newPage();
  await panel.emulateMedia({ colorScheme: scheme });
  await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html`);
  await panel.getByRole('textbox', { name: label(language, 'chatInputLabel') }).waitFor();
  return panel;
}

async function waitForAnswer(panel: Page, selector: string) {
  await expect
    .poll(() => panel.locator(`${selector}[aria-busy="true"]`).count(), { timeout: 20_000 })
    .toBe(0);
}

beforeAll(async () => {
  [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  gateway.chunkDelayMs = 1;
  extension = await launchExtension();
  article = await extension.context.newPage();
  await article.goto(`${site.url}/article.html`);
});

afterAll(async () => {
  await extension?.close();
  await Promise.all([gateway?.close(), site?.close()]);
});

describe.each([
  ['ja', 'light'],
  ['ja', 'dark'],
  ['en', 'light'],
  ['en', 'dark'],
] as const)('accessibility in %s, %s theme', (language, scheme) => {
  let panel: Page;

  beforeAll(async () => {
    await saveSettingsInExtension(extension.worker, settingsFor(language));
    await extension.worker.evaluate(() => chrome.storage.local.set({ onboarding: { tourDismissed: false } }));
    panel = await openPanel(language, scheme);
  });

  afterAll(async () => {
    await panel?.close();
  });

  it('the first-run tour', async () => {
    await expect.poll(() => panel.locator('.tour-steps').count()).toBe(1);
    expect(await seriousViolations(panel)).toEqual([]);
  });

  it('a chat with a formatted answer', async () => {
    gateway.setReply(ANSWER);
    const box = panel.getByRole('textbox', { name: label(language, 'chatInputLabel') });
    await box.fill('住民票の写しはどこで取れますか？');
    await box.press('Enter');
    await expect.poll(() => panel.locator('.message-assistant table').count(), { timeout: 20_000 }).toBe(1);
    await waitForAnswer(panel, '.message-assistant');
    expect(await seriousViolations(panel)).toEqual([]);
  });

  it('comparing two models', async () => {
    await panel.getByRole('button', { name: label(language, 'newConversation') }).click();
    await panel.getByRole('button', { name: label(language, 'compareToggle'), exact: true }).click();
    gateway.setReply((body) => `${body.model}: ${ANSWER}`);
    const box = panel.getByRole('textbox', { name: label(language, 'chatInputLabel') });
    await box.fill('窓口の受付時間は？');
    await box.press('Enter');
    await expect.poll(() => panel.locator('section.compare article').count(), { timeout: 20_000 }).toBe(2);
    await waitForAnswer(panel, 'section.compare article');
    expect(await seriousViolations(panel)).toEqual([]);
    await panel
      .getByRole('button', { name: label(language, 'compareKeep') })
      .first()
      .click();
  });

  it('the result of each right-click action', async () => {
    gateway.setReply(PROOFREAD);
    await selectElementText(article, '#editor');
    await clickMenuItem(extension.worker, 'proofread', `${site.url}/article.html`);
    await expect
      .poll(() => panel.locator('article.result-card ins').count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await waitForAnswer(panel, 'article.result-card');
    expect(await seriousViolations(panel)).toEqual([]);

    for (const action of ['summarize', 'polite', 'translate'] as const) {
      gateway.setReply(ANSWER);
      await selectElementText(article, '#notice');
      await clickMenuItem(extension.worker, action, `${site.url}/article.html`);
      await expect
        .poll(() => panel.locator('article.result-card').innerText(), { timeout: 20_000 })
        .toContain('市民課');
      await waitForAnswer(panel, 'article.result-card');
      expect(await seriousViolations(panel), action).toEqual([]);
    }
  });

  it('the history, listed and searched', async () => {
    await panel.getByRole('button', { name: label(language, 'history'), exact: true }).click();
    await expect.poll(() => panel.locator('.history-row').count()).toBeGreaterThan(0);
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.getByRole('searchbox', { name: label(language, 'historySearchLabel') }).fill('市民課');
    await expect.poll(() => panel.locator('.history-row mark').count()).toBeGreaterThan(0);
    expect(await seriousViolations(panel)).toEqual([]);
  });

  it('the whole options page', async () => {
    const options = await extension.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await expect.poll(() => options.locator('main h1, h1').count()).toBeGreaterThan(0);
    await expect.poll(() => options.locator('html').getAttribute('lang')).toBe(language);
    // Every collapsed part opened, so axe sees all of it.
    // (Opened in the page: some parts sit in sections scrolled out of view, or inside another part.)
    await options.evaluate(() => {
      for (const part of document.querySelectorAll('details')) part.open = true;
    });
    await expect(options.locator('details:not([open])').count()).resolves.toBe(0);
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });
});

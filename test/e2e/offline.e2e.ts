import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../utils/extension-ids';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { launchExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/pages';
import { clickMenuItem, gatewaySettings, saveSettingsInExtension, selectElementText } from './support/panel';

let gateway: GatewayServer;
let site: PageServer;
const folder = mkdtempSync(join(tmpdir(), 'tatakidai-netlog-'));
const NET_LOG = join(folder, 'net-log.json');

beforeAll(async () => {
  [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
});

afterAll(async () => {
  await Promise.all([gateway?.close(), site?.close()]);
  rmSync(folder, { recursive: true, force: true });
});

type NetLog = {
  constants: { logEventTypes: Record<string, number> };
  events: { type: number; params?: { url?: string; initiator?: string } }[];
};

/** Chromium finishes the file at exit; a log cut short only lacks its closing brackets. */
function readNetLog(): NetLog {
  const text = readFileSync(NET_LOG, 'utf8').trim();
  try {
    return JSON.parse(text) as NetLog;
  } catch {
    return JSON.parse(`${text.replace(/,\s*$/, '')}]}`) as NetLog;
  }
}

/**
 * An LGWAN PC reaches only the gateway, the policy URL, the update server and the identity provider. The main
 * flows run with every other name unresolvable (the test browser's resolver rules), and Chromium's network log
 * lists every request our pages and worker started: all must go to this machine.
 */
describe('with no internet at all', () => {
  it('onboarding, a right-click action, chat, history and options ask nothing of any other host', async () => {
    const extension = await launchExtension({ args: [`--log-net-log=${NET_LOG}`] });
    try {
      await saveSettingsInExtension(
        extension.worker,
        gatewaySettings(gateway.url, 'openai', ['gpt-4.1-mini']),
      );
      const article = await extension.context.newPage();
      await article.goto(`${site.url}/article.html`);
      const panel = await extension.openPage('sidepanel.html');
      await selectElementText(article, '#notice');
      await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
      const card = panel.locator('article.result-card');
      await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
      await panel.getByRole('button', { name: '新しい会話' }).click();
      await panel.getByLabel('メッセージを入力').fill('窓口の受付時間を教えてください。');
      await panel.getByRole('button', { name: '送信' }).click();
      await expect.poll(() => gateway.requests.length, { timeout: 15_000 }).toBe(2);
      await panel.getByRole('button', { name: '履歴', exact: true }).click();
      await expect.poll(() => panel.getByRole('searchbox', { name: '履歴を検索' }).count()).toBe(1);
      const options = await extension.openPage('options.html');
      await expect.poll(() => options.locator('.setting').count()).toBeGreaterThan(10);
    } finally {
      await extension.close();
    }
    const log = readNetLog();
    const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
    const ours = log.events
      .filter(
        (event) =>
          event.type === startJob && event.params?.initiator === `chrome-extension://${EXTENSION_ID}`,
      )
      .map((event) => event.params?.url ?? '');
    // The recording works: the gateway calls are in it.
    expect(ours.filter((url) => url.startsWith(`${gateway.url}/`)).length).toBeGreaterThanOrEqual(2);
    const elsewhere = ours.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return protocol !== 'chrome-extension:' && hostname !== '127.0.0.1';
    });
    expect(elsewhere).toEqual([]);
  }, 120_000);
});

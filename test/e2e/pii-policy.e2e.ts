import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../utils/settings/schema';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { removeManagedPolicy, waitForPolicyApplied, writeManagedPolicy } from './support/managed-policy';
import { gatewaySettings, saveSettingsInExtension } from './support/panel';

/**
 * `pii.mode` forced by a real enterprise policy file: the member of staff's own settings cannot weaken it.
 * (The other personal-data tests set the mode through the user's settings.)
 */

const MODEL = 'gpt-4.1-mini';
const MY_NUMBER = '123456789018'; // a valid check digit (総務省令 rule)
const MOBILE = '080-2931-5574';
const MESSAGE = `児童手当の申請の件です。申請者のマイナンバーは${MY_NUMBER}、携帯は${MOBILE}です。不足書類の案内を作ってください。`;

let gateway: GatewayServer;
let extension: LoadedExtension;
let panel: Page;

const posts = () => gateway.requests.filter((request) => request.method === 'POST');
const chatBox = () => panel.getByRole('textbox', { name: /メッセージ/ });

function lastUserContent(): string {
  const body = posts().at(-1)?.body as { messages?: { role: string; content: unknown }[] } | undefined;
  const content = body?.messages?.findLast((message) => message.role === 'user')?.content;
  return typeof content === 'string' ? content : JSON.stringify(content ?? '');
}

/** The member of staff's own settings, with a weaker personal-data mode than the organisation's. */
async function userChooses(mode: Settings['pii']['mode']): Promise<void> {
  const settings = gatewaySettings(gateway.url, 'openai', [MODEL]);
  settings.pii = { mode, bannedTerms: [], custom: [] };
  await saveSettingsInExtension(extension.worker, settings);
  await panel.reload();
  await expect.poll(() => chatBox().isEnabled()).toBe(true);
}

beforeAll(async () => {
  gateway = await startGatewayServer();
  gateway.setReply('承知しました。必要な書類をご案内します。');
  writeManagedPolicy({
    gateway: { baseUrl: gateway.url, apiFormat: 'openai' },
    models: [{ id: MODEL, label: 'ChatGPT' }],
    defaultModel: MODEL,
    pii: { mode: 'redact' },
  });
  extension = await launchExtension();
  await waitForPolicyApplied(extension.worker, 'pii.mode');
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  removeManagedPolicy();
  await extension?.close();
  await gateway?.close();
});

describe('personal-data screening forced by the enterprise policy', () => {
  it.each(['off', 'warn'] as const)(
    'redacts although the user chose "%s": the gateway receives placeholders only',
    async (mode) => {
      await userChooses(mode);
      const before = posts().length;
      await chatBox().fill(MESSAGE);
      await chatBox().press('Enter');

      await expect.poll(() => posts().length, { timeout: 15_000 }).toBe(before + 1);
      const sent = lastUserContent();
      expect(sent).not.toContain(MY_NUMBER);
      expect(sent).not.toContain(MOBILE);
      expect(sent).toContain('[マイナンバー1]');
      expect(sent).toMatch(/\[電話番号\d+\]/);
      // Redact needs no decision from the user: no review dialog stood in the way.
      await expect(panel.locator('section.pii-review').count()).resolves.toBe(0);
      await panel.getByRole('button', { name: '新しい会話' }).click();
    },
  );

  it('the settings page shows the mode as set by the administrator, locked', async () => {
    const options = await extension.openPage('options.html');
    await options.locator('details.settings-sources > summary').click();
    const row = options.locator('details.settings-sources tr', {
      has: options.locator('code', { hasText: /^pii\.mode$/ }),
    });
    await expect.poll(() => row.count()).toBe(1);
    await expect(row.getAttribute('class')).resolves.toBe('locked');
    await expect(row.locator('td').nth(1).innerText()).resolves.toBe('"redact"');
    await options.close();
  });
});

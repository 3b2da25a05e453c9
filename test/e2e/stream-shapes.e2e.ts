import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { STREAM_SHAPES } from '../fixtures/stream-shapes';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { gatewaySettings, saveSettingsInExtension } from './support/panel';

/**
 * Every real server's stream shape (test/fixtures/stream-shapes.ts) answered to a chat message in the
 * built extension's side panel: what the user sees, what the notice says, and what history keeps.
 */
const ja = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/_locales/ja/messages.json'), 'utf8'),
) as Record<string, { message: string }>;
const say = (key: string) => ja[key]?.message ?? key;
const AFTER_RETRY = '混雑が解けたので回答します。';
const MODEL_FOR = { openai: 'gpt-4.1-mini', anthropic: 'claude-sonnet-4-5' } as const;

let extension: LoadedExtension;
let gateway: GatewayServer;
let panel: Page;

beforeAll(async () => {
  gateway = await startGatewayServer();
  extension = await launchExtension();
  const settings = gatewaySettings(gateway.url, 'openai', [MODEL_FOR.openai]);
  settings.models = [{ id: MODEL_FOR.openai }, { id: MODEL_FOR.anthropic, apiFormat: 'anthropic' }];
  await saveSettingsInExtension(extension.worker, settings);
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  await extension?.close();
  await gateway?.close();
});

beforeEach(async () => {
  gateway.setReply(AFTER_RETRY);
  await panel.getByRole('button', { name: '新しい会話' }).click();
});

const cases = STREAM_SHAPES.map((shape, index) => ({ shape, pieceBytes: [1, 7, 33][index % 3] ?? 7 }));

describe('every real server stream shape, in the side panel', () => {
  it.each(cases)('$shape.name ($pieceBytes-byte pieces)', async ({ shape, pieceBytes }) => {
    await panel.locator('.model-picker select').selectOption(MODEL_FOR[shape.format]);
    gateway.replayNext({ status: shape.status, headers: shape.headers, body: shape.body, pieceBytes });
    const box = panel.getByRole('textbox', { name: /メッセージ/ });
    await box.fill('転入届の期限を教えてください');
    await box.press('Enter');
    const answer = panel.locator('.message-assistant').last();
    await expect.poll(() => answer.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => answer.getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');
    const shown = await answer.innerText();
    expect(shown).not.toContain('[object Object]');
    if (shape.expect.hidden) expect(shown).not.toContain(shape.expect.hidden);

    if (shape.expect.error === 'rate-limited' && shape.expect.text === '') {
      // Retried by itself after the wait the server asked for; the next answer is the gateway's usual one.
      expect(shown).toContain(AFTER_RETRY);
      return;
    }
    if (shape.expect.text) expect(shown).toContain(shape.expect.text);
    const notice = await answer.locator('.notice').allInnerTexts();
    if (shape.expect.error === 'cut-off') {
      expect(notice.join('\n')).toContain(say('error_cut_off'));
      await expect(answer.getByRole('button', { name: say('continueAnswer') }).count()).resolves.toBe(1);
    } else if (shape.expect.error === 'auth') {
      expect(notice.join('\n')).toContain(say('error_auth'));
    } else if (shape.expect.error) {
      // An error after partial text: the text stays, the user is told so in their language.
      expect(notice.join('\n')).toContain(say('partialKept'));
    } else {
      expect(notice).toEqual([]);
    }
  });
});

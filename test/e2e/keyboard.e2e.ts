import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { gatewaySettings, saveSettingsInExtension } from './support/panel';

/**
 * The side panel with the keyboard only: Tab reaches every control, in reading order, each with a visible
 * focus ring, and a question is typed and sent without the mouse.
 */

let extension: LoadedExtension;
let gateway: GatewayServer;
let panel: Page;

interface Focused {
  /** Position in document order among the panel's controls, -1 when focus is outside them. */
  order: number;
  description: string;
  ring: boolean;
}

/** Tags every control the user can operate, in document order, so the walk can be compared with it. */
async function tagControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((element) => {
      if ((element as HTMLButtonElement).disabled) return false;
      if (element.closest('[inert], [hidden]')) return false;
      // The content of a closed <details> is laid out but not rendered, nor focusable: only its summary is.
      const closed = element.closest('details:not([open])');
      if (closed && element.parentElement !== closed) return false;
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
    });
    controls.forEach((element, order) => {
      element.dataset.keyboardOrder = String(order);
    });
    return controls.map(
      (element) =>
        `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}"`,
    );
  });
}

async function pressTab(page: Page): Promise<Focused> {
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { order: -1, description: 'body', ring: false };
    const style = getComputedStyle(element);
    const ring =
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0) ||
      style.boxShadow !== 'none';
    return {
      order: Number(element.dataset.keyboardOrder ?? -1),
      description: `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 30)}"`,
      ring,
    };
  });
}

beforeAll(async () => {
  gateway = await startGatewayServer();
  gateway.chunkDelayMs = 2;
  extension = await launchExtension();
  const settings = gatewaySettings(gateway.url, 'openai', ['gpt-4.1-mini']);
  settings.uiLanguage = 'ja';
  await saveSettingsInExtension(extension.worker, settings);
  await extension.worker.evaluate(() => chrome.storage.local.set({ onboarding: { tourDismissed: true } }));
  panel = await extension.openPage('sidepanel.html');
  await panel.getByRole('textbox', { name: 'メッセージを入力' }).waitFor();
});

afterAll(async () => {
  await extension?.close();
  await gateway?.close();
});

describe('the side panel by keyboard', () => {
  it('reaches every control with Tab, in reading order, each showing where the focus is', async () => {
    const controls = await tagControls(panel);
    expect(controls.length).toBeGreaterThan(5);
    const walk: Focused[] = [];
    for (let step = 0; step < controls.length + 5; step += 1) {
      const focused = await pressTab(panel);
      // Past the last control focus leaves the page (body), then starts again: the walk went round once.
      if (walk.length > 0 && (focused.order === -1 || focused.order <= (walk.at(-1)?.order ?? -1))) break;
      walk.push(focused);
    }
    const reached = walk.map((focused) => focused.order);
    expect(
      reached,
      `walked: ${walk.map((focused) => focused.description).join(' → ')}\ncontrols: ${controls.join(' → ')}`,
    ).toEqual(controls.map((_, order) => order));
    expect(walk.filter((focused) => !focused.ring).map((focused) => focused.description)).toEqual([]);
    // The header's navigation comes before the chat box (the send button, disabled while the box is empty,
    // follows the box: see the next test).
    const chatBox = controls.findIndex((control) => control.includes('メッセージを入力'));
    const history = controls.findIndex((control) => control.includes('"履歴"'));
    expect(history).toBeGreaterThanOrEqual(0);
    expect(history).toBeLessThan(chatBox);
  });

  it('sends a question and shows the answer with the keyboard only', async () => {
    gateway.setReply('住民票の写しは、市民課の窓口で平日 8:30〜17:15 に取得できます。');
    await panel.reload();
    await expect.poll(() => panel.getByRole('textbox', { name: 'メッセージを入力' }).count()).toBe(1);
    const label = () => panel.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    for (let step = 0; step < 40 && (await label()) !== 'メッセージを入力'; step += 1)
      await panel.keyboard.press('Tab');
    expect(await label()).toBe('メッセージを入力');
    await panel.keyboard.type('住民票の写しはどこで取れますか？');
    // Shift+Enter is a new line; Tab moves on to the send button, Enter presses it.
    await panel.keyboard.press('Tab');
    await expect(panel.evaluate(() => document.activeElement?.textContent)).resolves.toBe('送信');
    const before = gateway.requests.length;
    await panel.keyboard.press('Enter');
    await expect
      .poll(() => panel.locator('.message-assistant').innerText(), { timeout: 15_000 })
      .toContain('市民課の窓口で平日');
    expect(gateway.requests.length).toBe(before + 1);
    expect(JSON.stringify(gateway.requests.at(-1)?.body)).toContain('住民票の写しはどこで取れますか？');
  });
});

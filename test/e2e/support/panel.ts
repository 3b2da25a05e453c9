import type { Page, Worker } from 'playwright-core';
import type { ActionId } from '../../../utils/actions/types';
import { DEFAULT_SETTINGS, type Settings } from '../../../utils/settings/schema';

/** Settings as the options page would save them. */
export async function saveSettingsInExtension(worker: Worker, settings: Settings): Promise<void> {
  await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
}

export function gatewaySettings(
  baseUrl: string,
  apiFormat: 'openai' | 'anthropic',
  models: string[],
): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  settings.gateway.baseUrl = baseUrl;
  settings.gateway.apiFormat = apiFormat;
  settings.apiKey = 'sk-yaita-test-0001';
  settings.models = models.map((id) => ({ id }));
  settings.defaultModel = models[0] ?? '';
  return settings;
}

/** Selects the whole text of an element, as a user dragging over it would. */
export async function selectElementText(page: Page, selector: string): Promise<string> {
  return page.evaluate((css) => {
    const element = document.querySelector(css);
    if (!element) throw new Error(`no ${css}`);
    const range = document.createRange();
    range.selectNodeContents(element);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return selection?.toString() ?? '';
  }, selector);
}

export async function selectInField(page: Page, selector: string): Promise<string> {
  return page.evaluate((css) => {
    const field = document.querySelector(css) as HTMLTextAreaElement;
    field.focus();
    field.setSelectionRange(0, field.value.length);
    return field.value;
  }, selector);
}

/**
 * Native context menus cannot be clicked in headless Chromium, so this calls, inside the extension's service
 * worker, the very function that `contextMenus.onClicked` calls, with the data a real click carries.
 */
export async function clickMenuItem(worker: Worker, action: ActionId, pageUrl: string): Promise<void> {
  await worker.evaluate(
    async ({ action, pageUrl }) => {
      const [tab] = await chrome.tabs.query({ url: pageUrl });
      if (!tab) throw new Error(`no tab for ${pageUrl}`);
      const click = (globalThis as unknown as { tatakidaiMenuClick(info: unknown, tab: unknown): void })
        .tatakidaiMenuClick;
      click({ menuItemId: action, frameId: 0, pageUrl, editable: false }, tab);
    },
    { action, pageUrl },
  );
}

/** Complete answers as stored in the extension's own IndexedDB `tatakidai`. */
export async function storedAnswers(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('tatakidai');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('messages').objectStore('messages').getAll();
          request.onsuccess = () => {
            open.result.close();
            const messages = request.result as { role: string; status: string; content: string }[];
            resolve(
              messages.filter((m) => m.role === 'assistant' && m.status === 'complete').map((m) => m.content),
            );
          };
        };
      }),
  );
}

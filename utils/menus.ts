import { browser } from 'wxt/browser';
import { ACTION_ORDER, ACTIONS } from './actions/registry';
import { type ActionId, actionIdSchema } from './actions/types';
import type { Translator } from './i18n';

const ROOT_ID = 'tatakidai';
const PAGE_PATTERNS = ['http://*/*', 'https://*/*'];

/** Rebuilds the right-click menu: one "Tatakidai" entry with the actions under it, only on selected text. */
export async function buildMenus(t: Translator, isEnabled: (action: ActionId) => boolean): Promise<void> {
  await browser.contextMenus.removeAll();
  const enabled = ACTION_ORDER.filter(isEnabled);
  if (enabled.length === 0) return;
  browser.contextMenus.create({
    id: ROOT_ID,
    title: t('menuRoot'),
    contexts: ['selection'],
    documentUrlPatterns: PAGE_PATTERNS,
  });
  for (const id of enabled) {
    browser.contextMenus.create({
      id,
      parentId: ROOT_ID,
      title: t(ACTIONS[id].title),
      contexts: ['selection'],
      documentUrlPatterns: PAGE_PATTERNS,
    });
  }
}

export function actionFromMenuItem(menuItemId: string | number): ActionId | undefined {
  const parsed = actionIdSchema.safeParse(menuItemId);
  return parsed.success ? parsed.data : undefined;
}

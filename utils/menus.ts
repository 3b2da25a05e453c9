import { browser } from 'wxt/browser';
import { ACTION_ORDER, ACTIONS, type ActionId, actionIdSchema } from './actions/registry';
import type { Translator } from './i18n';

const ROOT_ID = 'tatakidai';
const PAGE_ROOT_ID = 'tatakidai-page';

/** Items on the page itself (no selection): ask about it, or summarise it. */
export const PAGE_MENU_ITEMS = { 'page-ask': 'ask', 'page-summarize': 'summarize' } as const;
export type PageMenuItem = keyof typeof PAGE_MENU_ITEMS;
const PAGE_PATTERNS = ['http://*/*', 'https://*/*'];

/**
 * Rebuilds the right-click menu: one "Tatakidai" entry with the actions under it on selected text, and one
 * with "ask about this page" / "summarise this page" on the page itself.
 */
export async function buildMenus(t: Translator, isEnabled: (action: ActionId) => boolean): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: PAGE_ROOT_ID,
    title: t('menuRoot'),
    contexts: ['page'],
    documentUrlPatterns: PAGE_PATTERNS,
  });
  browser.contextMenus.create({
    id: 'page-ask',
    parentId: PAGE_ROOT_ID,
    title: t('menuPageAsk'),
    contexts: ['page'],
    documentUrlPatterns: PAGE_PATTERNS,
  });
  if (isEnabled('summarize')) {
    browser.contextMenus.create({
      id: 'page-summarize',
      parentId: PAGE_ROOT_ID,
      title: t('menuPageSummarize'),
      contexts: ['page'],
      documentUrlPatterns: PAGE_PATTERNS,
    });
  }
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

export function pageModeFromMenuItem(menuItemId: string | number): 'ask' | 'summarize' | undefined {
  return Object.hasOwn(PAGE_MENU_ITEMS, menuItemId) ? PAGE_MENU_ITEMS[menuItemId as PageMenuItem] : undefined;
}

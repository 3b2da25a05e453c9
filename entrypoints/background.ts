import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { browserUiLanguage, resolveUiLanguage, translatorFor } from '../utils/i18n';
import { claimJob, queueJob } from '../utils/jobs';
import { actionFromMenuItem, buildMenus } from '../utils/menus';
import { listenForMessages, type PanelJob, sendMessage } from '../utils/messages';
import { captureSelection } from '../utils/page/scripting';
import { loadSettings, watchSettings } from '../utils/settings/store';

async function rebuildMenus(): Promise<void> {
  const { settings } = await loadSettings();
  await buildMenus(translatorFor(resolveUiLanguage(settings.uiLanguage, browserUiLanguage())));
}

/**
 * What a click on one of our menu items does. The side panel must be opened synchronously, inside the
 * click's user gesture; everything else follows.
 */
function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  const action = actionFromMenuItem(info.menuItemId);
  if (!action || tab?.id === undefined) return;
  const tabId = tab.id;
  // Outside a real gesture (the end-to-end tests call this directly) the browser refuses; the job still waits.
  browser.sidePanel.open({ tabId }).catch(() => undefined);
  void prepareJob(action, info, tab, tabId);
}

async function prepareJob(
  action: PanelJob['action'],
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab,
  tabId: number,
): Promise<void> {
  const frameId = info.frameId ?? 0;
  let text = '';
  let editable = false;
  let problem: PanelJob['problem'];
  try {
    // info.selectionText flattens line breaks; reading the page keeps them.
    ({ text, editable } = await captureSelection(tabId, frameId));
  } catch {
    problem = 'selection_unreadable';
  }
  if (!text.trim()) text = info.selectionText ?? '';
  if (!text.trim()) problem ??= 'selection_empty';
  else problem = undefined;
  const job: PanelJob = {
    id: crypto.randomUUID(),
    action,
    text,
    pageUrl: tab.url ?? info.pageUrl ?? '',
    pageTitle: tab.title ?? '',
    tabId,
    frameId,
    windowId: tab.windowId ?? -1,
    problem,
    editable,
  };
  await queueJob(job);
  // No panel listening yet is normal: it claims the job when it loads.
  await sendMessage({ type: 'job-ready', windowId: job.windowId }).catch(() => undefined);
}

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => void rebuildMenus());
  browser.runtime.onStartup.addListener(() => void rebuildMenus());
  watchSettings(() => void rebuildMenus());
  browser.contextMenus.onClicked.addListener(onMenuClicked);
  // The toolbar button opens the side panel too.
  browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => undefined);
  listenForMessages({ 'claim-job': (message) => claimJob(message.windowId) });
  // The end-to-end tests cannot click a native menu headless; they call the very function the click calls.
  // Only code running inside this worker can reach it; web pages and our other pages cannot.
  Object.assign(globalThis, { tatakidaiMenuClick: onMenuClicked });
});

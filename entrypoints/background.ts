import { type Browser, browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { keepRepeatingAlarm } from '../utils/alarms';
import { oidcConfigFrom } from '../utils/auth/config';
import { toAuthFailure } from '../utils/auth/errors';
import { accessToken, signIn, signOut } from '../utils/auth/session';
import { looksLikePdfUrl } from '../utils/documents/pdf-url';
import { applyRetention } from '../utils/history/retention';
import { browserUiLanguage, resolveUiLanguage, translatorFor } from '../utils/i18n';
import { claimJob, queueJob } from '../utils/jobs';
import { actionFromMenuItem, buildMenus, pageModeFromMenuItem } from '../utils/menus';
import { listenForMessages, type PageJob, type PanelJob, sendMessage } from '../utils/messages';
import { readLastAction, rememberLastAction } from '../utils/page/last-action';
import { capturePage, captureSelection } from '../utils/page/scripting';
import { fetchPolicyUrl } from '../utils/policy/policy-url';
import type { EffectiveSettings } from '../utils/policy/resolve';
import { isSiteBlocked } from '../utils/policy/site-rules';
import {
  loadEffectiveSettings,
  readPolicyUrlCache,
  rememberLastGood,
  watchEffectiveSettings,
  writePolicyUrlCache,
} from '../utils/policy/storage';
import { openSidePanel, openSidePanelFromToolbar } from '../utils/side-panel';
import { refreshTipsUrl } from '../utils/tips/tips';

const POLICY_URL_ALARM = 'policy-url';
const RETENTION_ALARM = 'history-retention';
/** The manifest command (wxt.config.ts) that runs the last-used action on the selection. */
const RUN_LAST_ACTION = 'run-last-action';

async function rebuildMenus({ settings }: EffectiveSettings): Promise<void> {
  const t = translatorFor(resolveUiLanguage(settings.uiLanguage, browserUiLanguage()));
  await buildMenus(t, (action) => settings.actions[action].enabled);
}

async function refreshPolicyUrl({ settings }: EffectiveSettings): Promise<void> {
  if (!settings.policyUrl) return;
  const previous = await readPolicyUrlCache();
  await writePolicyUrlCache(await fetchPolicyUrl(settings.policyUrl, previous));
}

/** Everything that follows from the settings in force; runs at start and after every change. */
async function apply(effective: EffectiveSettings, previous?: EffectiveSettings): Promise<void> {
  await rememberLastGood(effective);
  await rebuildMenus(effective);
  if (effective.settings.policyUrl !== previous?.settings.policyUrl) await refreshPolicyUrl(effective);
  if (effective.settings.tipsUrl !== previous?.settings.tipsUrl)
    await refreshTipsUrl(effective.settings.tipsUrl);
  if (effective.settings.history.retentionDays !== previous?.settings.history.retentionDays) {
    await applyRetention(effective.settings.history.retentionDays);
  }
}

/**
 * What a click on one of our menu items does. The side panel must be opened synchronously, inside the
 * click's user gesture; everything else follows.
 */
function onMenuClicked(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): void {
  const pageMode = pageModeFromMenuItem(info.menuItemId);
  if (pageMode && tab?.id !== undefined) {
    openSidePanel(tab.id).catch(() => undefined);
    void preparePageJob(pageMode, tab, tab.id);
    return;
  }
  const action = actionFromMenuItem(info.menuItemId);
  if (!action || tab?.id === undefined) return;
  const tabId = tab.id;
  // Outside a real gesture (the end-to-end tests call this directly) the browser refuses; the job still waits.
  openSidePanel(tabId).catch(() => undefined);
  void prepareJob(action, info, tab, tabId);
}

/**
 * The settings in force, as last applied (kept up to date by the storage watch below); read afresh only when
 * the worker has just started. A right-click waits for this before anything else, so it must not re-read and
 * re-validate every source each time.
 */
let inForce: EffectiveSettings | undefined;
async function settingsInForce(): Promise<EffectiveSettings> {
  return inForce ?? loadEffectiveSettings();
}

/** Checked again when the text is read: the tab may have gone to a blocked site since the click. */
async function blockedNow(url: string): Promise<boolean> {
  const { settings } = await settingsInForce();
  return isSiteBlocked(url, settings.sites.blocked);
}

async function readSelection(info: Browser.contextMenus.OnClickData, tabId: number, frameId: number) {
  try {
    // info.selectionText flattens line breaks; reading the page keeps them.
    const { url, ...captured } = await captureSelection(tabId, frameId);
    if (await blockedNow(url)) return { text: '', editable: false, problem: 'site_blocked' as const };
    if (captured.text.trim()) return { ...captured, problem: undefined };
  } catch {
    if (!info.selectionText?.trim())
      return { text: '', editable: false, problem: 'selection_unreadable' as const };
  }
  const text = info.selectionText ?? '';
  return { text, editable: false, problem: text.trim() ? undefined : ('selection_empty' as const) };
}

async function prepareJob(
  action: PanelJob['action'],
  info: Browser.contextMenus.OnClickData,
  tab: Browser.tabs.Tab,
  tabId: number,
): Promise<void> {
  const { settings } = await settingsInForce();
  const frameId = info.frameId ?? 0;
  const pageUrl = info.frameUrl ?? tab.url ?? info.pageUrl ?? '';
  const base = {
    id: crypto.randomUUID(),
    action,
    pageUrl: tab.url ?? info.pageUrl ?? '',
    pageTitle: tab.title ?? '',
    tabId,
    frameId,
    windowId: tab.windowId ?? -1,
  };
  let job: PanelJob;
  if (!settings.actions[action].enabled) {
    job = { ...base, text: '', editable: false, problem: 'action_disabled' };
  } else if (
    isSiteBlocked(pageUrl, settings.sites.blocked) ||
    isSiteBlocked(base.pageUrl, settings.sites.blocked)
  ) {
    // Not even read: text from a blocked site never leaves the page.
    job = { ...base, text: '', editable: false, problem: 'site_blocked' };
  } else {
    job = { ...base, ...(await readSelection(info, tabId, frameId)) };
  }
  await Promise.all([job.problem ? undefined : rememberLastAction(action), handOver(job)]);
}

async function handOver(job: PanelJob | PageJob): Promise<void> {
  // Told while the job is still being written: a claim runs after the write (jobs.ts), so the panel's round
  // trip no longer waits for it, and one panel only gets the job. No panel listening yet is normal: it
  // claims the job when it loads.
  await Promise.all([
    queueJob(job),
    sendMessage({ type: 'job-ready', windowId: job.windowId }).catch(() => undefined),
  ]);
}

/** "Ask about this page" / "Summarise this page": the HTML goes to the panel, which extracts the text. */
async function preparePageJob(mode: PageJob['mode'], tab: Browser.tabs.Tab, tabId: number): Promise<void> {
  const { settings } = await settingsInForce();
  const base = {
    kind: 'page' as const,
    id: crypto.randomUUID(),
    mode,
    html: '',
    pageUrl: tab.url ?? '',
    pageTitle: tab.title ?? '',
    tabId,
    windowId: tab.windowId ?? -1,
  };
  let job: PageJob;
  if (mode === 'summarize' && !settings.actions.summarize.enabled) {
    job = { ...base, problem: 'action_disabled' };
  } else if (isSiteBlocked(base.pageUrl, settings.sites.blocked)) {
    // Not even read: nothing of a blocked site leaves the page.
    job = { ...base, problem: 'site_blocked' };
  } else {
    try {
      // The PDF viewer cannot be scripted: a URL ending in .pdf goes to the panel, which reads the file.
      const captured = looksLikePdfUrl(base.pageUrl)
        ? { html: '', title: '', contentType: 'application/pdf', url: base.pageUrl }
        : await capturePage(tabId);
      job = (await blockedNow(captured.url))
        ? { ...base, problem: 'site_blocked' }
        : {
            ...base,
            html: captured.html,
            pageTitle: captured.title || base.pageTitle,
            contentType: captured.contentType,
          };
    } catch {
      job = { ...base, problem: 'page_unreadable' };
    }
  }
  await handOver(job);
}

/** The keyboard shortcut: the last-used action on the current selection, like its menu item. */
function onCommand(command: string, tab?: Browser.tabs.Tab): void {
  if (command !== RUN_LAST_ACTION || tab?.id === undefined) return;
  const tabId = tab.id;
  openSidePanel(tabId).catch(() => undefined);
  void readLastAction().then((action) =>
    prepareJob(
      action,
      { menuItemId: action, frameId: 0, pageUrl: tab.url ?? '', editable: false },
      tab,
      tabId,
    ),
  );
}

export default defineBackground(() => {
  // Each change is applied after the previous one has finished: two menu rebuilds must never interleave.
  let applying: Promise<void> = Promise.resolve();
  const applyNext = (load: () => Promise<EffectiveSettings>) => {
    applying = applying
      .then(async () => {
        const next = await load();
        const previous = inForce;
        inForce = next;
        await apply(next, previous);
      })
      .catch((error: unknown) => console.error('Tatakidai: could not apply settings', error));
  };
  // Menus are rebuilt at every start of the worker, not only on install: Chrome can drop them when it
  // reloads the extension for a policy change, and a rebuild is cheap.
  applyNext(loadEffectiveSettings);
  watchEffectiveSettings((next) => applyNext(async () => next));
  void keepRepeatingAlarm(POLICY_URL_ALARM, 30);
  void keepRepeatingAlarm(RETENTION_ALARM, 6 * 60);
  browser.alarms.onAlarm.addListener(async (alarm) => {
    const effective = await loadEffectiveSettings();
    if (alarm.name === POLICY_URL_ALARM) {
      await refreshPolicyUrl(effective);
      await refreshTipsUrl(effective.settings.tipsUrl);
    }
    if (alarm.name === RETENTION_ALARM) await applyRetention(effective.settings.history.retentionDays);
  });
  browser.contextMenus.onClicked.addListener(onMenuClicked);
  browser.commands.onCommand.addListener(onCommand);
  // The toolbar button opens the side panel too.
  openSidePanelFromToolbar().catch(() => undefined);
  const oidc = async () => oidcConfigFrom((await settingsInForce()).settings);
  listenForMessages({
    'claim-job': (message) => claimJob(message.windowId),
    'auth-token': (message) =>
      oidc()
        .then((config) => accessToken(config, message.rejected))
        .then(
          (token) => ({ ok: true as const, accessToken: token }),
          (caught: unknown) => ({ ok: false as const, failure: toAuthFailure(caught) }),
        ),
    'auth-sign-in': (message) =>
      oidc()
        .then((config) => signIn(config, message.inTab))
        .then(
          () => ({ ok: true as const }),
          (caught: unknown) => ({ ok: false as const, failure: toAuthFailure(caught) }),
        ),
    // Revocation is a courtesy to the provider: the tokens are gone from here whether or not it answers.
    'auth-sign-out': () =>
      oidc()
        .then((config) => signOut(config))
        .then(
          () => undefined,
          () => undefined,
        ),
  });
  // The end-to-end tests cannot click a native menu headless; they call the very function the click calls.
  // Only code running inside this worker can reach it; web pages and our other pages cannot.
  Object.assign(globalThis, { tatakidaiMenuClick: onMenuClicked, tatakidaiCommand: onCommand });
});

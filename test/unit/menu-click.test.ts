import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * The background's real menu-click handler, wired by its real `main`. The browser's part is faked: menus and
 * the side panel (which fakeBrowser lacks), and `scripting.executeScript`, which the browser allows only for a
 * page the extension may read — one of our host permissions, or a tab the user granted with a gesture
 * (`activeTab`: a click on our menu item or our shortcut).
 */

const WINDOW = 5;
const PAGE = 'http://city.test/kurashi/gomi.html';
const SELECTED = '粗大ごみは事前に申し込みが必要です。\n申込先：環境課（電話 0287-00-0000）';

const tab = {
  id: 31,
  index: 0,
  windowId: WINDOW,
  url: PAGE,
  title: '粗大ごみの出し方｜矢板市',
} as Browser.tabs.Tab;

type Click = (info: Browser.contextMenus.OnClickData, tab: Browser.tabs.Tab) => void;
type Command = (command: string, tab: Browser.tabs.Tab) => void;

let executeScript: ReturnType<typeof vi.fn>;

async function startBackground(): Promise<{
  click: Click;
  command: Command;
  claimJob: (windowId: number) => Promise<unknown>;
}> {
  const extras = fakeBrowser as unknown as Record<string, unknown>;
  extras.contextMenus = {
    removeAll: vi.fn(async () => undefined),
    create: vi.fn(() => undefined),
    onClicked: { addListener: vi.fn() },
  };
  extras.sidePanel = {
    open: vi.fn(async () => undefined),
    setPanelBehavior: vi.fn(async () => undefined),
  };
  delete extras.sidebarAction;
  extras.commands = { onCommand: { addListener: vi.fn() } };
  (fakeBrowser.i18n as unknown as { getUILanguage(): string }).getUILanguage = () => 'ja';
  executeScript = vi.fn();
  (fakeBrowser.scripting as unknown as { executeScript: typeof executeScript }).executeScript = executeScript;
  // A fresh background for each test: the worker keeps the settings in force in module state.
  vi.resetModules();
  const { default: background } = await import('../../entrypoints/background');
  const { claimJob } = await import('../../utils/jobs');
  background.main();
  await settled();
  const hooks = globalThis as unknown as { tatakidaiMenuClick: Click; tatakidaiCommand: Command };
  return { click: hooks.tatakidaiMenuClick, command: hooks.tatakidaiCommand, claimJob };
}

/** What the browser does when the page may be read: runs the function in it and returns its result. */
function pageReadable() {
  executeScript.mockImplementation(async () => [{ frameId: 0, result: { text: SELECTED, editable: false } }]);
}

/** What Chromium answers for a page with neither a host permission nor an activeTab grant. */
function pageNotGranted() {
  executeScript.mockRejectedValue(
    new Error(
      'Cannot access contents of the page. Extension manifest must request permission to access the respective host.',
    ),
  );
}

/** The background has applied the settings at start: it has built its menus. */
async function settled() {
  const menus = (fakeBrowser as unknown as { contextMenus: { create: ReturnType<typeof vi.fn> } })
    .contextMenus;
  await vi.waitFor(() => expect(menus.create).toHaveBeenCalled(), { timeout: 30_000 });
}

async function jobHandedOver(claimJob: (windowId: number) => Promise<unknown>) {
  await vi.waitFor(
    async () => {
      const { pendingJobs } = await fakeBrowser.storage.session.get('pendingJobs');
      expect(pendingJobs).toHaveLength(1);
    },
    { timeout: 30_000 },
  );
  return claimJob(WINDOW);
}

beforeEach(() => {
  fakeBrowser.reset();
});

// Each test loads the whole background afresh, which takes seconds on a busy machine.
describe('a right-click on a page the extension has no host permission for', { timeout: 60_000 }, () => {
  it('reads the selection with its line breaks when the click granted activeTab', async () => {
    const { click, claimJob } = await startBackground();
    pageReadable();
    click(
      { menuItemId: 'summarize', frameId: 0, pageUrl: PAGE, editable: false, selectionText: '粗大ごみは…' },
      tab,
    );

    const job = await jobHandedOver(claimJob);
    expect(executeScript).toHaveBeenCalledWith(
      expect.objectContaining({ target: { tabId: 31, frameIds: [0] } }),
    );
    expect(job).toMatchObject({ action: 'summarize', text: SELECTED, pageUrl: PAGE });
    expect(job).not.toHaveProperty('problem');
  });

  it('reads nothing from the page without a grant, and tells the panel the selection could not be read', async () => {
    const { command, claimJob } = await startBackground();
    pageNotGranted();
    // The keyboard shortcut carries no selected text of its own: all of it would have to come from the page.
    command('run-last-action', tab);

    const job = await jobHandedOver(claimJob);
    expect(executeScript).toHaveBeenCalled();
    expect(job).toMatchObject({ action: 'summarize', text: '', problem: 'selection_unreadable' });
  });

  it('without a grant, uses only the text the browser handed over with the click itself', async () => {
    const { click, claimJob } = await startBackground();
    pageNotGranted();
    click(
      {
        menuItemId: 'translate',
        frameId: 0,
        pageUrl: PAGE,
        editable: false,
        selectionText: '粗大ごみは事前に申し込みが必要です。 申込先：環境課',
      },
      tab,
    );

    const job = await jobHandedOver(claimJob);
    expect(job).toMatchObject({
      action: 'translate',
      text: '粗大ごみは事前に申し込みが必要です。 申込先：環境課',
    });
    expect(job).not.toHaveProperty('problem');
  });

  it('does not touch the page at all when the site is blocked, grant or not', async () => {
    await fakeBrowser.storage.local.set({
      settings: { sites: { blocked: ['*://city.test/*'] } },
    });
    const { click, claimJob } = await startBackground();
    pageReadable();
    click(
      { menuItemId: 'summarize', frameId: 0, pageUrl: PAGE, editable: false, selectionText: '粗大ごみ' },
      tab,
    );

    const job = await jobHandedOver(claimJob);
    expect(job).toMatchObject({ text: '', problem: 'site_blocked' });
    expect(executeScript).not.toHaveBeenCalled();
  });
});

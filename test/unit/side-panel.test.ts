import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidePanel, openSidePanelFromToolbar } from '../../utils/side-panel';

// fakeBrowser has no `sidePanel` and only a stub `sidebarAction`: each test gives it exactly the API its
// browser has (Firefox lacks `sidePanel`, Chrome and Edge lack `sidebarAction`).
const extras = fakeBrowser as unknown as Record<string, unknown>;
const stubSidebarAction = extras.sidebarAction;

function asChrome() {
  delete extras.sidebarAction;
  const sidePanel = { open: vi.fn(async () => undefined), setPanelBehavior: vi.fn(async () => undefined) };
  extras.sidePanel = sidePanel;
  return sidePanel;
}

function asFirefox() {
  const sidebarAction = { open: vi.fn(async () => undefined), toggle: vi.fn(async () => undefined) };
  extras.sidebarAction = sidebarAction;
  return sidebarAction;
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  delete extras.sidePanel;
  extras.sidebarAction = stubSidebarAction;
});

describe('opening the panel after a right-click', () => {
  it('opens the side panel of the clicked tab in Chrome and Edge', async () => {
    const sidePanel = asChrome();
    await openSidePanel(41);
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 41 });
  });

  it("opens Firefox's sidebar, which has no side panel API", async () => {
    const sidebarAction = asFirefox();
    await openSidePanel(41);
    expect(sidebarAction.open).toHaveBeenCalledOnce();
  });
});

describe('the toolbar button', () => {
  it('opens the side panel in Chrome and Edge', async () => {
    const sidePanel = asChrome();
    await openSidePanelFromToolbar();
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
  });

  it("shows and hides Firefox's sidebar on each click", async () => {
    const sidebarAction = asFirefox();
    await openSidePanelFromToolbar();
    await fakeBrowser.action.onClicked.trigger({ id: 41, index: 0 } as never, undefined);
    await fakeBrowser.action.onClicked.trigger({ id: 41, index: 0 } as never, undefined);
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(2);
  });
});

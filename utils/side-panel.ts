import { browser } from 'wxt/browser';

/** Firefox's sidebar API. Our `browser` types describe Chrome's APIs, which have no such namespace. */
interface SidebarAction {
  open(): Promise<void>;
  toggle(): Promise<void>;
}

// Firefox has `sidebarAction` and no `sidePanel`; Chrome and Edge the other way round. Touching the missing
// one throws, which in the background would stop everything registered after it.
function firefoxSidebar(): SidebarAction | undefined {
  return (browser as unknown as { sidebarAction?: SidebarAction }).sidebarAction;
}

/**
 * Opens our panel: Chrome's and Edge's side panel for the tab, Firefox's sidebar in the current window.
 * Call it synchronously inside the click handler: both browsers refuse outside a user gesture.
 */
export function openSidePanel(tabId: number): Promise<void> {
  const sidebar = firefoxSidebar();
  return sidebar ? sidebar.open() : browser.sidePanel.open({ tabId });
}

/** Makes the toolbar button open the side panel (Chrome, Edge) or show and hide the sidebar (Firefox). */
export function openSidePanelFromToolbar(): Promise<void> {
  const sidebar = firefoxSidebar();
  if (!sidebar) return browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  // toggle() is called inside the click itself: Firefox accepts it only during the user gesture.
  browser.action.onClicked.addListener(() => {
    sidebar.toggle().catch(() => undefined);
  });
  return Promise.resolve();
}

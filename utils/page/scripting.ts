import { browser } from 'wxt/browser';
import {
  type CapturedPage,
  type CapturedSelection,
  capturePageInPage,
  captureSelectionInPage,
  type InsertOutcome,
  insertAtCursorInPage,
  type ReplaceOutcome,
  replaceSelectionInPage,
} from './selection';

export async function captureSelection(tabId: number, frameId: number): Promise<CapturedSelection> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: captureSelectionInPage,
  });
  return (result?.result as CapturedSelection | undefined) ?? { text: '', editable: false, url: '' };
}

export async function replaceSelection(
  tabId: number,
  frameId: number,
  text: string,
): Promise<ReplaceOutcome> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      func: replaceSelectionInPage,
      args: [text],
    });
    return (result?.result as ReplaceOutcome | undefined) ?? 'replace_gone';
  } catch {
    // The tab was closed or navigated away (the activeTab grant ends with navigation).
    return 'replace_gone';
  }
}

/** A page's HTML is capped before it leaves the page: 3 MB of markup is far more than any article. */
export const PAGE_HTML_MAX_CHARS = 3_000_000;

/** Reads the page's HTML (top frame). Throws when the extension has no access to the tab. */
export async function capturePage(tabId: number): Promise<CapturedPage> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: capturePageInPage,
    args: [PAGE_HTML_MAX_CHARS],
  });
  const captured = result?.result as CapturedPage | undefined;
  if (!captured) throw new Error('no result from the page');
  return captured;
}

export async function insertAtCursor(
  tabId: number,
  text: string,
): Promise<InsertOutcome | 'insert_no_access'> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId },
      func: insertAtCursorInPage,
      args: [text],
    });
    return (result?.result as InsertOutcome | undefined) ?? 'insert_no_field';
  } catch {
    // Closed, navigated away, or no access to this tab.
    return 'insert_no_access';
  }
}

import { browser } from 'wxt/browser';
import {
  type CapturedSelection,
  captureSelectionInPage,
  type ReplaceOutcome,
  replaceSelectionInPage,
} from './selection';

export async function captureSelection(tabId: number, frameId: number): Promise<CapturedSelection> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    func: captureSelectionInPage,
  });
  return (result?.result as CapturedSelection | undefined) ?? { text: '', editable: false };
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

/**
 * Time to first token of a right-click action in the built extension, as the stream and PII benchmarks measure
 * it: the side panel open as a tab, text selected in a page, the service worker's menu handler called (as the
 * e2e tests do) → the first token painted in the result card. Both clocks are `performance.timeOrigin +
 * performance.now()`, so the panel's and the worker's times compare.
 */
import type { Page, Worker } from 'playwright-core';
import { selectElementText } from '../test/e2e/support/panel';

/** Add to the panel page before it loads: marks the moment the first token of an answer is painted. */
export function watchFirstToken() {
  const marks = { painted: 0 };
  Object.assign(window, { ttftMarks: marks });
  new MutationObserver(() => {
    if (marks.painted !== 0) return;
    const body = document.querySelector('.result-card .result-body');
    if (!body?.textContent) return;
    marks.painted = -1;
    requestAnimationFrame(() => {
      marks.painted = performance.timeOrigin + performance.now();
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Calls the menu handler in the service worker; returns when it was called. */
export async function clickSummarise(worker: Worker, pageUrl: string): Promise<number> {
  return worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    if (!tab) throw new Error(`no tab for ${url}`);
    const click = (globalThis as unknown as { tatakidaiMenuClick(info: unknown, tab: unknown): void })
      .tatakidaiMenuClick;
    const started = performance.timeOrigin + performance.now();
    click({ menuItemId: 'summarize', frameId: 0, pageUrl: url, editable: false }, tab);
    return started;
  }, pageUrl);
}

/** Selects `selector` in the article, runs 要約 on it, and returns the milliseconds to the first painted token. */
export async function actionFirstToken(
  panel: Page,
  article: Page,
  worker: Worker,
  pageUrl: string,
  selector = '#notice',
  options: { newConversation?: boolean } = {},
): Promise<number> {
  const { started, painted } = await actionFirstTokenTimes(
    panel,
    article,
    worker,
    pageUrl,
    selector,
    options,
  );
  return painted - started;
}

/** The same, as the two moments (click, first token painted), for figures that split the time at the gateway. */
export async function actionFirstTokenTimes(
  panel: Page,
  article: Page,
  worker: Worker,
  pageUrl: string,
  selector = '#notice',
  options: { newConversation?: boolean } = {},
): Promise<{ started: number; painted: number }> {
  if (options.newConversation ?? true) await panel.getByRole('button', { name: '新しい会話' }).click();
  await panel.evaluate(() => {
    (window as unknown as { ttftMarks: { painted: number } }).ttftMarks.painted = 0;
  });
  await selectElementText(article, selector);
  const started = await clickSummarise(worker, pageUrl);
  const painted = await panel.waitForFunction(
    () =>
      (window as unknown as { ttftMarks: { painted: number } }).ttftMarks.painted > 0 &&
      (window as unknown as { ttftMarks: { painted: number } }).ttftMarks.painted,
  );
  const paintedAt = Number(await painted.jsonValue());
  await panel.waitForFunction(
    () => document.querySelector('.result-card')?.getAttribute('aria-busy') === 'false',
  );
  return { started, painted: paintedAt };
}

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForMessages, type PanelJob, sendMessage } from '../../utils/messages';

const waitingJob: PanelJob = {
  id: 'job-polite-1',
  action: 'polite',
  text: '明日までに書類を出してください。遅れたら受け付けません。',
  pageUrl: 'https://www.city.example.lg.jp/jigyosha/keiyaku.html',
  pageTitle: '契約に関するお知らせ｜〇〇市',
  tabId: 12,
  frameId: 0,
  windowId: 3,
  editable: true,
};

/** Where a message really comes from, as the browser reports it in `sender`. */
function sidePanel() {
  return { id: browser.runtime.id, url: browser.runtime.getURL('/sidepanel.html') };
}

/** Code we inject into a page runs as our extension, but the browser reports the page's URL. */
function scriptInjectedInto(pageUrl: string) {
  return { id: browser.runtime.id, url: pageUrl, frameId: 0 };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('messages between the background and the side panel', () => {
  it('uses the fake extension identity the checks below depend on', () => {
    expect(browser.runtime.id).not.toBe('');
    expect(browser.runtime.getURL('/')).toBe(`chrome-extension://${browser.runtime.id}/`);
  });

  it('hands the waiting job to the side panel that asks for it', async () => {
    const claimJob = vi.fn(async (message: { windowId: number }) =>
      message.windowId === 3 ? waitingJob : null,
    );
    listenForMessages({ 'claim-job': claimJob });

    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claim-job', windowId: 3 },
      sidePanel(),
    );

    expect(answers).toContainEqual(waitingJob);
    expect(claimJob).toHaveBeenCalledWith({ type: 'claim-job', windowId: 3 });
  });

  it('tells the side panel a job is ready', async () => {
    const jobReady = vi.fn(async () => undefined);
    listenForMessages({ 'job-ready': jobReady });

    await fakeBrowser.runtime.onMessage.trigger({ type: 'job-ready', windowId: 3 }, sidePanel());

    expect(jobReady).toHaveBeenCalledWith({ type: 'job-ready', windowId: 3 });
  });

  it('accepts messages from the options page as well', async () => {
    const claimJob = vi.fn(async () => null);
    listenForMessages({ 'claim-job': claimJob });

    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claim-job', windowId: 3 },
      { id: browser.runtime.id, url: browser.runtime.getURL('/options.html#gateway') },
    );

    expect(claimJob).toHaveBeenCalledOnce();
  });

  it('ignores a claim sent by a script running inside a web page, so a page cannot read selected text', async () => {
    const claimJob = vi.fn(async () => waitingJob);
    listenForMessages({ 'claim-job': claimJob });

    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claim-job', windowId: 3 },
      scriptInjectedInto('https://www.city.example.lg.jp/jigyosha/keiyaku.html'),
    );

    expect(claimJob).not.toHaveBeenCalled();
    expect(answers).toEqual([undefined]);
  });

  it('ignores a page whose address only pretends to be our extension', async () => {
    const claimJob = vi.fn(async () => waitingJob);
    listenForMessages({ 'claim-job': claimJob });

    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claim-job', windowId: 3 },
      scriptInjectedInto(`https://evil.example/?next=${browser.runtime.getURL('/sidepanel.html')}`),
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claim-job', windowId: 3 },
      { id: browser.runtime.id, url: `chrome-extension://${browser.runtime.id}.evil.example/` },
    );

    expect(claimJob).not.toHaveBeenCalled();
  });

  it('ignores messages from another extension, even with our page address', async () => {
    const claimJob = vi.fn(async () => waitingJob);
    listenForMessages({ 'claim-job': claimJob });

    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claim-job', windowId: 3 },
      { id: 'abcdefghijklmnopabcdefghijklmnop', url: browser.runtime.getURL('/sidepanel.html') },
    );
    await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claim-job', windowId: 3 },
      { id: browser.runtime.id },
    );

    expect(claimJob).not.toHaveBeenCalled();
  });

  it.each([
    ['an unknown type', { type: 'read-history', windowId: 3 }],
    ['a window id that is not a number', { type: 'claim-job', windowId: '3' }],
    ['a missing window id', { type: 'claim-job' }],
    ['plain text', 'claim-job'],
    ['nothing', undefined],
  ])('ignores a malformed message (%s) without calling any handler', async (_, malformed) => {
    const claimJob = vi.fn(async () => waitingJob);
    const jobReady = vi.fn(async () => undefined);
    listenForMessages({ 'claim-job': claimJob, 'job-ready': jobReady });

    const answers = await fakeBrowser.runtime.onMessage.trigger(malformed, sidePanel());

    expect(answers).toEqual([undefined]);
    expect(claimJob).not.toHaveBeenCalled();
    expect(jobReady).not.toHaveBeenCalled();
  });

  it('stays silent for a valid message it has no handler for, leaving it to other listeners', async () => {
    listenForMessages({ 'job-ready': async () => undefined });
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'claim-job', windowId: 3 },
      sidePanel(),
    );
    expect(answers).toEqual([undefined]);
  });

  it('stops handling messages once unsubscribed', async () => {
    const claimJob = vi.fn(async () => waitingJob);
    const stop = listenForMessages({ 'claim-job': claimJob });
    stop();

    await fakeBrowser.runtime.onMessage.trigger({ type: 'claim-job', windowId: 3 }, sidePanel());

    expect(claimJob).not.toHaveBeenCalled();
  });

  it('delivers sendMessage from the side panel to our listener in the background and returns its answer', async () => {
    // The browser's part: deliver the message to the background's listeners, stamped with the sending page.
    // (fakeBrowser's own sendMessage gives no sender, which our listener rightly ignores.)
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      const answers = await fakeBrowser.runtime.onMessage.trigger(message, sidePanel());
      return answers.find((answer) => answer !== undefined);
    });
    listenForMessages({
      'claim-job': async ({ windowId }) => (windowId === waitingJob.windowId ? waitingJob : null),
    });

    expect(await sendMessage({ type: 'claim-job', windowId: 3 })).toEqual(waitingJob);
    expect(await sendMessage({ type: 'claim-job', windowId: 4 })).toBeNull();
  });
});

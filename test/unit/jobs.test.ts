import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { claimJob, queueJob } from '../../utils/jobs';
import type { PageJob, PanelJob } from '../../utils/messages';

const MAIN_WINDOW = 1;
const SECOND_WINDOW = 2;

function rightClick(overrides: Partial<PanelJob> = {}): PanelJob {
  return {
    id: 'job-summarize-1',
    action: 'summarize',
    text: '令和7年度の住民税（普通徴収）の第1期納付期限は6月30日です。',
    pageUrl: 'https://www.city.example.lg.jp/kurashi/zei/juminzei.html',
    pageTitle: '住民税の納付について｜〇〇市',
    tabId: 41,
    frameId: 0,
    windowId: MAIN_WINDOW,
    editable: false,
    ...overrides,
  };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('handing a right-click over to the side panel', () => {
  it('gives the job to the side panel of the window it was clicked in, exactly once', async () => {
    const job = rightClick();
    await queueJob(job);

    expect(await claimJob(MAIN_WINDOW)).toEqual(job);
    expect(await claimJob(MAIN_WINDOW)).toBeNull();
  });

  it('hands over "ask about this page" with the page’s HTML, and a newer right-click replaces it', async () => {
    const page: PageJob = {
      kind: 'page',
      id: 'job-page-1',
      mode: 'ask',
      html: '<html><body><main><p>図書館は12月29日から1月3日まで休館します。</p></main></body></html>',
      pageUrl: 'https://www.city.example.lg.jp/library/kyukan.html',
      pageTitle: '休館のお知らせ｜〇〇市',
      tabId: 41,
      windowId: MAIN_WINDOW,
    };
    await queueJob(page);
    expect(await claimJob(MAIN_WINDOW)).toEqual(page);

    await queueJob(page);
    await queueJob(rightClick());
    expect(await claimJob(MAIN_WINDOW)).toMatchObject({ id: 'job-summarize-1' });
    expect(await claimJob(MAIN_WINDOW)).toBeNull();
  });

  it('gives the job to a panel that asks while it is still being written, and to one panel only', async () => {
    const queued = queueJob(rightClick());
    // The panel is told at once and asks before the write has finished: its claim waits for the write.
    const [first, second] = await Promise.all([claimJob(MAIN_WINDOW), claimJob(MAIN_WINDOW)]);
    await queued;
    expect(first).toMatchObject({ id: 'job-summarize-1' });
    expect(second).toBeNull();
  });

  it('does not give a job to the side panel of another window', async () => {
    await queueJob(rightClick());

    expect(await claimJob(SECOND_WINDOW)).toBeNull();
    expect(await claimJob(MAIN_WINDOW)).toMatchObject({ id: 'job-summarize-1' });
  });

  it('runs only the latest right-click when the user clicks again before the panel has opened', async () => {
    await queueJob(rightClick({ id: 'job-summarize-1', action: 'summarize' }));
    await queueJob(
      rightClick({
        id: 'job-translate-2',
        action: 'translate',
        text: '窓口の受付時間は平日8時30分から17時15分までです。',
      }),
    );

    expect(await claimJob(MAIN_WINDOW)).toMatchObject({ id: 'job-translate-2', action: 'translate' });
    expect(await claimJob(MAIN_WINDOW)).toBeNull();
  });

  it('keeps a waiting job in one window when the user right-clicks in another', async () => {
    await queueJob(rightClick({ id: 'job-main' }));
    await queueJob(rightClick({ id: 'job-second', windowId: SECOND_WINDOW, action: 'proofread' }));

    expect(await claimJob(SECOND_WINDOW)).toMatchObject({ id: 'job-second' });
    expect(await claimJob(MAIN_WINDOW)).toMatchObject({ id: 'job-main' });
  });

  it('gives the job to only one of two claims made at the same moment', async () => {
    await queueJob(rightClick());

    const claims = await Promise.all([claimJob(MAIN_WINDOW), claimJob(MAIN_WINDOW), claimJob(MAIN_WINDOW)]);

    expect(claims.filter((claim) => claim !== null)).toHaveLength(1);
  });

  it('does not lose a job queued while a claim is under way', async () => {
    const [claimed] = await Promise.all([claimJob(MAIN_WINDOW), queueJob(rightClick({ id: 'job-late' }))]);
    // The claim started first and found nothing; the job written after it is still waiting.
    expect(claimed).toBeNull();
    expect(await claimJob(MAIN_WINDOW)).toMatchObject({ id: 'job-late' });
  });

  it('keeps the selected text in session storage only, never in persistent storage', async () => {
    await queueJob(rightClick());
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).toContain('住民税');
  });

  it('treats unreadable leftovers in session storage as no job instead of failing', async () => {
    await fakeBrowser.storage.session.set({ pendingJobs: [{ windowId: MAIN_WINDOW, text: '古い形式' }] });
    expect(await claimJob(MAIN_WINDOW)).toBeNull();

    await queueJob(rightClick({ id: 'job-after-update' }));
    expect(await claimJob(MAIN_WINDOW)).toMatchObject({ id: 'job-after-update' });
  });

  it('passes on why a selection could not be read, so the panel can explain it', async () => {
    await queueJob(rightClick({ text: '', problem: 'selection_unreadable' }));
    expect(await claimJob(MAIN_WINDOW)).toMatchObject({ text: '', problem: 'selection_unreadable' });
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  acceptGuideline,
  type GuidelineAcceptance,
  mustAcceptGuideline,
  readAcceptance,
  watchAcceptance,
} from '../../utils/policy/guideline';
import type { Settings } from '../../utils/settings/schema';

const GUIDELINE: Settings['guideline'] = {
  title: '生成AI利用ガイドライン',
  url: 'https://intranet.example.lg.jp/ai/guideline.pdf',
  text: '個人情報・機密情報は入力しない。出力は必ず職員が確認する。',
  version: '2025-09',
  requireAcceptance: true,
};
const ACCEPTED_AT = Date.UTC(2025, 8, 1, 0, 30); // 2025-09-01 09:30 JST

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the guideline gate', () => {
  it('stops sending until the member of staff has accepted the guideline', async () => {
    expect(mustAcceptGuideline(GUIDELINE, await readAcceptance())).toBe(true);
  });

  it('lets them send once they accepted this version', async () => {
    await acceptGuideline('2025-09', ACCEPTED_AT);
    expect(mustAcceptGuideline(GUIDELINE, await readAcceptance())).toBe(false);
  });

  it('asks again when the administrator publishes a new version', async () => {
    await acceptGuideline('2025-09', ACCEPTED_AT);
    const revised = { ...GUIDELINE, version: '2025-10' };
    expect(mustAcceptGuideline(revised, await readAcceptance())).toBe(true);
    await acceptGuideline('2025-10', ACCEPTED_AT + 86_400_000);
    expect(mustAcceptGuideline(revised, await readAcceptance())).toBe(false);
  });

  it('asks again even when the administrator goes back to an older version', async () => {
    await acceptGuideline('2025-10', ACCEPTED_AT);
    expect(mustAcceptGuideline(GUIDELINE, await readAcceptance())).toBe(true);
  });

  it('never stops anyone when acceptance is not required', async () => {
    const optional = { ...GUIDELINE, requireAcceptance: false };
    expect(mustAcceptGuideline(optional, await readAcceptance())).toBe(false);
    await acceptGuideline('2024-04', ACCEPTED_AT);
    expect(mustAcceptGuideline(optional, await readAcceptance())).toBe(false);
  });

  it('stops sending when acceptance is required for a guideline without a version, until accepted', async () => {
    const unversioned = { ...GUIDELINE, version: '' };
    expect(mustAcceptGuideline(unversioned, await readAcceptance())).toBe(true);
    await acceptGuideline('', ACCEPTED_AT);
    expect(mustAcceptGuideline(unversioned, await readAcceptance())).toBe(false);
  });
});

describe('the record of acceptance on this PC', () => {
  it('keeps the accepted version and when it was accepted', async () => {
    await acceptGuideline('2025-09', ACCEPTED_AT);
    expect(await readAcceptance()).toEqual({ version: '2025-09', acceptedAt: ACCEPTED_AT });
    expect(await fakeBrowser.storage.local.get('guidelineAcceptance')).toEqual({
      guidelineAcceptance: { version: '2025-09', acceptedAt: ACCEPTED_AT },
    });
  });

  it('records the current time when none is given', async () => {
    const before = Date.now();
    await acceptGuideline('2025-09');
    const acceptance = await readAcceptance();
    expect(acceptance?.acceptedAt).toBeGreaterThanOrEqual(before);
    expect(acceptance?.acceptedAt).toBeLessThanOrEqual(Date.now());
  });

  it('stays only on this PC, never in synced storage', async () => {
    await acceptGuideline('2025-09', ACCEPTED_AT);
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
  });

  it.each([
    ['text', '2025-09'],
    ['a version without a time', { version: '2025-09' }],
    ['a number as the version', { version: 202509, acceptedAt: ACCEPTED_AT }],
    ['null', null],
  ])('treats a damaged record (%s) as not accepted', async (_, damaged) => {
    await fakeBrowser.storage.local.set({ guidelineAcceptance: damaged });
    expect(await readAcceptance()).toBeUndefined();
    expect(mustAcceptGuideline(GUIDELINE, await readAcceptance())).toBe(true);
  });

  it('tells an open side panel as soon as the guideline is accepted on another page', async () => {
    const seen: (GuidelineAcceptance | undefined)[] = [];
    const stop = watchAcceptance((acceptance) => seen.push(acceptance));
    await fakeBrowser.storage.local.set({ lastOpenedConversation: 'c-20250901' });
    await acceptGuideline('2025-09', ACCEPTED_AT);
    await vi.waitFor(() => expect(seen).toEqual([{ version: '2025-09', acceptedAt: ACCEPTED_AT }]));
    stop();
    // A watcher still listening proves the next acceptance was delivered; the stopped one must not see it.
    const delivered: (GuidelineAcceptance | undefined)[] = [];
    const stopWitness = watchAcceptance((acceptance) => delivered.push(acceptance));
    await acceptGuideline('2025-10', ACCEPTED_AT);
    await vi.waitFor(() => expect(delivered).toHaveLength(1));
    stopWitness();
    expect(seen).toHaveLength(1);
  });
});

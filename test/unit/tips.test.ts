import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Tip } from '../../utils/settings/schema';
import { markTipsRead, mergeTips, readTipsRead, tipsFromBody, unreadTips } from '../../utils/tips/tips';

const policyTips: Tip[] = [
  { date: '2026-09-10', title: '要約は3行で', body: '「3行で要約して」と頼むと会議資料に使えます。' },
  {
    date: '2026-09-24',
    title: '議会答弁はテンプレートで',
    body: '質問要旨を入れるだけ。',
    templateId: 'builtin-assembly-answer',
  },
];
const urlTips: Tip[] = [
  { date: '2026-09-17', title: '校正は差分で確認', body: '赤と緑の差分で確認しましょう。' },
  { date: '2026-09-10', title: '要約は3行で', body: '重複（URL側）' },
];

beforeEach(() => fakeBrowser.reset());

describe('今週のヒント', () => {
  it('shows the policy’s and the tips URL’s tips together, newest first, each once', () => {
    const merged = mergeTips(policyTips, urlTips);
    expect(merged.map((tip) => tip.date)).toEqual(['2026-09-24', '2026-09-17', '2026-09-10']);
    expect(merged.find((tip) => tip.date === '2026-09-10')?.body).toContain('会議資料');
  });

  it('reads tips from a URL body as an array or as { tips }, skipping broken entries', () => {
    expect(tipsFromBody(urlTips)).toHaveLength(2);
    expect(tipsFromBody({ tips: [urlTips[0], { title: '日付なし' }] })).toEqual([urlTips[0]]);
    expect(tipsFromBody('<html>')).toEqual([]);
  });

  it('counts a tip as unread until the user opens the tips, and remembers that', async () => {
    const merged = mergeTips(policyTips, urlTips);
    expect(unreadTips(merged, await readTipsRead())).toHaveLength(3);
    await markTipsRead(merged.slice(0, 2));
    const read = await readTipsRead();
    expect(unreadTips(merged, read).map((tip) => tip.title)).toEqual(['要約は3行で']);
    // A new tip next week is unread again.
    const nextWeek = mergeTips(
      [...policyTips, { date: '2026-10-01', title: '翻訳先を選ぶ', body: '…' }],
      urlTips,
    );
    expect(unreadTips(nextWeek, read).map((tip) => tip.title)).toEqual(['翻訳先を選ぶ', '要約は3行で']);
  });
});

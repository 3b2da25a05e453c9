import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { removeManagedPolicy, waitForPolicyApplied, writeManagedPolicy } from './support/managed-policy';
import { type PageServer, startPageServer } from './support/pages';
import { clickMenuItem, selectElementText, selectInField } from './support/panel';

/** What a city's IT staff would push: every request goes through their gateway with their key and headers. */
function cityPolicy(gatewayUrl: string, overrides: Record<string, unknown> = {}) {
  return {
    gateway: {
      baseUrl: gatewayUrl,
      apiFormat: 'openai',
      auth: { header: 'x-litellm-api-key', scheme: 'Bearer', source: 'policy', value: 'sk-org-yaita-0001' },
      headers: { 'x-org-id': 'yaita' },
      userAttribution: { header: 'x-litellm-end-user-id', bodyUser: true },
    },
    userId: 'tanaka.hanako@city.example.lg.jp',
    models: [
      { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
      { id: 'plamo-2.1-prime', label: 'PLaMo（国産）', purpose: '日本語の公用文' },
    ],
    defaultModel: 'plamo-2.1-prime',
    actions: { translate: { enabled: false }, proofread: { enabled: true, model: 'gpt-4.1-mini' } },
    sites: { blocked: ['*://localhost/*'] },
    guideline: {
      title: '矢板市生成AI利用ガイドライン',
      url: 'https://intranet.example.lg.jp/ai/guideline.pdf',
      text: '個人情報・機密情報は入力しない。出力は必ず職員が確認する。',
      version: '2025-09',
      requireAcceptance: true,
    },
    disclosure: { copySuffix: '（生成AIを利用して作成）' },
    tips: [
      { date: '2025-09-10', title: '要約は3行で', body: '「3行で要約して」と頼むと会議資料に使えます。' },
      { date: '2025-09-17', title: '校正は差分で確認', body: '校正結果は差分で確認しましょう。' },
    ],
    templates: [
      {
        id: 'gikai',
        title: '議会答弁案',
        category: '議会',
        prompt: '次の質問要旨に対する議会答弁案を作成してください。\n質問要旨: ',
      },
    ],
    ...overrides,
  };
}

let extension: LoadedExtension;
let gateway: GatewayServer;
let site: PageServer;
let panel: Page;
let article: Page;

beforeAll(async () => {
  [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  gateway.setReply('受け取りには交付通知書と本人確認書類が必要です。');
  writeManagedPolicy(cityPolicy(gateway.url));
  extension = await launchExtension();
  await waitForPolicyApplied(extension.worker, 'gateway.baseUrl');
  article = await extension.context.newPage();
  await article.goto(`${site.url}/article.html`);
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  removeManagedPolicy();
  await extension?.close();
  await Promise.all([gateway?.close(), site?.close()]);
});

describe('an enterprise policy file in Chromium', () => {
  it('holds every request until the guideline is accepted, then runs the waiting action', async () => {
    await expect
      .poll(() => panel.getByRole('heading', { name: '矢板市生成AI利用ガイドライン' }).count())
      .toBe(1);
    await expect(panel.getByRole('textbox', { name: /メッセージ/ }).isDisabled()).resolves.toBe(true);

    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    // The panel has taken the job (nothing waits in the hand-off any more) and holds it behind the gate:
    // only now count what reached the gateway.
    await expect
      .poll(() =>
        extension.worker.evaluate(async () => {
          const { pendingJobs } = await chrome.storage.session.get('pendingJobs');
          return Array.isArray(pendingJobs) ? pendingJobs.length : 0;
        }),
      )
      .toBe(0);
    await expect(panel.getByRole('button', { name: '読んだうえで同意する' }).isVisible()).resolves.toBe(true);
    expect(gateway.requests.filter((request) => request.method === 'POST')).toHaveLength(0);

    await panel.getByRole('button', { name: '読んだうえで同意する' }).click();
    await expect
      .poll(() => panel.locator('article.result-card').innerText(), { timeout: 15_000 })
      .toContain('交付通知書');
    const stored = await extension.worker.evaluate(() => chrome.storage.local.get('guidelineAcceptance'));
    expect(JSON.stringify(stored)).toContain('2025-09');
  });

  it("sends the policy's auth header, extra headers and user attribution, to the per-action model", async () => {
    const request = gateway.requests.findLast((entry) => entry.method === 'POST');
    expect(request?.headers['x-litellm-api-key']).toBe('Bearer sk-org-yaita-0001');
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['x-org-id']).toBe('yaita');
    expect(request?.headers['x-litellm-end-user-id']).toBe('tanaka.hanako@city.example.lg.jp');
    const body = request?.body as { user?: string; model?: string };
    expect(body.user).toBe('tanaka.hanako@city.example.lg.jp');
    expect(body.model).toBe('plamo-2.1-prime');

    await selectElementText(article, '#editor');
    await clickMenuItem(extension.worker, 'proofread', `${site.url}/article.html`);
    await expect
      .poll(() => (gateway.requests.at(-1)?.body as { model?: string } | null)?.model)
      .toBe('gpt-4.1-mini');
  });

  it('offers only the policy models, with their purposes', async () => {
    // The picker shows the model of what is on screen (the last test's proofread ran on its own model).
    await panel.getByRole('button', { name: '新しい会話' }).click();
    const picker = panel.getByRole('combobox', { name: 'モデル', exact: true });
    await expect.poll(() => picker.inputValue()).toBe('plamo-2.1-prime');
    await expect(picker.locator('option').allTextContents()).resolves.toEqual([
      'ChatGPT — 要約・翻訳向き',
      'PLaMo（国産） — 日本語の公用文',
    ]);
  });

  it('removes a disabled action from the menu and refuses it from the panel', async () => {
    const menus = await extension.worker.evaluate(async () => {
      const exists = (id: string) =>
        new Promise<boolean>((resolve) =>
          chrome.contextMenus.update(id, { enabled: true }, () => resolve(!chrome.runtime.lastError)),
        );
      return { translate: await exists('translate'), summarize: await exists('summarize') };
    });
    expect(menus).toEqual({ translate: false, summarize: true });
    const before = gateway.requests.length;
    await selectElementText(article, '#english');
    await clickMenuItem(extension.worker, 'translate', `${site.url}/article.html`);
    await expect.poll(() => panel.getByText('この機能は管理者によって無効にされています。').count()).toBe(1);
    expect(gateway.requests.length).toBe(before);
  });

  it('never sends text from a blocked site, and says why', async () => {
    const blocked = await extension.context.newPage();
    const blockedUrl = `${site.url.replace('127.0.0.1', 'localhost')}/article.html`;
    await blocked.goto(blockedUrl);
    await selectElementText(blocked, '#notice');
    const before = gateway.requests.length;
    await clickMenuItem(extension.worker, 'summarize', blockedUrl);
    // The panel has shown its decision: only now count.
    await expect.poll(() => panel.getByText('このサイトの文章はAIに送信できません').count()).toBe(1);
    expect(gateway.requests.length).toBe(before);
    await blocked.close();
  });

  it('adds the disclosure note when a result is put back into the page', async () => {
    await selectInField(article, '#reply');
    await clickMenuItem(extension.worker, 'polite', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    await card.getByRole('button', { name: '選択部分を置き換え' }).click();
    await expect
      .poll(() => article.locator('#reply').inputValue())
      .toBe('受け取りには交付通知書と本人確認書類が必要です。（生成AIを利用して作成）');
  });

  it('shows tips newest first and admin templates in the panel', async () => {
    await expect(panel.locator('.tips summary').innerText()).resolves.toContain('校正は差分で確認');
    await panel.locator('.templates summary').click();
    await panel.getByRole('button', { name: 'この文面を入力欄へ: 議会答弁案' }).click();
    await expect(panel.getByRole('textbox', { name: /メッセージ/ }).inputValue()).resolves.toContain(
      '議会答弁案を作成してください',
    );
  });

  it('shows forced settings locked in the options page, with where each comes from', async () => {
    const options = await extension.openPage('options.html');
    const baseUrl = options.getByLabel('ゲートウェイのURL');
    await expect.poll(() => baseUrl.inputValue()).toBe(gateway.url);
    await expect(baseUrl.isDisabled()).resolves.toBe(true);
    await expect(options.locator('.setting.locked').count()).resolves.toBeGreaterThan(3);
    const lock = options.locator('.lock-badge', { hasText: '管理者がポリシーで設定' }).first();
    await expect(lock.locator('svg.lock-icon').isVisible()).resolves.toBe(true);
    // The user's own key field is gone: the organisation key comes from the policy.
    await expect(options.getByLabel(/^APIキー/).count()).resolves.toBe(0);
    await options.locator('.settings-sources summary').click();
    const row = options.locator('.settings-sources tr', { hasText: 'gateway.auth.value' });
    await expect(row.innerText()).resolves.toContain('管理者（ポリシー）');
    await expect(row.innerText()).resolves.not.toContain('sk-org-yaita');
    await options.close();
  });

  it('reports an invalid value by name and keeps the last good one in force', async () => {
    await extension.close({ keepProfile: true });
    const profile = extension.profile;
    writeManagedPolicy({
      ...cityPolicy(gateway.url),
      gateway: { ...cityPolicy(gateway.url).gateway, apiFormat: 'grpc' },
    });
    extension = await launchExtension({ profile });
    await waitForPolicyApplied(extension.worker, 'gateway.baseUrl');
    panel = await extension.openPage('sidepanel.html');
    await expect
      .poll(() => panel.locator('.policy-problems').innerText(), { timeout: 15_000 })
      .toContain('「gateway.apiFormat」の値が正しくありません');
    await expect(panel.locator('.policy-problems').innerText()).resolves.toContain(
      '前回の正しい値を使い続けています',
    );

    const box = panel.getByRole('textbox', { name: /メッセージ/ });
    await box.fill('住民票の写しの請求方法を教えて');
    await box.press('Enter');
    await expect
      .poll(() => panel.locator('.message-assistant').last().innerText(), { timeout: 15_000 })
      .toContain('交付通知書');
    expect(gateway.requests.at(-1)?.path).toBe('/v1/chat/completions');
  });
});

/** Runs in one of our pages: IndexedDB `tatakidai` is the extension's own history database. */
async function countConversations(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('tatakidai');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('conversations').objectStore('conversations').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
        };
      }),
  );
}

describe('history rules from policy', () => {
  it('prunes conversations older than retentionDays at start, and writes nothing when history is off', async () => {
    // A conversation from 45 days ago, as an earlier version of the panel would have left it.
    await panel.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('tatakidai');
          open.onsuccess = () => {
            const transaction = open.result.transaction('conversations', 'readwrite');
            const old = Date.now() - 45 * 24 * 60 * 60 * 1000;
            transaction.objectStore('conversations').put({
              id: 'old-conversation',
              kind: 'chat',
              title: '昨年度の議会答弁案',
              model: 'plamo-2.1-prime',
              system: '',
              status: 'complete',
              createdAt: old,
              updatedAt: old,
            });
            transaction.oncomplete = () => {
              open.result.close();
              resolve();
            };
          };
        }),
    );
    const before = await countConversations(panel);
    expect(before).toBeGreaterThan(1);

    await extension.close({ keepProfile: true });
    const profile = extension.profile;
    writeManagedPolicy({ ...cityPolicy(gateway.url), history: { enabled: false, retentionDays: 30 } });
    extension = await launchExtension({ profile });
    await waitForPolicyApplied(extension.worker, 'history.enabled');
    panel = await extension.openPage('sidepanel.html');
    // Only the old one is gone: the retention rule runs as soon as the extension starts with the policy.
    await expect.poll(() => countConversations(panel)).toBe(before - 1);
    await expect
      .poll(() => panel.getByText('履歴は保存されません（管理者の設定）', { exact: false }).count())
      .toBe(1);

    const box = panel.getByRole('textbox', { name: /メッセージ/ });
    await box.fill('住民票の写しの請求方法を教えて');
    await box.press('Enter');
    await expect
      .poll(() => panel.locator('.message-assistant').last().innerText(), { timeout: 15_000 })
      .toContain('交付通知書');
    expect(await countConversations(panel)).toBe(before - 1);
  });
});

describe('a policy published at a URL', () => {
  it('applies without reloading the extension when the policy URL is set', async () => {
    site.json.set('/policy.json', { uiLanguage: 'en' });
    await extension.worker.evaluate(async (url) => {
      const { settings } = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(settings as object), policyUrl: url } });
    }, `${site.url}/policy.json`);
    await expect
      .poll(() => panel.getByRole('button', { name: 'New conversation' }).count(), { timeout: 15_000 })
      .toBe(1);
    expect(site.requests).toContain('/policy.json');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../utils/settings/schema';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/pages';
import {
  clickMenuItem,
  gatewaySettings,
  saveSettingsInExtension,
  selectElementText,
  selectInField,
} from './support/panel';

/** The side panel as staff meet it: 380 × 800, Japanese. */
const PANEL = { width: 380, height: 800 };

let gateway: GatewayServer;
let extension: LoadedExtension;
let panel: Page;

function settingsWithLabels(): Settings {
  const settings = gatewaySettings(gateway.url, 'openai', ['gpt-4.1-mini', 'claude-sonnet-4-5']);
  settings.models = [
    { id: 'gpt-4.1-mini', label: 'ChatGPT' },
    { id: 'claude-sonnet-4-5', label: 'Claude（議会用）' },
  ];
  return settings;
}

async function openPanel(): Promise<Page> {
  const page = await extension.openPage('sidepanel.html');
  await page.setViewportSize(PANEL);
  await page.getByLabel('メッセージを入力').waitFor();
  return page;
}

async function ask(page: Page, question: string, answerPart: string) {
  await page.getByLabel('メッセージを入力').fill(question);
  await page.getByRole('button', { name: '送信' }).click();
  await expect.poll(() => page.getByText(answerPart).count(), { timeout: 15_000 }).toBeGreaterThan(0);
  await expect.poll(() => page.getByRole('button', { name: '停止' }).count()).toBe(0);
}

/** Who wrote each bubble, top to bottom. */
function authors(page: Page) {
  return page.locator('.conversation .message .author').allTextContents();
}

beforeAll(async () => {
  gateway = await startGatewayServer();
  extension = await launchExtension();
  await saveSettingsInExtension(extension.worker, settingsWithLabels());
  panel = await openPanel();
});

afterAll(async () => {
  await extension?.close();
  await gateway?.close();
});

describe('the side panel at 380 × 800', () => {
  it('reopens and exports every conversation question first, though question and answer share a millisecond', async () => {
    const questions = [
      '住民税の納付期限は',
      '保育料の軽減は',
      '転入届の期限は',
      '粗大ごみの出し方は',
      '印鑑登録の手数料は',
    ];
    for (const [index, question] of questions.entries()) {
      gateway.setReply(`回答${index}: 窓口でご案内します。`);
      await panel.getByRole('button', { name: '新しい会話' }).click();
      await ask(panel, question, `回答${index}:`);
    }
    await panel.reload();
    await panel.getByRole('button', { name: '履歴', exact: true }).click();
    const rows = panel.locator('.history-row .history-open');
    await expect.poll(() => rows.count()).toBe(questions.length);
    for (let row = 0; row < questions.length; row += 1) {
      await panel.locator('.history-row .history-open').nth(row).click();
      await expect.poll(() => authors(panel)).toEqual(['あなた', 'AI · ChatGPT']);
      await panel.getByRole('button', { name: '履歴', exact: true }).click();
    }
    const downloading = panel.waitForEvent('download');
    await panel.getByRole('button', { name: '読みやすい文書で保存' }).click();
    const download = await downloading;
    // The file is named in the PC's local time (the test runs in the machine's zone).
    const now = new Date();
    const two = (value: number) => String(value).padStart(2, '0');
    expect(download.suggestedFilename()).toContain(
      `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}`,
    );
    const path = join(extension.profile, 'export.md');
    await download.saveAs(path);
    const markdown = readFileSync(path, 'utf8');
    for (const [index, question] of questions.entries()) {
      expect(markdown).toContain(`### あなた\n\n${question}\n\n### AI\n\n回答${index}:`);
    }
    expect(markdown).toContain('- モデル: ChatGPT');
    expect(markdown).toMatch(/- \d{4}年\d{1,2}月\d{1,2}日 \d{1,2}:\d{2}/u);
  });

  it('shows no raw model id anywhere in the panel when the policy gives labels, history filter included', async () => {
    // Still in the history view from the test above.
    await panel.getByRole('searchbox', { name: '履歴を検索' }).focus();
    await expect
      .poll(() => panel.locator('.history-search select').last().locator('option').allTextContents())
      .toContain('ChatGPT');
    const text = await panel.evaluate(
      () =>
        document.body.innerText +
        [...document.querySelectorAll('option')].map((o) => o.textContent).join(' '),
    );
    expect(text).not.toContain('gpt-4.1-mini');
    expect(text).not.toContain('claude-sonnet-4-5');
    await panel.keyboard.press('Escape');
    await panel.locator('.history-view').waitFor({ state: 'detached' });
  });

  it('sets its own text size: chat box, buttons and answer text are at least 14 px at 標準', async () => {
    await panel.getByRole('button', { name: '新しい会話' }).click();
    gateway.setReply('申請書は市民課窓口で受け付けます。\n郵送でも受け付けます。');
    await ask(panel, '申請書の提出先は', '郵送でも');
    const sizes = await panel.evaluate(() => {
      const px = (element: Element | null) =>
        element ? Number.parseFloat(getComputedStyle(element).fontSize) : 0;
      return {
        chatBox: px(document.querySelector('textarea')),
        buttons: [...document.querySelectorAll('button')].filter((b) => b.offsetParent).map(px),
        answer: px(document.querySelector('.message-assistant .markdown p')),
        family: getComputedStyle(document.body).fontFamily,
      };
    });
    expect(sizes.chatBox).toBeGreaterThanOrEqual(14);
    expect(Math.min(...sizes.buttons)).toBeGreaterThanOrEqual(14);
    expect(sizes.answer).toBeGreaterThanOrEqual(14);
    expect(sizes.family).toMatch(/^"?Noto Sans JP/u);
    // A single line break in the answer is shown as one.
    expect(await panel.locator('.message-assistant .markdown p br').count()).toBe(1);
    // 「コピー」 and 「カーソル位置に挿入」 each stay on one line at this width.
    for (const name of ['コピー', 'カーソル位置に挿入']) {
      const box = await panel.locator('.message-assistant header button', { hasText: name }).boundingBox();
      expect(box?.height ?? 99).toBeLessThan(40);
    }
  });

  it('ties 「コピーしました」 to its answer: a new conversation never shows it', async () => {
    await panel.locator('.message-assistant header button', { hasText: 'コピー' }).first().click();
    const feedback = panel.locator('.message-assistant .notice');
    await expect.poll(() => feedback.count()).toBe(1);
    await panel.getByRole('button', { name: '新しい会話' }).click();
    gateway.setReply('窓口の受付時間は午前8時30分から午後5時15分です。');
    await ask(panel, '受付時間は', '午後5時15分');
    expect(await panel.getByText(/コピーしました|コピーできませんでした/u).count()).toBe(0);
  });

  it('closes the template list on opening a form, focuses its first field, shows the fields and the answer in view', async () => {
    await panel.getByRole('button', { name: '新しい会話' }).click();
    await panel.locator('details.templates > summary').click();
    await panel.getByRole('button', { name: '項目を入力して使う: 議会答弁案・想定問答' }).click();
    expect(await panel.locator('details.templates').getAttribute('open')).toBeNull();
    expect(await panel.evaluate(() => document.activeElement?.closest('.template-form') !== null)).toBe(true);
    await panel.keyboard.type('子育て支援の拡充について');
    await panel.getByLabel(/所管課/u).fill('こども家庭課');
    await panel.getByLabel(/回答の方向性/u).fill('令和8年度から保育料の軽減を拡大する');
    gateway.setReply(
      `${'〇〇議員のご質問にお答えいたします。本市では子育て支援を拡充してまいります。\n\n'.repeat(12)}以上です。`,
    );
    await panel.getByRole('button', { name: 'この内容でたたき台を作る' }).click();
    await expect.poll(() => panel.getByText('以上です。').count(), { timeout: 15_000 }).toBe(1);
    const question = panel.locator('.message-user').last();
    expect(await question.locator('.user-text').first().textContent()).toContain('所管課: こども家庭課');
    expect(await question.locator('details.input-text').getAttribute('open')).toBeNull();
    expect(await question.locator('details.input-text').textContent()).toContain('AIに送った指示');
    const answer = await panel.locator('.message-assistant').last().boundingBox();
    expect(answer?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect(answer?.y ?? PANEL.height).toBeLessThan(PANEL.height - 100);
  });

  it('stops a streaming answer with Escape', async () => {
    await panel.getByRole('button', { name: '新しい会話' }).click();
    const { chunkDelayMs, chunkSize } = gateway;
    gateway.chunkDelayMs = 150;
    gateway.chunkSize = 2;
    gateway.setReply(
      '転入届は、引っ越した日から14日以内に市民課へ届け出てください。本人確認書類が必要です。'.repeat(4),
    );
    try {
      await panel.getByLabel('メッセージを入力').fill('転入届の期限は');
      await panel.getByRole('button', { name: '送信' }).click();
      await expect.poll(() => panel.getByText('転入届は').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      await panel.keyboard.press('Escape');
      await expect.poll(() => panel.getByRole('button', { name: '停止' }).count()).toBe(0);
      await expect.poll(() => panel.locator('.message-assistant .badge').allTextContents()).toContain('中断');
    } finally {
      gateway.chunkDelayMs = chunkDelayMs;
      gateway.chunkSize = chunkSize;
    }
  });

  it('shows next to Copy that the disclosure note 「（生成AIを利用して作成）」 will be added', async () => {
    const settings = settingsWithLabels();
    settings.disclosure.copySuffix = '（生成AIを利用して作成）';
    await saveSettingsInExtension(extension.worker, settings);
    await panel.reload();
    gateway.setReply('住民票の写しは1通300円です。');
    await ask(panel, '住民票の写しの手数料は', '1通300円');
    const note = panel.locator('.message-assistant .copy-note');
    expect(await note.textContent()).toBe('コピー・挿入すると末尾に「（生成AIを利用して作成）」が付きます');
    expect(await note.isVisible()).toBe(true);
  });

  it('says a missing API key before sending and takes the user to the key field in one click', async () => {
    const settings = settingsWithLabels();
    settings.apiKey = '';
    await saveSettingsInExtension(extension.worker, settings);
    await panel.reload();
    await panel.getByText('APIキーが未入力です').waitFor();
    expect(await panel.getByLabel('メッセージを入力').isDisabled()).toBe(true);
    const before = gateway.requests.length;
    const opening = extension.context.waitForEvent('page');
    await panel.getByRole('button', { name: 'APIキーを入力する' }).click();
    const options = await opening;
    await options.setViewportSize(PANEL);
    await options.waitForLoadState();
    expect(new URL(options.url()).hash).toBe('#connection');
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.closest('label')?.textContent ?? ''))
      .toContain('APIキー');
    expect(gateway.requests.length).toBe(before);
    await options.close();
  });
});

describe('in English, where wording matters', () => {
  it('says the key is missing in English too, and Escape closes an open template form', async () => {
    const settings = settingsWithLabels();
    settings.apiKey = '';
    settings.uiLanguage = 'en';
    await saveSettingsInExtension(extension.worker, settings);
    await panel.reload();
    await panel.getByText('No API key entered yet').waitFor();
    expect(await panel.getByRole('button', { name: 'Enter the API key' }).isVisible()).toBe(true);
    expect(await panel.evaluate(() => document.body.innerText)).not.toMatch(/[ぁ-んァ-ヶ]{3}/u);

    await panel.locator('details.templates > summary').click();
    await panel
      .getByRole('button', { name: /^Fill in and use: / })
      .first()
      .click();
    const form = panel.locator('form.template-form');
    await expect.poll(() => form.count()).toBe(1);
    expect(await panel.evaluate(() => document.activeElement?.closest('form.template-form') !== null)).toBe(
      true,
    );
    await panel.keyboard.press('Escape');
    await expect.poll(() => form.count()).toBe(0);
  });
});

describe('notices that belong to a result, at 380 × 800', () => {
  let site: PageServer;
  let article: Page;
  const articleUrl = () => `${site.url}/article.html`;

  beforeAll(async () => {
    site = await startPageServer();
    await saveSettingsInExtension(extension.worker, settingsWithLabels());
    article = await extension.context.newPage();
    await article.goto(articleUrl());
    await panel.reload();
    await panel.getByLabel('メッセージを入力').waitFor();
  });

  afterAll(async () => {
    await site?.close();
  });

  it('shows 「元の文章を置き換えました」 only on the result that was replaced, never on the next one', async () => {
    const polite = 'お問い合わせいただいた件につきましては、書類をお持ちのうえ、平日にお越しください。';
    gateway.setReply(polite);
    await selectInField(article, '#reply');
    await clickMenuItem(extension.worker, 'polite', articleUrl());
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('お越しください');
    await card.getByRole('button', { name: '選択部分を置き換え' }).click();
    await expect.poll(() => panel.getByText('元の文章を置き換えました').count()).toBe(1);

    gateway.setReply('住民の皆さんは、平日に市民課の窓口でマイナンバーカードを受け取ることができます。');
    await selectElementText(article, '#english');
    await clickMenuItem(extension.worker, 'translate', articleUrl());
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('受け取ることができます');
    await expect.poll(() => card.getAttribute('aria-busy')).toBe('false');
    expect(await panel.getByText('元の文章を置き換えました').count()).toBe(0);
  });

  it('does not carry a blocked-site notice into the history view', async () => {
    const settings = settingsWithLabels();
    settings.sites.blocked = ['http://127.0.0.1/*'];
    await saveSettingsInExtension(extension.worker, settings);
    await panel.reload();
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', articleUrl());
    const notice = panel.getByText('このサイトの文章はAIに送信できません', { exact: false });
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(1);
    await panel.getByRole('button', { name: '履歴', exact: true }).click();
    await panel.locator('.history-view').waitFor();
    expect(await notice.count()).toBe(0);
    // The row names the action on its date line; the title shows what tells rows apart, on up to two lines.
    const polite = panel.locator('.history-row', { hasText: 'お問い合わせの件' });
    await expect.poll(() => polite.count()).toBe(1);
    expect(await polite.locator('.history-title').textContent()).toMatch(/^お問い合わせの件/u);
    expect(await polite.locator('.history-meta').textContent()).toContain('丁寧に書き直す');
    await saveSettingsInExtension(extension.worker, settingsWithLabels());
    await panel.reload();
  });

  it('on first run, says why an action waits for the guideline, runs it on acceptance, then offers the tour once', async () => {
    const settings = settingsWithLabels();
    settings.guideline = {
      title: '矢板市生成AI利用ガイドライン',
      url: '',
      text: '個人情報を入力しないこと。出力は必ず職員が確認すること。',
      version: '2026-04',
      requireAcceptance: true,
    };
    await saveSettingsInExtension(extension.worker, settings);
    await panel.reload();
    await panel.getByRole('button', { name: '読んだうえで同意する' }).waitFor();
    gateway.setReply('- マイナンバーカードの受け取りには交付通知書と本人確認書類が必要です。');
    await selectElementText(article, '#notice');
    const before = gateway.requests.length;
    await clickMenuItem(extension.worker, 'summarize', articleUrl());
    await expect
      .poll(() => panel.getByText('「要約する」は、下の利用ガイドラインに同意すると実行されます。').count())
      .toBe(1);
    // Nothing leaves before acceptance.
    expect(gateway.requests.length).toBe(before);

    await panel.getByRole('button', { name: '読んだうえで同意する' }).click();
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain('交付通知書');
    await panel.getByRole('button', { name: '使い方を見る' }).click();
    await expect.poll(() => panel.locator('.tour-steps li').count()).toBe(3);
    await saveSettingsInExtension(extension.worker, settingsWithLabels());
    await panel.reload();
  });

  it('saves a comparison as finished after 「この回答を使う」, not as 中断', async () => {
    await panel.getByRole('button', { name: '新しい会話' }).click();
    gateway.setReply(
      (body) => `${body.model === 'gpt-4.1-mini' ? 'ChatGPT' : 'Claude'}の回答: 1通300円です。`,
    );
    await panel.getByRole('button', { name: '比較', exact: true }).click();
    await panel.getByLabel('メッセージを入力').fill('住民票の写しの手数料（比較）');
    await panel.getByRole('button', { name: '送信' }).click();
    const compare = panel.locator('section.compare');
    await expect.poll(() => compare.getByText('Claudeの回答').count(), { timeout: 15_000 }).toBe(1);
    await expect
      .poll(() => compare.locator('article[aria-busy="true"]').count(), { timeout: 15_000 })
      .toBe(0);
    await compare.getByRole('button', { name: 'この回答を使う' }).first().click();
    await expect.poll(() => compare.count()).toBe(0);
    await panel.reload();
    await panel.getByRole('button', { name: '履歴', exact: true }).click();
    const row = panel.locator('.history-row', { hasText: '住民票の写しの手数料（比較）' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('.badge').count()).toBe(0);
    // The 中断 badge of a stopped answer, where there is one, is fully visible at this width.
    const stopped = panel.locator('.history-row .badge', { hasText: '中断' }).first();
    const box = await stopped.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= PANEL.width).toBe(true);
  });
});

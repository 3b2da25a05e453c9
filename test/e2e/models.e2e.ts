import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../utils/settings/schema';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { type PageServer, startPageServer } from './support/pages';
import { clickMenuItem, gatewaySettings, saveSettingsInExtension, selectElementText } from './support/panel';

const OPENAI_MODEL = 'gpt-4.1-mini';
const ANTHROPIC_MODEL = 'claude-sonnet-4-5';

let extension: LoadedExtension;
let gateway: GatewayServer;
let site: PageServer;
let panel: Page;

/** One profile, two models: an OpenAI-format one and an Anthropic-format one with a header of its own. */
function twoFormatSettings(): Settings {
  const settings = gatewaySettings(gateway.url, 'openai', []);
  settings.models = [
    { id: OPENAI_MODEL, label: 'ChatGPT', purpose: '要約・翻訳向き' },
    {
      id: ANTHROPIC_MODEL,
      label: 'Claude',
      purpose: '文書作成・校正向き',
      apiFormat: 'anthropic',
      baseUrl: gateway.url,
      headers: { 'x-cost-center': 'shiminka' },
    },
  ];
  settings.defaultModel = OPENAI_MODEL;
  return settings;
}

beforeAll(async () => {
  [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  gateway.setReply((body) => `${body.model} の回答です。窓口は平日 8:30〜17:15 に開いています。`);
  extension = await launchExtension();
  await saveSettingsInExtension(extension.worker, twoFormatSettings());
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  await extension?.close();
  await Promise.all([gateway?.close(), site?.close()]);
});

beforeEach(async () => {
  gateway.chunkDelayMs = 2;
  await panel.getByRole('button', { name: '新しい会話' }).click();
});

const answerFrom = (model: string) => `${model} の回答です。窓口は平日 8:30〜17:15 に開いています。`;

/** Assistant answers as stored in the extension's own IndexedDB `tatakidai`. */
async function storedAnswers(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ model: string; content: string; superseded?: boolean; usage?: unknown }[]>(
        (resolve, reject) => {
          const open = indexedDB.open('tatakidai');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const request = open.result.transaction('messages').objectStore('messages').getAll();
            request.onsuccess = () => {
              open.result.close();
              const messages = request.result as {
                role: string;
                status: string;
                model: string;
                content: string;
                superseded?: boolean;
                usage?: unknown;
              }[];
              resolve(messages.filter((m) => m.role === 'assistant' && m.status === 'complete'));
            };
          };
        },
      ),
  );
}

/** The turns the model saw in the last request, without the OpenAI format's system message. */
function chatTurns() {
  return (gateway.requests.at(-1)?.body?.messages ?? []).filter((message) => message.role !== 'system');
}

async function ask(question: string) {
  const box = panel.getByRole('textbox', { name: /メッセージ/ });
  await box.fill(question);
  await box.press('Enter');
}

describe('several models in the side panel', () => {
  it('names each model by its label and purpose in the picker', async () => {
    const options = await panel.getByLabel('モデル').first().locator('option').allInnerTexts();
    expect(options).toEqual(['ChatGPT — 要約・翻訳向き', 'Claude — 文書作成・校正向き']);
  });

  it('shows the tokens under an answer, then tries another model, keeping the first answer', async () => {
    await ask('転入届に必要な書類は？');
    const answers = panel.locator('.conversation article.message-assistant');
    await expect
      .poll(() => answers.first().innerText(), { timeout: 15_000 })
      .toContain(answerFrom(OPENAI_MODEL));
    await expect
      .poll(() => answers.first().locator('.usage-line').innerText())
      .toMatch(/^AIの処理量: 入力 [\d,]+ \/ 出力 \d+$/);

    await panel.getByLabel('別のモデルで試す').selectOption(ANTHROPIC_MODEL);
    await expect.poll(() => answers.count(), { timeout: 15_000 }).toBe(2);
    await expect
      .poll(() => answers.nth(1).innerText(), { timeout: 15_000 })
      .toContain(answerFrom(ANTHROPIC_MODEL));
    const request = gateway.requests.at(-1);
    expect(request?.path).toBe('/v1/messages');
    expect(request?.body?.model).toBe(ANTHROPIC_MODEL);
    expect(request?.headers['x-cost-center']).toBe('shiminka');
    // The first answer stays on screen, marked as set aside.
    await expect(answers.first().innerText()).resolves.toContain('別のモデルの回答');

    // A follow-up continues from the new answer only.
    await ask('郵送でもできますか？');
    await expect.poll(() => answers.count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => chatTurns(), { timeout: 15_000 }).toHaveLength(3);
    const followUp = chatTurns();
    expect(JSON.stringify(followUp)).toContain(answerFrom(ANTHROPIC_MODEL));
    expect(JSON.stringify(followUp)).not.toContain(answerFrom(OPENAI_MODEL));

    await expect
      .poll(async () => (await storedAnswers(panel)).map((answer) => answer.model), { timeout: 15_000 })
      .toEqual(expect.arrayContaining([OPENAI_MODEL, ANTHROPIC_MODEL]));
  });

  it('compares an OpenAI-format and an Anthropic-format model, streaming both, saving both, keeping one', async () => {
    gateway.chunkDelayMs = 40;
    const before = gateway.requests.length;
    await panel.getByRole('button', { name: '比較', exact: true }).click();
    await expect(panel.getByRole('checkbox', { name: /ChatGPT/ }).isChecked()).resolves.toBe(true);
    await expect(panel.getByRole('checkbox', { name: /Claude/ }).isChecked()).resolves.toBe(true);
    await ask('住民票の写しの手数料は？');

    const compare = panel.locator('section.compare');
    const openai = compare.locator(`article[data-model="${OPENAI_MODEL}"]`);
    const anthropic = compare.locator(`article[data-model="${ANTHROPIC_MODEL}"]`);
    // Both stream at the same time, each with text already showing.
    await expect
      .poll(
        async () =>
          (await openai.getAttribute('aria-busy')) === 'true' &&
          (await anthropic.getAttribute('aria-busy')) === 'true' &&
          (await openai.innerText()).includes('の回答') &&
          (await anthropic.innerText()).includes('の回答'),
        { timeout: 15_000, interval: 20 },
      )
      .toBe(true);
    await expect
      .poll(() => compare.locator('article[aria-busy="true"]').count(), { timeout: 20_000 })
      .toBe(0);
    await expect(openai.innerText()).resolves.toContain(answerFrom(OPENAI_MODEL));
    await expect(anthropic.innerText()).resolves.toContain(answerFrom(ANTHROPIC_MODEL));
    await expect(anthropic.locator('.usage-line').innerText()).resolves.toMatch(/AIの処理量/);
    expect(
      gateway.requests
        .slice(before)
        .map((request) => `${request.path} ${request.body?.model}`)
        .sort(),
    ).toEqual([`/v1/chat/completions ${OPENAI_MODEL}`, `/v1/messages ${ANTHROPIC_MODEL}`]);

    await expect
      .poll(
        async () =>
          (await storedAnswers(panel))
            .filter((answer) => answer.content.includes('の回答'))
            .map((answer) => answer.model)
            .filter((model) => model === OPENAI_MODEL || model === ANTHROPIC_MODEL).length,
        { timeout: 15_000 },
      )
      .toBeGreaterThanOrEqual(4);

    await anthropic.getByRole('button', { name: 'この回答を使う' }).click();
    await expect.poll(() => panel.locator('section.compare').count()).toBe(0);
    gateway.chunkDelayMs = 2;
    await ask('コンビニでも取れますか？');
    await expect.poll(() => chatTurns(), { timeout: 15_000 }).toHaveLength(3);
    const followUp = JSON.stringify(chatTurns());
    expect(followUp).toContain(answerFrom(ANTHROPIC_MODEL));
    expect(followUp).not.toContain(answerFrom(OPENAI_MODEL));
  });

  it('tries a right-click result on another model, and remembers the model chosen for that action', async () => {
    const article = await extension.context.newPage();
    await article.goto(`${site.url}/article.html`);
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain(answerFrom(OPENAI_MODEL));
    await expect(card.locator('.usage-line').innerText()).resolves.toMatch(/AIの処理量/);

    await card.getByLabel('別のモデルで試す').selectOption(ANTHROPIC_MODEL);
    await expect.poll(() => card.innerText(), { timeout: 15_000 }).toContain(answerFrom(ANTHROPIC_MODEL));
    expect(gateway.requests.at(-1)?.body?.model).toBe(ANTHROPIC_MODEL);
    // The first answer is kept below the card.
    await expect
      .poll(() => panel.locator('.conversation article.message-assistant').innerText())
      .toContain(answerFrom(OPENAI_MODEL));

    // Picking Claude for summaries: the next summary starts on it, the chat stays on its own choice.
    await panel.getByLabel('モデル').first().selectOption(ANTHROPIC_MODEL);
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    await expect.poll(() => gateway.requests.at(-1)?.body?.model, { timeout: 15_000 }).toBe(ANTHROPIC_MODEL);
    await panel.getByRole('button', { name: '新しい会話' }).click();
    await expect.poll(() => panel.getByLabel('モデル').first().inputValue()).toBe(OPENAI_MODEL);
    await article.close();
  });

  it('compares a right-click result on two models from its card, showing the selected text as the question', async () => {
    const article = await extension.context.newPage();
    await article.goto(`${site.url}/article.html`);
    const selected = await selectElementText(article, '#english');
    await clickMenuItem(extension.worker, 'translate', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect.poll(() => card.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
    const before = gateway.requests.length;
    await card.getByRole('button', { name: 'モデルを比較' }).click();
    await panel.getByRole('button', { name: 'この質問で比較する' }).click();
    const compare = panel.locator('section.compare');
    await expect.poll(() => compare.locator('header').innerText()).toContain(selected.trim());
    await expect
      .poll(() => compare.locator('article[aria-busy="true"]').count(), { timeout: 20_000 })
      .toBe(0);
    expect(
      gateway.requests
        .slice(before)
        .map((request) => request.body?.model)
        .sort(),
    ).toEqual([ANTHROPIC_MODEL, OPENAI_MODEL].sort());
    // The question is the translate prompt both times, with the page text fenced as data.
    for (const request of gateway.requests.slice(before)) {
      expect(JSON.stringify(request.body?.messages)).toMatch(/<document-[0-9a-f]{16}>/);
    }
    await compare
      .locator(`article[data-model="${OPENAI_MODEL}"]`)
      .getByRole('button', { name: 'この回答を使う' })
      .click();
    await expect.poll(() => card.innerText()).toContain(answerFrom(OPENAI_MODEL));
    await article.close();
  });

  it('counts the answers and tokens per model in the options page, on this PC only', async () => {
    const options = await extension.openPage('options.html#usage');
    const section = options.locator('#usage');
    // Models by the policy's labels, not raw ids.
    const byModel = section.locator('table.usage-by-model');
    await expect.poll(() => byModel.innerText(), { timeout: 10_000 }).toContain('ChatGPT');
    await expect(byModel.innerText()).resolves.toContain('Claude');
    await expect(byModel.innerText()).resolves.not.toContain(ANTHROPIC_MODEL);
    const claudeRow = byModel.getByRole('row', { name: /Claude/ });
    const cells = await claudeRow.locator('td').allInnerTexts();
    expect(Number(cells[0])).toBeGreaterThanOrEqual(3);
    expect(Number((cells[2] ?? '').replace(/,/g, ''))).toBeGreaterThan(0);
    await expect(section.locator('table.usage-by-use').innerText()).resolves.toContain('要約する');
    await expect(section.locator('table.usage-by-use').innerText()).resolves.toContain('チャット');
    await expect(section.locator('.usage-chart rect.bar-segment').count()).resolves.toBeGreaterThan(0);
    await expect(section.locator('.minutes-saved').innerText()).resolves.toMatch(
      /今月の削減見込み: 約 [\d.]+ 時間/,
    );

    options.once('dialog', (dialog) => void dialog.accept());
    await section.getByRole('button', { name: '集計をリセット' }).click();
    await expect.poll(() => section.innerText()).toContain('まだ記録がありません');
    await options.close();
  });
});

describe('the options page', () => {
  it('fills the gateway form from a preset, and the model list from the gateway', async () => {
    const options = await extension.openPage('options.html');
    // Presets and the model list are administrators' settings: unfold them.
    await options.locator('#admin-connection > summary').click();
    await options.locator('#admin-models > summary').click();
    await options.getByLabel('ゲートウェイのプリセット').selectOption('azure-openai');
    await options.getByLabel('{resource}').fill('yaita-aoai');
    await options.getByRole('button', { name: 'プリセットを入れる' }).click();
    await expect
      .poll(() => options.getByLabel('ゲートウェイのURL').inputValue())
      .toBe('https://yaita-aoai.openai.azure.com/openai/v1');
    await expect(options.getByLabel('認証ヘッダー', { exact: false }).inputValue()).resolves.toBe('api-key');
    await expect(options.getByLabel('API形式').inputValue()).resolves.toBe('openai');

    await options.getByLabel('ゲートウェイのプリセット').selectOption('litellm');
    await options.getByRole('button', { name: 'プリセットを入れる' }).click();
    await expect
      .poll(() => options.locator('.notice').first().innerText())
      .toContain('次の項目を入力してください');

    gateway.knownModels = [OPENAI_MODEL, ANTHROPIC_MODEL, 'plamo-2.1-prime'];
    await options.getByLabel('ゲートウェイのURL').fill(gateway.url);
    await options.getByRole('button', { name: 'ゲートウェイからモデルを取得' }).click();
    await expect
      .poll(() => options.getByLabel('モデル名（1行に1つ）').inputValue())
      .toContain('plamo-2.1-prime');
    expect(gateway.requests.at(-1)?.path).toBe('/v1/models');
    gateway.knownModels = [];
    await options.close();
  });
});

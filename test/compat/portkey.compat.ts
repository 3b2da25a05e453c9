import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import OpenAI from 'openai';
import type { Locator, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Settings } from '../../utils/settings/schema';
import { type LoadedExtension, launchExtension } from '../e2e/support/extension';
import { type PageServer, startPageServer } from '../e2e/support/pages';
import {
  clickMenuItem,
  gatewaySettings,
  saveSettingsInExtension,
  selectElementText,
  selectInField,
} from '../e2e/support/panel';
import { DEFAULT_GATEWAY_REPLY, type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { PORTKEY_VERSION, type PortkeyGateway, startPortkey } from './support/portkey';

/**
 * The built extension in Chromium → the real Portkey gateway (npm, open source) on 127.0.0.1 → our upstream
 * double. Portkey is configured only the way an administrator would: its routing headers in the gateway
 * profile's extra headers. Nothing in the extension knows Portkey.
 */

const KEY = 'sk-yaita-test-0001';
const STAFF_ID = 'yamada.taro@city.yaita.lg.jp';
const OPENAI_MODEL = 'gpt-4.1-mini';
const ANTHROPIC_MODEL = 'claude-sonnet-4-5';

const SUMMARY =
  '- マイナンバーカードの受け取りには**交付通知書**と本人確認書類が必要です。\n- 受付は平日 8:30〜17:15、市民課窓口です。\n- 混雑するため事前予約をおすすめします。';
const POLITE =
  'お問い合わせいただき、ありがとうございます。受け取りの際は、交付通知書と本人確認書類をお持ちください。平日の開庁時間にお越しくださいますよう、お願い申し上げます。';
const PROOFREAD =
  '<corrected>\n窓口は混んでいるので、予約してください。\n</corrected>\n<changes>\n- 「混んでる」を「混んでいる」に修正（い抜き言葉）\n- 「予約してね」を丁寧な依頼の形に修正\n</changes>';
const TRANSLATION = '住民の皆さんは、平日に市民課の窓口でマイナンバーカードを受け取ることができます。';

const MESSAGES = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../public/_locales/ja/messages.json'), 'utf8'),
) as Record<string, { message: string }>;

/** The Japanese sentence the panel shows for a message key, with `$1`… filled in. */
function ja(key: string, ...substitutions: string[]): string {
  const message = MESSAGES[key]?.message;
  if (!message) throw new Error(`no ja message ${key}`);
  return message.replace(/\$(\d)/g, (_, index: string) => substitutions[Number(index) - 1] ?? '');
}

let upstream: GatewayServer;
let portkey: PortkeyGateway;
let site: PageServer;
let extension: LoadedExtension;
let article: Page;
let panel: Page;
/** Every answer the browser received from a 127.0.0.1 gateway, with the provider Portkey says it used. */
const gatewayResponses: { url: string; status: number; provider: string | undefined }[] = [];

/** The gateway profile an administrator would write for Portkey in front of an upstream of this format. */
function throughPortkey(format: 'openai' | 'anthropic'): Settings {
  const settings = gatewaySettings(portkey.url, format, [
    format === 'openai' ? OPENAI_MODEL : ANTHROPIC_MODEL,
  ]);
  settings.apiKey = KEY;
  // The key goes in each format's usual header (Authorization: Bearer, x-api-key): Portkey reads both.
  settings.gateway.headers = { 'x-portkey-provider': format, 'x-portkey-custom-host': upstream.url };
  settings.userId = STAFF_ID;
  settings.gateway.userAttribution = { header: '', bodyUser: true };
  return settings;
}

async function useSettings(settings: Settings): Promise<void> {
  await saveSettingsInExtension(extension.worker, settings);
  await panel.reload();
}

/** The newest answer as the history database keeps it: the exact text that arrived, and whether it finished. */
function lastStoredAnswer(page: Page): Promise<{ content: string; status: string } | null> {
  return page.evaluate(
    () =>
      new Promise<{ content: string; status: string } | null>((done, fail) => {
        const opening = indexedDB.open('tatakidai');
        opening.onerror = () => fail(opening.error);
        opening.onsuccess = () => {
          const database = opening.result;
          const reading = database.transaction('messages').objectStore('messages').getAll();
          reading.onerror = () => fail(reading.error);
          reading.onsuccess = () => {
            const answers = (
              reading.result as { role: string; content: string; status: string; createdAt: number }[]
            )
              .filter((message) => message.role === 'assistant')
              .sort((a, b) => a.createdAt - b.createdAt);
            const last = answers.at(-1);
            database.close();
            done(last ? { content: last.content, status: last.status } : null);
          };
        };
      }),
  );
}

async function ask(question: string): Promise<Locator> {
  const box = panel.getByRole('textbox', { name: /メッセージ/ });
  await box.fill(question);
  await box.press('Enter');
  return panel.locator('.message-assistant').last();
}

/** The text in an element; the assertions look for sentences in it, not at its layout. */
async function textOf(locator: Locator): Promise<string> {
  return (await locator.textContent()) ?? '';
}

/** Waits for an answer to finish, noting how much of it was visible at each look while it streamed. */
async function watchStreaming(answer: Locator): Promise<number[]> {
  const visibleLengths = new Set<number>();
  await expect
    .poll(
      async () => {
        const busy = await answer.getAttribute('aria-busy');
        if (busy === 'true') visibleLengths.add((await textOf(answer.locator('.message-body'))).length);
        return busy;
      },
      { timeout: 20_000, interval: 25 },
    )
    .toBe('false');
  return [...visibleLengths].filter((length) => length > 0);
}

interface UpstreamFailure {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
  /** The sentence the panel must show, from public/_locales/ja/messages.json. */
  shown: () => string;
  /**
   * How many times the panel asks before it shows the failure: a 5xx is retried twice automatically. A 429 is
   * retried after its Retry-After, so these tests send one longer than the panel waits by itself (120 s).
   */
  attempts: number;
}

/** The requests the upstream received since `from`, which Portkey must have made on the browser's behalf. */
function forwardedSince(from: number) {
  return upstream.requests.slice(from);
}

beforeAll(async () => {
  [upstream, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  portkey = await startPortkey();
  extension = await launchExtension();
  extension.context.on('response', (response: Response) => {
    const url = response.url();
    if (url.startsWith('http://127.0.0.1') && !url.startsWith(site.url)) {
      gatewayResponses.push({
        url,
        status: response.status(),
        provider: response.headers()['x-portkey-provider'],
      });
    }
  });
  await saveSettingsInExtension(extension.worker, throughPortkey('openai'));
  article = await extension.context.newPage();
  await article.goto(`${site.url}/article.html`);
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  await extension?.close();
  await portkey?.stop();
  await Promise.all([upstream?.close(), site?.close()]);
});

beforeEach(async () => {
  upstream.chunkDelayMs = 2;
  await panel.getByRole('button', { name: '新しい会話' }).click();
});

describe('OpenAI format through Portkey', () => {
  it('streams a chat answer that arrives exactly as the upstream sent it, piece by piece', async () => {
    upstream.chunkDelayMs = 30;
    upstream.setReply(DEFAULT_GATEWAY_REPLY);
    const from = upstream.requests.length;
    const answer = await ask('市民課の窓口案内を職員向けにまとめてください');

    const seenWhileStreaming = await watchStreaming(answer);
    // More than one partial length: Portkey passed the stream through, it did not buffer the whole answer.
    expect(seenWhileStreaming.length).toBeGreaterThan(1);
    await expect
      .poll(() => lastStoredAnswer(panel))
      .toEqual({ content: DEFAULT_GATEWAY_REPLY, status: 'complete' });
    await expect(answer.locator('li').allInnerTexts()).resolves.toHaveLength(3);
    await expect(textOf(answer)).resolves.toContain('お気軽にお尋ねください🙇');

    const [forwarded, ...more] = forwardedSince(from);
    expect(more).toHaveLength(0);
    expect(forwarded?.path).toBe('/v1/chat/completions');
    expect(forwarded?.headers.authorization).toBe(`Bearer ${KEY}`);
    // Made by Portkey, not the browser: no extension origin, and Portkey's own routing headers consumed.
    expect(forwarded?.headers.origin).toBeUndefined();
    expect(forwarded?.headers['x-portkey-provider']).toBeUndefined();
    expect(forwarded?.body).toMatchObject({ model: OPENAI_MODEL, stream: true, user: STAFF_ID });
    expect(gatewayResponses.at(-1)).toEqual({
      url: `${portkey.url}/chat/completions`,
      status: 200,
      provider: 'openai',
    });
  });

  it('summarises the selected text from the right-click menu', async () => {
    upstream.setReply(SUMMARY);
    const from = upstream.requests.length;
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect
      .poll(() => lastStoredAnswer(panel), { timeout: 15_000 })
      .toEqual({
        content: SUMMARY,
        status: 'complete',
      });
    await expect.poll(() => card.getAttribute('aria-busy')).toBe('false');
    await expect(card.getByRole('heading', { name: '要約する' }).isVisible()).resolves.toBe(true);
    await expect(card.locator('li').allInnerTexts()).resolves.toHaveLength(3);
    const [forwarded] = forwardedSince(from);
    expect(JSON.stringify(forwarded?.body)).toContain('本人確認書類が必要です。\\n受け取りは');
  });

  it('rewrites a reply politely and puts it back into the textarea', async () => {
    upstream.setReply(POLITE);
    await selectInField(article, '#reply');
    await clickMenuItem(extension.worker, 'polite', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect
      .poll(() => lastStoredAnswer(panel), { timeout: 15_000 })
      .toEqual({
        content: POLITE,
        status: 'complete',
      });
    await card.getByRole('button', { name: '選択部分を置き換え' }).click();
    await expect.poll(() => article.locator('#reply').inputValue()).toBe(POLITE);
  });

  it('proofreads with a visible diff and the list of changes', async () => {
    upstream.setReply(PROOFREAD);
    await selectElementText(article, '#editor');
    await clickMenuItem(extension.worker, 'proofread', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect
      .poll(() => lastStoredAnswer(panel), { timeout: 15_000 })
      .toEqual({
        content: PROOFREAD,
        status: 'complete',
      });
    await expect.poll(() => card.getAttribute('aria-busy')).toBe('false');
    await expect(card.locator('ins').count()).resolves.toBeGreaterThan(0);
    await expect(card.locator('del').count()).resolves.toBeGreaterThan(0);
    await expect(card.getByText('い抜き言葉', { exact: false }).isVisible()).resolves.toBe(true);
  });

  it('translates the selected English into Japanese', async () => {
    upstream.setReply(TRANSLATION);
    await selectElementText(article, '#english');
    await clickMenuItem(extension.worker, 'translate', `${site.url}/article.html`);
    const card = panel.locator('article.result-card');
    await expect
      .poll(() => lastStoredAnswer(panel), { timeout: 15_000 })
      .toEqual({
        content: TRANSLATION,
        status: 'complete',
      });
    await expect.poll(() => textOf(card)).toContain('受け取ることができます');
    await expect(card.getByRole('combobox', { name: '翻訳先' }).inputValue()).resolves.toBe('ja');
  });

  it.each<UpstreamFailure>([
    {
      status: 401,
      headers: {},
      body: { error: { message: 'Invalid API key', type: 'invalid_request_error' } },
      shown: () => ja('error_auth'),
      attempts: 1,
    },
    {
      status: 429,
      headers: { 'retry-after': '300' },
      shown: () => ja('error_rate_limited', '300'),
      attempts: 1,
    },
    {
      status: 500,
      headers: {},
      body: { error: { message: 'upstream timeout' } },
      shown: () => ja('error_server'),
      attempts: 3,
    },
  ])(
    'explains an upstream $status that came back through Portkey',
    async ({ status, headers, body, shown, attempts }) => {
      const from = upstream.requests.length;
      for (let attempt = 0; attempt < attempts; attempt += 1) upstream.failNext({ status, headers, body });
      const answer = await ask('来週の窓口の混雑予想を教えて');
      await expect.poll(() => textOf(answer), { timeout: 15_000 }).toContain(shown());
      // The technical detail is there for an admin, folded under its own heading.
      await expect(textOf(answer)).resolves.toContain(`${ja('errorDetailSummary')}HTTP ${status}`);
      // Portkey passed each attempt on once; it did not retry on the user's behalf.
      expect(forwardedSince(from)).toHaveLength(attempts);
      expect(gatewayResponses.at(-1)).toMatchObject({ url: `${portkey.url}/chat/completions`, status });
    },
  );

  it('sent every request of the browser to Portkey and none straight to the upstream', () => {
    expect(gatewayResponses.length).toBeGreaterThan(0);
    for (const response of gatewayResponses) expect(response.url.startsWith(`${portkey.url}/`)).toBe(true);
  });
});

describe('Anthropic format through Portkey (a second gateway profile)', () => {
  beforeAll(async () => {
    await useSettings(throughPortkey('anthropic'));
  });

  it('streams a Messages answer that arrives exactly as the upstream sent it', async () => {
    upstream.chunkDelayMs = 30;
    upstream.setReply(DEFAULT_GATEWAY_REPLY);
    const from = upstream.requests.length;
    const answer = await ask('市民課の窓口案内を職員向けにまとめてください');

    expect((await watchStreaming(answer)).length).toBeGreaterThan(1);
    await expect
      .poll(() => lastStoredAnswer(panel))
      .toEqual({ content: DEFAULT_GATEWAY_REPLY, status: 'complete' });
    await expect(answer.locator('li').allInnerTexts()).resolves.toHaveLength(3);

    const [forwarded, ...more] = forwardedSince(from);
    expect(more).toHaveLength(0);
    expect(forwarded?.path).toBe('/v1/messages');
    expect(forwarded?.headers['x-api-key']).toBe(KEY);
    expect(forwarded?.headers['anthropic-version']).toBeTruthy();
    expect(forwarded?.body).toMatchObject({
      model: ANTHROPIC_MODEL,
      stream: true,
      metadata: { user_id: STAFF_ID },
    });
    expect(gatewayResponses.at(-1)).toEqual({
      url: `${portkey.url}/messages`,
      status: 200,
      provider: 'anthropic',
    });
  });

  it('summarises from the right-click menu in the Anthropic format too', async () => {
    upstream.setReply(SUMMARY);
    const from = upstream.requests.length;
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    await expect
      .poll(() => lastStoredAnswer(panel), { timeout: 15_000 })
      .toEqual({
        content: SUMMARY,
        status: 'complete',
      });
    expect(forwardedSince(from).map((request) => request.path)).toEqual(['/v1/messages']);
  });

  it('explains an upstream 429 in the Anthropic format with its Retry-After', async () => {
    // Longer than the panel waits by itself (120 s): shown at once, with the gateway's figure.
    upstream.failNext({ status: 429, headers: { 'retry-after': '600' } });
    const answer = await ask('来週の窓口の混雑予想を教えて');
    await expect.poll(() => textOf(answer), { timeout: 15_000 }).toContain(ja('error_rate_limited', '600'));
  });
});

describe('one profile, both formats, routed by a per-model header', () => {
  beforeAll(async () => {
    const settings = throughPortkey('openai');
    settings.models = [
      { id: OPENAI_MODEL, label: 'ChatGPT' },
      // Portkey picks its provider from a header: the Claude model carries its own.
      {
        id: ANTHROPIC_MODEL,
        label: 'Claude',
        apiFormat: 'anthropic',
        baseUrl: portkey.url,
        headers: { 'x-portkey-provider': 'anthropic' },
      },
    ];
    await useSettings(settings);
  });

  it('compares an OpenAI-format and an Anthropic-format model side by side through Portkey', async () => {
    upstream.setReply((body) => `${body.model}: ${TRANSLATION}`);
    const from = upstream.requests.length;
    const responsesFrom = gatewayResponses.length;
    await panel.getByRole('button', { name: ja('compareToggle'), exact: true }).click();
    await ask('外国人住民向けの窓口案内を一文で');
    const compare = panel.locator('section.compare');
    await expect.poll(() => compare.locator('article.compare-answer').count(), { timeout: 15_000 }).toBe(2);
    await expect
      .poll(() => compare.locator('article[aria-busy="true"]').count(), { timeout: 20_000 })
      .toBe(0);
    await expect(textOf(compare.locator(`article[data-model="${OPENAI_MODEL}"]`))).resolves.toContain(
      `${OPENAI_MODEL}: ${TRANSLATION}`,
    );
    await expect(textOf(compare.locator(`article[data-model="${ANTHROPIC_MODEL}"]`))).resolves.toContain(
      `${ANTHROPIC_MODEL}: ${TRANSLATION}`,
    );
    expect(
      forwardedSince(from)
        .map((request) => `${request.path} ${request.body?.model}`)
        .sort(),
    ).toEqual([`/v1/chat/completions ${OPENAI_MODEL}`, `/v1/messages ${ANTHROPIC_MODEL}`]);
    expect(
      gatewayResponses
        .slice(responsesFrom)
        .map((response) => `${response.status} ${response.provider}`)
        .sort(),
    ).toEqual(['200 anthropic', '200 openai']);
    await compare
      .locator(`article[data-model="${ANTHROPIC_MODEL}"]`)
      .getByRole('button', { name: ja('compareKeep') })
      .click();
    await expect.poll(() => compare.count()).toBe(0);
  });
});

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const round = (value: number) => Number(value.toFixed(2));

function summary(times: number[]) {
  return {
    p50_ms: round(percentile(times, 50)),
    p95_ms: round(percentile(times, 95)),
    mean_ms: round(times.reduce((sum, time) => sum + time, 0) / times.length),
  };
}

describe('what Portkey adds per request (Node, official openai SDK, same run)', () => {
  const REQUESTS = 30;
  const WARM_UP = 5;
  const REPLY = '承知しました。';

  function client(baseURL: string, headers: Record<string, string>): OpenAI {
    return new OpenAI({
      baseURL,
      apiKey: KEY,
      organization: null,
      project: null,
      webhookSecret: null,
      defaultHeaders: headers,
      maxRetries: 0,
      logLevel: 'off',
    });
  }

  async function completion(openai: OpenAI): Promise<string> {
    const answer = await openai.chat.completions.create({
      model: OPENAI_MODEL,
      messages: [{ role: 'user', content: '確認です' }],
      max_tokens: 16,
    });
    return answer.choices[0]?.message.content ?? '';
  }

  async function streamed(openai: OpenAI): Promise<string> {
    const stream = await openai.chat.completions.create({
      model: OPENAI_MODEL,
      messages: [{ role: 'user', content: '確認です' }],
      max_tokens: 16,
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    return text;
  }

  /** Direct and through Portkey, alternating which goes first, so drift on the machine hits both alike. */
  async function measure(call: (openai: OpenAI) => Promise<string>) {
    const straight = client(upstream.url, {});
    const viaPortkey = client(portkey.url, {
      'x-portkey-provider': 'openai',
      'x-portkey-custom-host': upstream.url,
    });
    const times = { direct: [] as number[], portkey: [] as number[] };
    const timed = async (openai: OpenAI, into: number[] | null) => {
      const start = performance.now();
      const text = await call(openai);
      if (into) into.push(performance.now() - start);
      expect(text).toBe(REPLY);
    };
    for (let round = 0; round < WARM_UP + REQUESTS; round++) {
      const keep = round >= WARM_UP;
      const pair: [OpenAI, number[] | null][] = [
        [straight, keep ? times.direct : null],
        [viaPortkey, keep ? times.portkey : null],
      ];
      if (round % 2 === 1) pair.reverse();
      for (const [openai, into] of pair) await timed(openai, into);
    }
    const direct = summary(times.direct);
    const throughPortkey = summary(times.portkey);
    return {
      direct,
      portkey: throughPortkey,
      added_p50_ms: round(throughPortkey.p50_ms - direct.p50_ms),
      added_p95_ms: round(throughPortkey.p95_ms - direct.p95_ms),
    };
  }

  it(`times ${REQUESTS} small requests straight to the upstream and through Portkey`, async () => {
    upstream.chunkDelayMs = 0;
    upstream.setReply(REPLY);
    const seenFrom = upstream.requests.length;
    const result = {
      measured_at: new Date().toISOString(),
      portkey_version: PORTKEY_VERSION,
      node: process.version,
      requests_each: REQUESTS,
      warm_up_each: WARM_UP,
      non_streamed: await measure(completion),
      streamed: await measure(streamed),
    };

    const outDir = resolve(import.meta.dirname, '../../bench/out');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(resolve(outDir, 'portkey-overhead.json'), `${JSON.stringify(result, null, 2)}\n`);

    const columns = ['direct p50', 'direct p95', 'Portkey p50', 'Portkey p95', 'added p50', 'added p95'];
    const line = (cells: string[]) => `| ${cells.map((cell) => cell.padStart(12)).join(' | ')} |`;
    const row = (name: string, figures: typeof result.streamed) =>
      line([
        name,
        ...[
          figures.direct.p50_ms,
          figures.direct.p95_ms,
          figures.portkey.p50_ms,
          figures.portkey.p95_ms,
          figures.added_p50_ms,
          figures.added_p95_ms,
        ].map((value) => value.toFixed(2)),
      ]);
    console.log(
      [
        `Portkey ${PORTKEY_VERSION}: ${REQUESTS} requests each way after ${WARM_UP} warm-up, interleaved, in ms`,
        line(['request', ...columns]),
        row('non-streamed', result.non_streamed),
        row('streamed', result.streamed),
        'written to bench/out/portkey-overhead.json',
      ].join('\n'),
    );
    // The timings are figures, not a test. What is tested: every "via Portkey" request really went through
    // Portkey. The SDK's own headers (x-stainless-*) and the routing headers (x-portkey-*) reach the upstream
    // only on a direct call; Portkey forwards the request without them. A client that skipped Portkey fails here.
    const calls = 2 * (WARM_UP + REQUESTS);
    const seen = upstream.requests.slice(seenFrom).filter((request) => request.method === 'POST');
    const sentBySdk = (request: (typeof seen)[number]) => 'x-stainless-lang' in request.headers;
    const forwardedByPortkey = seen.filter(
      (request) =>
        !sentBySdk(request) && !Object.keys(request.headers).some((name) => name.startsWith('x-portkey-')),
    );
    expect(seen).toHaveLength(2 * calls);
    expect(seen.filter(sentBySdk)).toHaveLength(calls);
    expect(forwardedByPortkey).toHaveLength(calls);
  });
});

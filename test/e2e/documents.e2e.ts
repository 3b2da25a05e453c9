import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../utils/settings/schema';
import { CID_PDF_LINES, DOCX_PARAGRAPH } from '../fixtures/documents';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';
import { type LoadedExtension, launchExtension } from './support/extension';
import { removeManagedPolicy, waitForPolicyApplied, writeManagedPolicy } from './support/managed-policy';
import { gatewaySettings, saveSettingsInExtension } from './support/panel';

/**
 * Documents in real Chromium (issue 18): a PDF open in a tab and files attached to the panel reach the
 * gateway as text inside the data fence; personal data in a file is redacted; the policy can switch files off.
 */

const MODEL = 'gpt-4.1-mini';
const FIXTURES = join(import.meta.dirname, '../fixtures/documents');
/** A マイナンバー with a valid check digit (the 総務省令 rule), as it would appear in a 転入 list. */
const MY_NUMBER = '371625048395';

let gateway: GatewayServer;
let extension: LoadedExtension;
let site: PdfSite;
let panel: Page;

const posts = () => gateway.requests.filter((request) => request.method === 'POST');
const lastUserMessage = () => {
  const messages = (posts().at(-1)?.body?.messages ?? []) as { role: string; content: unknown }[];
  return String(messages.filter((message) => message.role === 'user').at(-1)?.content ?? '');
};
/** The text between the data fence's opening and closing tags, whatever boundary the request drew. */
const fenced = (message: string) => /<(document-[0-9a-f]+)>\n([\s\S]*?)\n<\/\1>/.exec(message)?.[2] ?? '';

interface PdfSite {
  url: string;
  /** Fetches made by script (the panel), not by the tab's own navigation: `Sec-Fetch-Dest: empty`. */
  fetches: string[];
  close(): Promise<void>;
}

async function startPdfSite(): Promise<PdfSite> {
  const pdf = readFileSync(join(FIXTURES, 'notice-cid.pdf'));
  const fetches: string[] = [];
  const server: Server = createServer((request, response) => {
    if (request.headers['sec-fetch-dest'] === 'empty') fetches.push(request.url ?? '');
    if (request.url === '/kosodate/oshirase.pdf' || request.url === '/download?id=31') {
      response.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length });
      response.end(pdf);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    fetches,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function useSettings(change: (settings: Settings) => void): Promise<void> {
  const settings = gatewaySettings(gateway.url, 'openai', [MODEL]);
  change(settings);
  await saveSettingsInExtension(extension.worker, settings);
  await panel.reload();
  await panel.getByRole('button', { name: '新しい会話' }).waitFor();
}

async function attach(path: string): Promise<void> {
  await panel.locator('input[type="file"]').setInputFiles(path);
  await expect.poll(() => panel.locator('.page-card').count(), { timeout: 20_000 }).toBe(1);
}

async function ask(question: string): Promise<string> {
  const before = posts().length;
  const input = panel.getByRole('textbox', { name: /メッセージ/ });
  await input.fill(question);
  await input.press('Enter');
  await expect.poll(() => posts().length, { timeout: 15_000 }).toBe(before + 1);
  return lastUserMessage();
}

beforeAll(async () => {
  [gateway, site] = await Promise.all([startGatewayServer(), startPdfSite()]);
  extension = await launchExtension();
  panel = await extension.openPage('sidepanel.html');
});

afterAll(async () => {
  await extension?.close();
  await Promise.all([gateway?.close(), site?.close()]);
});

afterEach(async () => {
  await panel.getByRole('button', { name: '新しい会話' }).click();
});

describe('a PDF open in a tab', () => {
  it.each([
    ['a URL ending in .pdf', '/kosodate/oshirase.pdf'],
    ['a download URL, known as a PDF by its content type', '/download?id=31'],
  ])(
    'summarise this page on %s: the Japanese text of a CID-font PDF reaches the gateway inside the fence',
    async (_name, path) => {
      await useSettings((settings) => {
        settings.pii.mode = 'off';
      });
      const url = `${site.url}${path}`;
      const tab = await extension.context.newPage();
      await tab.goto(url).catch(() => undefined);
      const before = posts().length;
      await clickPageMenu('page-summarize', url);
      await expect.poll(() => posts().length, { timeout: 20_000 }).toBe(before + 1);
      expect(fenced(lastUserMessage())).toBe(CID_PDF_LINES.join('\n'));
      // The panel fetched the file itself: the tab's viewer has no text to give.
      expect(site.fetches).toContain(path);
      await tab.close();
    },
  );

  it('a PDF on a blocked site is not even fetched', async () => {
    await useSettings((settings) => {
      settings.pii.mode = 'off';
      settings.sites.blocked = ['*://localhost/*'];
    });
    const url = `${site.url.replace('127.0.0.1', 'localhost')}/kosodate/oshirase.pdf`;
    const tab = await extension.context.newPage();
    await tab.goto(url).catch(() => undefined);
    const [fetchesBefore, postsBefore] = [site.fetches.length, posts().length];
    await clickPageMenu('page-summarize', url);
    await expect
      .poll(() => panel.getByText('このサイトの文章はAIに送信できません', { exact: false }).count(), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
    expect(site.fetches).toHaveLength(fetchesBefore);
    expect(posts()).toHaveLength(postsBefore);
    await tab.close();
  });
});

/** The page's own right-click menu, as a click calls it (native menus cannot be clicked headless). */
async function clickPageMenu(menuItemId: 'page-ask' | 'page-summarize', pageUrl: string): Promise<void> {
  await extension.worker.evaluate(
    async ({ menuItemId, pageUrl }) => {
      const [found] = await chrome.tabs.query({ url: pageUrl });
      if (!found) throw new Error(`no tab for ${pageUrl}`);
      const click = (globalThis as unknown as { tatakidaiMenuClick(info: unknown, tab: unknown): void })
        .tatakidaiMenuClick;
      click({ menuItemId, frameId: 0, pageUrl, editable: false }, found);
    },
    { menuItemId, pageUrl },
  );
}

describe('files attached to the panel', () => {
  it('an Excel workbook is sent as compact tables, and the card shows its sheets', async () => {
    await useSettings((settings) => {
      settings.pii.mode = 'off';
    });
    await attach(join(FIXTURES, 'survey.xlsx'));
    await expect(panel.locator('.page-card').innerText()).resolves.toMatch(/Excel · 2 シート · 4 KB/);
    const text = fenced(await ask('満足度の傾向を教えて'));
    expect(text).toContain('番号 | 年代 | 満足度 | 自由記述\n1 | 30代 | 4 | 窓口の案内がわかりやすかった');
    expect(text).toContain('[Table "集計": 2 rows × 2 columns, first row is the header]');
    expect(lastUserMessage()).toMatch(/満足度の傾向を教えて$/);
  });

  it('a Word document is sent as text with its headings', async () => {
    await useSettings((settings) => {
      settings.pii.mode = 'off';
    });
    await attach(join(FIXTURES, 'outline.docx'));
    const text = fenced(await ask('受付時間を教えて'));
    expect(text).toContain(`# 市民課 窓口案内\n\n${DOCX_PARAGRAPH}`);
    expect(text).toContain('平日 | 8時30分～17時15分');
  });

  it('in redact mode a マイナンバー inside an attached file never reaches the gateway', async () => {
    await useSettings((settings) => {
      settings.pii.mode = 'redact';
    });
    const file = join(tmpdir(), '転入者一覧.csv');
    writeFileSync(file, `氏名,個人番号,転入日\n矢板 花子,${MY_NUMBER},2026-04-01\n`);
    await attach(file);
    const sent = await ask('この一覧の件数は？');
    expect(sent).not.toContain(MY_NUMBER);
    expect(sent).toMatch(/\[マイナンバー\d+\]/);
    // The number's cell is replaced in place; the table keeps its shape (the name is screened too).
    expect(fenced(sent)).toMatch(/\n\S.* \| \[マイナンバー\d+\] \| 2026-04-01$/);
  });

  it('a renamed file is refused with a message, and nothing is sent', async () => {
    await useSettings((settings) => {
      settings.pii.mode = 'off';
    });
    const file = join(tmpdir(), '予算.pdf');
    writeFileSync(file, readFileSync(join(FIXTURES, 'survey.xlsx')));
    const before = posts().length;
    await panel.locator('input[type="file"]').setInputFiles(file);
    await expect
      .poll(() => panel.getByText('拡張子', { exact: false }).count(), { timeout: 15_000 })
      .toBeGreaterThan(0);
    expect(posts()).toHaveLength(before);
  });
});

describe('files switched off by the enterprise policy', () => {
  it('hides the attach button', async () => {
    // The button is there without a policy: its absence below is the policy's doing.
    await expect(panel.getByText('ファイルを添付', { exact: true }).count()).resolves.toBe(1);
    await extension.close();
    writeManagedPolicy({ files: { enabled: false } });
    try {
      extension = await launchExtension();
      await waitForPolicyApplied(extension.worker, 'files.enabled');
      await saveSettingsInExtension(extension.worker, gatewaySettings(gateway.url, 'openai', [MODEL]));
      panel = await extension.openPage('sidepanel.html');
      await panel.getByRole('button', { name: 'このページについて質問' }).waitFor();
      await expect(panel.getByText('ファイルを添付', { exact: true }).count()).resolves.toBe(0);
      await expect(panel.locator('input[type="file"]').count()).resolves.toBe(0);
    } finally {
      removeManagedPolicy();
    }
  });
});

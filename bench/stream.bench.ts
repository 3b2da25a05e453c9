/**
 * Streaming benchmark in real Chromium with the built extension (bench/run.mjs builds first):
 * time to first token against the raw SDK in the same page, main-thread render time of a streamed Markdown
 * answer against the naive renderer, bytes injected into a page never used with the extension, bundle sizes.
 * Writes one flat object to bench/out/stream.json.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type Page, type Worker } from 'playwright-core';
import { EXTENSION_DIR, launchExtension } from '../test/e2e/support/extension';
import { startPageServer } from '../test/e2e/support/pages';
import { gatewaySettings, saveSettingsInExtension } from '../test/e2e/support/panel';
import { type GatewayServer, startGatewayServer } from '../test/support/gateway-server';
import { CHROMIUM_LOOPBACK_ONLY } from '../test/support/loopback';
import { EXTENSION_ID } from '../utils/extension-ids';
import { actionFirstTokenTimes, watchFirstToken } from './first-token';
import { median, round } from './stats';

const TTFT_RUNS = 9;
/** A fast model's time to first token; the double waits this long before answering, for both paths. */
const MODEL_FIRST_TOKEN_MS = 300;
const RENDER_SIZES_KB = [5, 10, 20, 40];
/** 20 KB in 2,000 chunks: about 10 bytes a chunk, kept for every size. */
const CHUNKS_PER_KB = 100;
const MODEL = 'gpt-4.1-mini';
/** `BENCH_STREAM_ONLY=ttft npm run bench stream`: the first-token figures alone (a minute instead of several). */
const TTFT_ONLY = process.env.BENCH_STREAM_ONLY === 'ttft';

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(import.meta.dirname, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    target: 'chrome120',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

/** Click or SDK call → first token painted, and → the request's headers at the gateway. */
interface FirstToken {
  total: number;
  toGateway: number;
}

/** The newest request the gateway received, and when. */
function lastArrival(gateway: GatewayServer): number {
  return gateway.requests.at(-1)?.receivedAt ?? Number.NaN;
}

async function ourFirstToken(
  panel: Page,
  article: Page,
  worker: Worker,
  pageUrl: string,
  gateway: GatewayServer,
): Promise<FirstToken> {
  const { started, painted } = await actionFirstTokenTimes(panel, article, worker, pageUrl);
  return { total: painted - started, toGateway: lastArrival(gateway) - started };
}

async function rawFirstToken(panel: Page, gateway: GatewayServer): Promise<FirstToken> {
  const { started, painted } = await panel.evaluate(
    ([url, model]) =>
      (
        globalThis as unknown as {
          rawSdk: { firstToken(u: string, m: string): Promise<{ started: number; painted: number }> };
        }
      ).rawSdk.firstToken(url, model),
    [gateway.url, MODEL] as const,
  );
  return { total: painted - started, toGateway: lastArrival(gateway) - started };
}

interface RenderFigures {
  totalMs: number;
  lastChunkMs: number;
}

function renderIn(page: Page, kind: 'ours' | 'naive' | 'split', kb: number): Promise<RenderFigures> {
  return page.evaluate(
    ([which, bytes, chunks]) => {
      const bench = (
        globalThis as unknown as {
          renderBench: {
            render(k: string, b: number, c: number): RenderFigures;
            split(b: number, c: number): RenderFigures;
          };
        }
      ).renderBench;
      return which === 'split' ? bench.split(bytes, chunks) : bench.render(which, bytes, chunks);
    },
    [kind, kb * 1024, kb * CHUNKS_PER_KB] as const,
  );
}

/** Least-squares slope of y over x. */
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let top = 0;
  let bottom = 0;
  xs.forEach((x, index) => {
    top += (x - mx) * ((ys[index] ?? 0) - my);
    bottom += (x - mx) ** 2;
  });
  return top / bottom;
}

/** What a page holds after loading, to compare a browser with the extension against one without. */
async function pageFootprint(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState('load');
  await page.waitForTimeout(500);
  return page.evaluate(() => ({
    html: document.documentElement.outerHTML,
    extensionBytes: performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.startsWith('chrome-extension:'))
      .reduce((sum, entry) => sum + (entry as PerformanceResourceTiming).decodedBodySize, 0),
  }));
}

/** Gzipped bytes each entrypoint loads at start: its HTML and every script and style it names. */
function bundleSizes(): Record<string, number> {
  const gz = (path: string) => gzipSync(readFileSync(join(EXTENSION_DIR, path))).length;
  const sizes: Record<string, number> = { bundle_gzip_bytes_background: gz('background.js') };
  for (const name of ['sidepanel', 'options']) {
    const html = readFileSync(join(EXTENSION_DIR, `${name}.html`), 'utf8');
    const files = [...html.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((match) => match[1] ?? '');
    sizes[`bundle_gzip_bytes_${name}`] = files.reduce((sum, file) => sum + gz(file), gz(`${name}.html`));
  }
  sizes.bundle_raw_bytes_background = statSync(join(EXTENSION_DIR, 'background.js')).size;
  return sizes;
}

async function main() {
  const [renderSource, rawSource] = await Promise.all([bundle('render-page.tsx'), bundle('raw-sdk-page.ts')]);
  const [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  const extension = await launchExtension();
  const figures: Record<string, number> = {};
  try {
    await saveSettingsInExtension(extension.worker, gatewaySettings(gateway.url, 'openai', [MODEL]));
    gateway.firstByteDelayMs = MODEL_FIRST_TOKEN_MS;
    gateway.setReply('- マイナンバーカードの受け取りには交付通知書と本人確認書類が必要です。');
    const pageUrl = `${site.url}/article.html`;
    const article = await extension.context.newPage();
    await article.goto(pageUrl);
    const panel = await extension.context.newPage();
    await panel.addInitScript(watchFirstToken);
    await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html`);
    await panel.getByRole('button', { name: '新しい会話' }).waitFor();
    await panel.evaluate(rawSource);

    // Warm-up: first connections and first renders pay one-off costs neither path should carry.
    await ourFirstToken(panel, article, extension.worker, pageUrl, gateway);
    await rawFirstToken(panel, gateway);
    const ours: FirstToken[] = [];
    const raw: FirstToken[] = [];
    for (let run = 0; run < TTFT_RUNS; run++) {
      ours.push(await ourFirstToken(panel, article, extension.worker, pageUrl, gateway));
      raw.push(await rawFirstToken(panel, gateway));
    }
    const oursTotal = median(ours.map((run) => run.total));
    const rawTotal = median(raw.map((run) => run.total));
    figures.ttft_ms = round(oursTotal);
    figures.ttft_raw_sdk_ms = round(rawTotal);
    figures.ttft_overhead_ms = round(oursTotal - rawTotal);
    figures.ttft_overhead_ratio = round(oursTotal / rawTotal, 3);
    // Where the overhead is: before the request reaches the gateway, or after (stream, render, paint).
    figures.ttft_to_gateway_ms = round(median(ours.map((run) => run.toGateway)));
    figures.ttft_raw_to_gateway_ms = round(median(raw.map((run) => run.toGateway)));
    figures.ttft_model_first_token_ms = MODEL_FIRST_TOKEN_MS;
    figures.ttft_runs = TTFT_RUNS;
    if (TTFT_ONLY) return report(figures);

    const renderPage = await extension.openPage('options.html');
    await renderPage.evaluate(renderSource);
    await renderIn(renderPage, 'ours', 5);
    const totals: number[] = [];
    for (const kb of RENDER_SIZES_KB) {
      const result = await renderIn(renderPage, 'ours', kb);
      totals.push(result.totalMs);
      figures[`render_main_thread_ms_${kb}kb`] = round(result.totalMs);
      if (kb === 20) {
        figures.render_main_thread_ms = round(result.totalMs);
        figures.last_chunk_render_ms = round(result.lastChunkMs, 2);
      }
    }
    figures.render_split_ms = round((await renderIn(renderPage, 'split', 20)).totalMs);
    figures.render_slope_ms_per_kb = round(slope(RENDER_SIZES_KB, totals), 2);
    figures.render_40kb_over_20kb = round((totals[3] ?? 0) / (totals[2] ?? 1), 2);
    const naive = await renderIn(renderPage, 'naive', 20);
    figures.naive_render_main_thread_ms = round(naive.totalMs);
    figures.naive_last_chunk_render_ms = round(naive.lastChunkMs, 2);
    figures.render_ratio = round((figures.render_main_thread_ms ?? 0) / naive.totalMs, 4);
    figures.render_chunks_20kb = 20 * CHUNKS_PER_KB;

    const withExtension = await pageFootprint(await extension.context.newPage(), pageUrl);
    const plain = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', CHROMIUM_LOOPBACK_ONLY],
    });
    const without = await pageFootprint(await plain.newPage(), pageUrl);
    await plain.close();
    const encoder = new TextEncoder();
    const htmlDifference =
      withExtension.html === without.html
        ? 0
        : Math.max(
            1,
            Math.abs(encoder.encode(withExtension.html).length - encoder.encode(without.html).length),
          );
    figures.injected_bytes_untouched_page = withExtension.extensionBytes + htmlDifference;
  } finally {
    await extension.close();
    await Promise.all([gateway.close(), site.close()]);
  }
  Object.assign(figures, bundleSizes());
  report(figures);
}

function report(figures: Record<string, number>): void {
  const outDir = resolve(import.meta.dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'stream.json'), `${JSON.stringify(figures, null, 2)}\n`);
  const goals: Record<string, string> = {
    ttft_overhead_ratio: '≤ 1.05',
    ttft_overhead_ms: '≤ 20',
    render_ratio: '≤ 0.05',
    last_chunk_render_ms: '≤ 8',
    injected_bytes_untouched_page: '0',
  };
  console.log('\nStreaming (real Chromium, built extension, gateway double on 127.0.0.1)');
  console.table(
    Object.entries(figures).map(([figure, value]) => ({ figure, value, goal: goals[figure] ?? '' })),
  );
}

await main();

/**
 * Compare's render cost per answer, in real Chromium with the built extension (bench/run.mjs builds first):
 * the side panel's main-thread work (Chrome's own `TaskDuration`, read over the DevTools protocol) while one
 * chat answer streams, against the same while Compare streams the same answer from three models at once.
 * Both stream the bench answer from the gateway double on 127.0.0.1, in the same pieces at the same pace.
 * Writes bench/out/compare.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension } from '../test/e2e/support/extension';
import { gatewaySettings, saveSettingsInExtension } from '../test/e2e/support/panel';
import { startGatewayServer } from '../test/support/gateway-server';
import { benchAnswer } from './answer-corpus';
import { median, round } from './stats';

const MODELS = ['gpt-4.1-mini', 'gpt-4.1', 'gpt-4o-mini'];
const ANSWER_BYTES = 6 * 1024;
/** Code points per streamed piece and the pause between pieces: ≈ 800 pieces over ≈ 4 s, like a fast model. */
const CHUNK_POINTS = 3;
const CHUNK_DELAY_MS = 5;
const RUNS = 3;

/** The panel's main-thread work so far, in ms (Chrome counts every task the page's thread ran). */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
}

async function ask(panel: Page, question: string): Promise<void> {
  await panel.getByRole('textbox', { name: /メッセージ/ }).fill(question);
  await panel.getByRole('button', { name: '送信' }).click();
}

/** Main-thread ms spent while `answers` answers stream in, from the click to the last one done. */
async function measure(panel: Page, cdp: CDPSession, compare: boolean, question: string): Promise<number> {
  await panel.getByRole('button', { name: '新しい会話' }).click();
  const toggle = panel.getByRole('button', { name: '比較', exact: true });
  if (((await toggle.getAttribute('aria-pressed')) === 'true') !== compare) await toggle.click();
  if (compare) {
    for (const model of MODELS) {
      const box = panel.getByRole('checkbox', { name: model, exact: true });
      if (!(await box.isChecked())) await box.check();
    }
  }
  const busy = compare
    ? 'section.compare article[aria-busy="true"]'
    : 'article.message-assistant[aria-busy="true"]';
  const done = compare
    ? 'section.compare article[aria-busy="false"]'
    : 'article.message-assistant[aria-busy="false"]';
  const before = await taskMs(cdp);
  await ask(panel, question);
  await panel.waitForFunction(
    ([selector, count]) => document.querySelectorAll(selector).length >= count,
    [done, compare ? MODELS.length : 1] as const,
    { timeout: 120_000 },
  );
  await panel.waitForFunction((selector) => document.querySelectorAll(selector).length === 0, busy);
  return (await taskMs(cdp)) - before;
}

async function main() {
  const gateway = await startGatewayServer();
  const extension = await launchExtension();
  const figures: Record<string, number> = {};
  try {
    await saveSettingsInExtension(extension.worker, gatewaySettings(gateway.url, 'openai', MODELS));
    gateway.setReply(benchAnswer(ANSWER_BYTES));
    gateway.chunkSize = CHUNK_POINTS;
    gateway.chunkDelayMs = CHUNK_DELAY_MS;
    const panel = await extension.openPage('sidepanel.html');
    await panel.getByRole('button', { name: '新しい会話' }).waitFor();
    const closeTour = panel.getByRole('button', { name: /使い方を閉じる/ });
    if (await closeTour.count()) await closeTour.first().click();
    const cdp = await extension.context.newCDPSession(panel);
    await cdp.send('Performance.enable');

    // Warm-up: code loaded and first renders done for both views.
    await measure(panel, cdp, false, '窓口の案内を教えてください');
    await measure(panel, cdp, true, '窓口の案内を教えてください');
    const single: number[] = [];
    const perAnswer: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      single.push(await measure(panel, cdp, false, `窓口の案内を教えてください（${run}）`));
      perAnswer.push(
        (await measure(panel, cdp, true, `窓口の案内を比べてください（${run}）`)) / MODELS.length,
      );
    }
    const compareRequests = gateway.requests.filter((request) => request.body?.stream).length;
    figures.single_answer_task_ms = round(median(single));
    figures.compare_task_ms_per_answer = round(median(perAnswer));
    figures.compare_cost_ratio = round(median(perAnswer) / median(single), 3);
    figures.compare_models = MODELS.length;
    figures.answer_bytes = ANSWER_BYTES;
    figures.streamed_requests = compareRequests;
  } finally {
    await extension.close();
    await gateway.close();
  }
  const outDir = resolve(import.meta.dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'compare.json'), `${JSON.stringify(figures, null, 2)}\n`);
  console.log('\nCompare (real Chromium, built extension, gateway double on 127.0.0.1)');
  console.table(
    Object.entries(figures).map(([figure, value]) => ({
      figure,
      value,
      goal: figure === 'compare_cost_ratio' ? '≤ 1.1' : '',
    })),
  );
}

await main();

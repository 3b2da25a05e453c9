/**
 * Time to first token with PII screening on and off, in one run of real Chromium with the built extension
 * (bench/run.mjs builds first), the gateway double and a test page on 127.0.0.1. Issue 15: screening sits on
 * every request's way (`pii.mode` defaults to `warn`) and loading the name lists must not add to the first token.
 * - warm: the panel open for a while (the lists loaded), 要約 of the page's short notice, `warn` against `off`,
 *   and of a 20,000-character 窓口記録 full of personal data, `redact` against `off`;
 * - cold: the panel reloaded right before the click, so the lists are still loading when the text is sent.
 * Modes alternate run by run, so the machine's load falls on both sides alike. Writes bench/out/pii-ttft.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension } from '../test/e2e/support/extension';
import { startPageServer } from '../test/e2e/support/pages';
import { gatewaySettings, saveSettingsInExtension } from '../test/e2e/support/panel';
import { startGatewayServer } from '../test/support/gateway-server';
import { EXTENSION_ID } from '../utils/extension-ids';
import type { PiiMode } from '../utils/pii/screen';
import { actionFirstToken, watchFirstToken } from './first-token';
import { realisticText } from './pii-text';
import { median, round } from './stats';

const WARM_RUNS = 9;
const COLD_RUNS = 5;
/** Under the default 24,000-character input limit: one request, no splitting into parts. */
const RECORD_CHARS = 20_000;
const MODEL_FIRST_TOKEN_MS = 300;
const MODEL = 'gpt-4.1-mini';
/** The stream benchmark's bar for "adds nothing noticeable" to the first token. */
const RATIO_GOAL = 1.05;
/** After a settings change, the panel reads it from storage before the next click (not timed). */
const SETTLE_MS = 400;

async function main() {
  const [gateway, site] = await Promise.all([startGatewayServer(), startPageServer()]);
  const extension = await launchExtension();
  const figures: Record<string, number | boolean> = {};
  const record = realisticText(RECORD_CHARS);
  const phoneInRecord = /090-[0-9]{4}-[0-9]{4}/.exec(record)?.[0] ?? '';
  const sent = () => JSON.stringify(gateway.requests.at(-1)?.body ?? null);
  try {
    const setMode = async (mode: PiiMode) => {
      const settings = gatewaySettings(gateway.url, 'openai', [MODEL]);
      settings.pii.mode = mode;
      await saveSettingsInExtension(extension.worker, settings);
      await new Promise((done) => setTimeout(done, SETTLE_MS));
    };
    await setMode('off');
    gateway.firstByteDelayMs = MODEL_FIRST_TOKEN_MS;
    gateway.setReply('- 窓口で受け付けた相談の要点です。');
    const pageUrl = `${site.url}/article.html`;
    const article = await extension.context.newPage();
    await article.goto(pageUrl);
    await article.evaluate((text) => {
      const pre = document.createElement('pre');
      pre.id = 'record';
      pre.textContent = text;
      document.body.append(pre);
    }, record);
    const panel: Page = await extension.context.newPage();
    await panel.addInitScript(watchFirstToken);
    await panel.goto(`chrome-extension://${EXTENSION_ID}/sidepanel.html`);
    await panel.getByRole('button', { name: '新しい会話' }).waitFor();
    const run = (selector: string) => actionFirstToken(panel, article, extension.worker, pageUrl, selector);

    // Warm-up of both paths: first connections and renders, and the name lists loaded once.
    await run('#notice');
    await setMode('redact');
    await run('#record');

    const warm: Record<string, number[]> = { off: [], warn: [], recordOff: [], recordRedact: [] };
    for (let index = 0; index < WARM_RUNS; index += 1) {
      await setMode('off');
      warm.off?.push(await run('#notice'));
      warm.recordOff?.push(await run('#record'));
      if (!sent().includes(phoneInRecord)) throw new Error('with screening off the record went out changed');
      await setMode('warn');
      warm.warn?.push(await run('#notice'));
      await setMode('redact');
      warm.recordRedact?.push(await run('#record'));
      if (sent().includes(phoneInRecord)) throw new Error('redact mode sent a phone number in clear');
    }

    // Cold: a panel that has just opened, the lists still loading while the first action is sent.
    const cold: Record<string, number[]> = { off: [], warn: [] };
    for (let index = 0; index < COLD_RUNS; index += 1) {
      for (const mode of ['off', 'warn'] as const) {
        await setMode(mode);
        await panel.reload();
        await panel.getByRole('button', { name: '新しい会話' }).waitFor();
        cold[mode]?.push(
          await actionFirstToken(panel, article, extension.worker, pageUrl, '#notice', {
            newConversation: false,
          }),
        );
      }
    }

    const figure = (name: string, values: number[] | undefined) => {
      figures[name] = round(median(values ?? []));
      return median(values ?? []);
    };
    const off = figure('ttft_off_ms', warm.off);
    const warn = figure('ttft_warn_ms', warm.warn);
    const recordOff = figure('ttft_record_off_ms', warm.recordOff);
    const recordRedact = figure('ttft_record_redact_ms', warm.recordRedact);
    const coldOff = figure('ttft_cold_off_ms', cold.off);
    const coldWarn = figure('ttft_cold_warn_ms', cold.warn);
    figures.ttft_ratio_warn_vs_off = round(warn / off, 3);
    figures.ttft_ratio_record_redact_vs_off = round(recordRedact / recordOff, 3);
    figures.ttft_ratio_cold_warn_vs_off = round(coldWarn / coldOff, 3);
    figures.record_chars = record.length;
    figures.model_first_token_ms = MODEL_FIRST_TOKEN_MS;
    figures.warm_runs = WARM_RUNS;
    figures.cold_runs = COLD_RUNS;
  } finally {
    await extension.close();
    await Promise.all([gateway.close(), site.close()]);
  }

  const outDir = resolve(import.meta.dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'pii-ttft.json'), `${JSON.stringify(figures, null, 2)}\n`);
  // The goal holds where the issue asks that screening and the lists' loading add nothing: the default path and a panel that has
  // just opened. A 20,000-character record is reported: screening and redacting it is work the user asked for.
  const ratios = ['ttft_ratio_warn_vs_off', 'ttft_ratio_cold_warn_vs_off'] as const;
  console.log(
    '\nTime to first token with PII screening on and off (real Chromium, built extension, medians)',
  );
  console.table(
    Object.entries(figures).map(([figure, value]) => ({
      figure,
      value,
      goal: (ratios as readonly string[]).includes(figure) ? `≤ ${RATIO_GOAL}` : '',
    })),
  );
  const missed = ratios.filter((name) => Number(figures[name]) > RATIO_GOAL);
  console.log(
    missed.length === 0
      ? `screening adds nothing noticeable: every ratio ≤ ${RATIO_GOAL} → PASS`
      : `over ${RATIO_GOAL}: ${missed.join(', ')} → FAIL`,
  );
  if (missed.length > 0) process.exitCode = 1;
}

await main();

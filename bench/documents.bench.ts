/**
 * Document extraction benchmark, in Node (the side panel runs the same `extractDocument` and pdf.js).
 * A 100-page text PDF, generated here in the form Japanese office software writes (MS-Mincho, not
 * embedded, UniJIS-UCS2-H CMap, 40 lines a page): median of `extractDocument` over 5 runs, against a
 * baseline measured in the same run — pdf.js's own page loop (getDocument + getTextContent on every page,
 * same options) with none of our code around it. Target from issue 18: under 3 s.
 * Writes bench/out/documents.json (flat keys).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { japaneseCidPdf } from '../test/support/pdf-writer';
import { extractDocument } from '../utils/documents/extract';

const PAGES = 100;
const LINES = 40;
const RUNS = 5;
const TARGET_MS = 3_000;
const LINE = '第$条 本市の子育て支援に関する計画は、市民の意見を踏まえて毎年度見直すものとする。';

const round = (value: number, places = 0) => Number(value.toFixed(places));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const pdfjsRoot = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/`;

/** pdf.js alone: what any reader of this PDF must pay. */
async function rawPdfjs(bytes: Uint8Array): Promise<number> {
  const pdf = await getDocument({
    data: bytes.slice(),
    cMapUrl: `${pdfjsRoot}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  let chars = 0;
  for (let number = 1; number <= pdf.numPages; number++) {
    const content = await (await pdf.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) chars += item.str.length;
  }
  await pdf.destroy();
  return chars;
}

async function time(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main() {
  const pages = Array.from({ length: PAGES }, (_, page) =>
    Array.from({ length: LINES }, (_, line) => LINE.replace('$', String(page * LINES + line + 1))),
  );
  const bytes = japaneseCidPdf(pages);
  // Warm-up: module loading and the first CMap read are one-off costs.
  const document = await extractDocument(bytes, 'keikaku.pdf');
  await rawPdfjs(bytes);
  const ours: number[] = [];
  const raw: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    ours.push(await time(() => extractDocument(bytes, 'keikaku.pdf')));
    raw.push(await time(() => rawPdfjs(bytes)));
  }
  const results = {
    pdf_pages: PAGES,
    pdf_bytes: bytes.length,
    pdf_text_chars: document.text.length,
    pdf_100_pages_ms: round(median(ours)),
    pdf_100_pages_raw_pdfjs_ms: round(median(raw)),
    pdf_overhead_ratio: round(median(ours) / median(raw), 3),
    pdf_target_ms: TARGET_MS,
    pass: median(ours) < TARGET_MS,
  };
  const outDir = resolve(import.meta.dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'documents.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.table(results);
  console.log(
    `target: 100-page PDF under ${TARGET_MS} ms → ${results.pass ? 'PASS' : 'FAIL'} (${results.pdf_100_pages_ms} ms)`,
  );
  if (!results.pass) process.exitCode = 1;
}

await main();

/**
 * Recall and false positives of the PII screen, on a generated corpus (bench/pii-corpus.ts): per category,
 * the share of inserted values fully covered by what the screen would redact, and findings per 10,000
 * characters of clean public prose. Also the time to screen 100,000 characters with the name lists loaded,
 * and how long loading them takes. Writes bench/out/pii-recall.json. Runs on the code in this checkout, so
 * the same file run on an older commit gives the "before" column.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type PiiConfig, screenText } from '../utils/pii/screen';
import { type Category, cleanText, generateCorpus } from './pii-corpus';

const RECORDS = 600;
const CLEAN_CHARS = 100_000;
const CONFIG: PiiConfig = { mode: 'redact', bannedTerms: [], custom: [] };
const TARGETS: Record<Category, number> = {
  name: 0.95,
  address: 0.95,
  phone: 0.99,
  'my-number': 0.99,
  email: 0.99,
  'postal-code': 0.99,
  'birth-date': 0.99,
};

async function loadLists(): Promise<number> {
  const started = performance.now();
  try {
    const [{ installDictionaries }, { nodePiiDictionaries }] = await Promise.all([
      import('../utils/pii/dictionaries'),
      import('../scripts/pii-names'),
    ]);
    installDictionaries(nodePiiDictionaries());
  } catch {
    return Number.NaN; // a checkout from before the lists existed
  }
  return performance.now() - started;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

async function main() {
  const loadMs = await loadLists();
  const corpus = generateCorpus(RECORDS);
  const totals = new Map<Category, { inserted: number; covered: number }>();
  const misses: string[] = [];
  for (const record of corpus) {
    const screening = screenText(record.text, CONFIG);
    const covered = new Uint8Array(record.text.length);
    for (const finding of screening.actionable) covered.fill(1, finding.start, finding.end);
    for (const value of record.inserted) {
      const entry = totals.get(value.category) ?? { inserted: 0, covered: 0 };
      entry.inserted += 1;
      if (covered.subarray(value.start, value.end).every((mark) => mark === 1)) entry.covered += 1;
      else if (misses.length < 40)
        misses.push(`${value.category}: ${value.value}  ⟵ ${record.text.replace(/\n/g, '⏎')}`);
      totals.set(value.category, entry);
    }
  }
  const clean = cleanText(CLEAN_CHARS);
  const cleanScreening = screenText(clean, CONFIG);
  const falsePositives = cleanScreening.actionable;

  const timeText = corpus
    .map((record) => record.text)
    .join('\n')
    .repeat(4)
    .slice(0, 100_000);
  screenText(timeText, CONFIG);
  const times: number[] = [];
  for (let run = 0; run < 15; run += 1) {
    const started = performance.now();
    screenText(timeText, CONFIG);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);

  const rows: Record<
    string,
    { inserted: number; covered: number; recall: number; target: number; pass: boolean }
  > = {};
  const results: Record<string, number | boolean> = {
    records: RECORDS,
    clean_chars: clean.length,
    lists_load_ms: round(loadMs, 0),
  };
  for (const [category, target] of Object.entries(TARGETS) as [Category, number][]) {
    const entry = totals.get(category) ?? { inserted: 0, covered: 0 };
    const recall = entry.inserted === 0 ? Number.NaN : entry.covered / entry.inserted;
    rows[category] = { ...entry, recall: round(recall), target, pass: recall >= target };
    results[`recall_${category}`] = round(recall);
    results[`inserted_${category}`] = entry.inserted;
  }
  const perTenThousand = (falsePositives.length / clean.length) * 10_000;
  results.false_positives = falsePositives.length;
  results.false_positives_per_10k_chars = round(perTenThousand);
  results.screen_100k_p50_ms = round(times[Math.floor(times.length / 2)] ?? 0, 1);
  results.screen_100k_p95_ms = round(times[Math.floor(times.length * 0.95)] ?? 0, 1);
  results.pass =
    Object.values(rows).every((row) => row.pass) && falsePositives.length === 0 && (times.at(-1) ?? 0) < 50;

  const outDir = resolve(import.meta.dirname, 'out');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'pii-recall.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log(
    `\nPII recall on ${RECORDS} generated records; false positives on ${clean.length.toLocaleString()} characters of clean prose`,
  );
  console.table(rows);
  console.log(`false positives: ${falsePositives.length} (${round(perTenThousand)} per 10,000 characters)`);
  for (const finding of falsePositives.slice(0, 15)) console.log(`  FP ${finding.detector}: ${finding.text}`);
  console.log(
    `screening 100,000 characters: p50 ${results.screen_100k_p50_ms} ms, p95 ${results.screen_100k_p95_ms} ms`,
  );
  console.log(`name and place lists loaded in ${results.lists_load_ms} ms (Node, from the packages)`);
  if (process.env.PII_MISSES) for (const miss of misses) console.log(`  miss ${miss}`);
  console.log(`overall: ${results.pass ? 'PASS' : 'FAIL'}`);
}

await main();

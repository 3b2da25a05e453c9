// The alternative we measured and rejected: a Dexie/IndexedDB multi-entry index of bigrams on each
// conversation. Plain IndexedDB in real Chromium, N conversations of G distinct bigrams (Zipf-distributed).
// Not run by `npm run bench` (slow by nature): `node bench/alternatives/multi-entry-index.mjs 2000 400`.
import { execSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const N = Number(process.argv[2] ?? 2000);
const G = Number(process.argv[3] ?? 400);
const server = createServer((_, response) => {
  response.writeHead(200, { 'content-type': 'text/html' });
  response.end('<!doctype html><title>multi-entry</title>');
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const profile = mkdtempSync(join(tmpdir(), 'tatakidai-multientry-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  // No other name resolves: the benchmark's browser stays on this machine.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  ],
});
try {
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const result = await page.evaluate(
    async ({ N, G }) => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('multi-entry', 1);
        open.onupgradeneeded = () => {
          const store = open.result.createObjectStore('conversations', { keyPath: 'id' });
          store.createIndex('grams', 'grams', { multiEntry: true });
        };
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const V = 6000;
      const vocabulary = Array.from({ length: V }, (_, i) =>
        String.fromCharCode(0x4e00 + (i % 3000), 0x3042 + (i % 80)),
      );
      const weights = [];
      let sum = 0;
      for (let i = 1; i <= V; i += 1) {
        sum += 1 / i;
        weights.push(sum);
      }
      const pick = () => {
        const x = Math.random() * sum;
        let low = 0;
        let high = V - 1;
        while (low < high) {
          const middle = (low + high) >> 1;
          if (weights[middle] < x) low = middle + 1;
          else high = middle;
        }
        return vocabulary[low];
      };
      const doc = () => {
        const grams = new Set();
        for (let tries = 0; grams.size < G && tries < G * 20; tries += 1) grams.add(pick());
        return { id: crypto.randomUUID(), text: 'あ'.repeat(1200), grams: [...grams] };
      };
      const write = (docs) =>
        new Promise((resolve, reject) => {
          const tx = db.transaction('conversations', 'readwrite');
          for (const d of docs) tx.objectStore('conversations').put(d);
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
      let started = performance.now();
      for (let from = 0; from < N; from += 500)
        await write(Array.from({ length: Math.min(500, N - from) }, doc));
      const bulkMsPerConversation = (performance.now() - started) / N;
      const singles = [];
      for (let i = 0; i < 20; i += 1) {
        const d = doc();
        started = performance.now();
        await write([d]);
        singles.push(performance.now() - started);
      }
      singles.sort((a, b) => a - b);
      const request = (r) => new Promise((resolve) => (r.onsuccess = () => resolve(r.result)));
      started = performance.now();
      const keys = await request(
        db
          .transaction('conversations')
          .objectStore('conversations')
          .index('grams')
          .getAllKeys(IDBKeyRange.only(vocabulary[0])),
      );
      return {
        bulkMsPerConversation: Number(bulkMsPerConversation.toFixed(2)),
        singleWriteP50Ms: Number(singles[10].toFixed(2)),
        commonBigramLookupMs: Number((performance.now() - started).toFixed(1)),
        commonBigramHits: keys.length,
      };
    },
    { N, G },
  );
  await context.close();
  const disk = execSync(`du -sb ${join(profile, 'Default', 'IndexedDB')}`)
    .toString()
    .split('\t')[0];
  console.table({
    [`${N} conversations × ${G} bigrams`]: {
      ...result,
      diskBytesPerConversation: Math.round(Number(disk) / N),
    },
  });
} finally {
  rmSync(profile, { recursive: true, force: true });
  server.close();
}

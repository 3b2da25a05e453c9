// The libraries we measured and did not adopt, on the benchmark's own conversations, in Node (their
// in-memory cost does not depend on the browser). Not a dependency of the project:
//   npm i --no-save minisearch@7.2.0 flexsearch@0.8.212
//   NODE_OPTIONS=--expose-gc npx tsx bench/alternatives/libraries.mjs 10000

import { fold } from '../../utils/history/text.ts';
import { BENCH_QUERIES, benchConversation } from '../corpus.ts';

const N = Number(process.argv[2] ?? 10000);
const { default: MiniSearch } = await import('minisearch');
const { default: FlexSearch } = await import('flexsearch');

/** The same character bigrams our index uses, as strings. */
function grams(text) {
  const folded = fold(text);
  const out = [];
  for (let i = 0; i + 1 < folded.length; i += 1) {
    if (folded[i].trim() && folded[i + 1].trim()) out.push(folded[i] + folded[i + 1]);
  }
  return out;
}

function heap() {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function timeQueries(search) {
  const times = BENCH_QUERIES.map((query) => {
    const started = performance.now();
    search(query);
    return performance.now() - started;
  }).sort((a, b) => a - b);
  return { searchP50Ms: Number(times[10].toFixed(1)), searchP95Ms: Number(times[19].toFixed(1)) };
}

const docs = Array.from({ length: N }, (_, index) => {
  const c = benchConversation(index);
  return {
    id: c.id,
    title: `${c.title}\n${c.pageTitle ?? ''}`,
    body: `${c.input ?? ''}\n${c.messages.map((m) => m.content).join('\n')}`,
  };
});
const rows = {};

let before = heap();
let started = performance.now();
const options = { fields: ['title', 'body'], tokenize: grams, processTerm: (term) => term };
const mini = new MiniSearch({ ...options, searchOptions: { combineWith: 'AND', boost: { title: 2 } } });
mini.addAll(docs);
const miniBuild = performance.now() - started;
const miniHeap = heap() - before;
started = performance.now();
const json = JSON.stringify(mini);
MiniSearch.loadJSON(json, options);
rows.minisearch = {
  buildMs: Math.round(miniBuild),
  heapMB: Math.round(miniHeap / 1e6),
  savedJsonMB: Math.round(json.length / 1e6),
  saveAndReloadMs: Math.round(performance.now() - started),
  ...timeQueries((query) => mini.search(query)),
};

before = heap();
started = performance.now();
const flex = new FlexSearch.Index({ encode: grams, tokenize: 'strict' });
for (const [index, doc] of docs.entries()) flex.add(index, `${doc.title}\n${doc.body}`);
rows.flexsearch = {
  buildMs: Math.round(performance.now() - started),
  heapMB: Math.round((heap() - before) / 1e6),
  ...timeQueries((query) => flex.search(query, { limit: 20 })),
};
console.table(rows);

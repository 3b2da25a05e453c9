/**
 * Runs inside an extension page of the built extension (bundled by stream.bench.ts and evaluated there):
 * the real components/Markdown.tsx against the naive way (react-markdown + remark-gfm on the whole text).
 */
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import ReactMarkdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Markdown } from '../components/Markdown';
import { splitMarkdownBlocks } from '../utils/markdown-blocks';
import { benchAnswer, streamedPrefixes } from './answer-corpus';

interface RenderFigures {
  totalMs: number;
  lastChunkMs: number;
  chunks: number;
  bytes: number;
}

const remarkPlugins = [remarkGfm];

function Naive({ text }: { text: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown remarkPlugins={remarkPlugins}>{text}</ReactMarkdown>
    </div>
  );
}

/** Every chunk rendered and committed synchronously: the main-thread time React spends on the answer. */
function render(kind: 'ours' | 'naive', bytes: number, chunks: number): RenderFigures {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const Component = kind === 'ours' ? Markdown : Naive;
  const prefixes = streamedPrefixes(benchAnswer(bytes), chunks);
  let totalMs = 0;
  let lastChunkMs = 0;
  for (const text of prefixes) {
    const started = performance.now();
    flushSync(() => root.render(<Component text={text} />));
    lastChunkMs = performance.now() - started;
    totalMs += lastChunkMs;
  }
  root.unmount();
  container.remove();
  return { totalMs, lastChunkMs, chunks, bytes };
}

/** The block splitter alone, on the same prefixes: the part of our render time spent finding blocks. */
function split(bytes: number, chunks: number): RenderFigures {
  const prefixes = streamedPrefixes(benchAnswer(bytes), chunks);
  let previous: string[] = [];
  let lastChunkMs = 0;
  const started = performance.now();
  for (const text of prefixes) {
    const before = performance.now();
    previous = splitMarkdownBlocks(text, previous);
    lastChunkMs = performance.now() - before;
  }
  return { totalMs: performance.now() - started, lastChunkMs, chunks, bytes };
}

Object.assign(globalThis, { renderBench: { render, split } });

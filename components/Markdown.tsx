import { lazy, Suspense } from 'react';
import { type PiiReplacement, restoreOutsideUrls } from '../utils/pii/redact';

type View = typeof import('./MarkdownView').MarkdownView;

/*
 * The markdown parser is a large part of the panel's code and nothing needs it until an answer is shown:
 * it is loaded when the panel is idle (`preloadMarkdown`) or on first use. Until then the answer shows as
 * plain text, so nothing is ever blank.
 */
let loadedView: View | null = null;
let loading: Promise<void> | null = null;

export function preloadMarkdown(): Promise<void> {
  loading ??= import('./MarkdownView').then((module) => {
    loadedView = module.MarkdownView;
  });
  return loading;
}

const LazyView = lazy(() => preloadMarkdown().then(() => ({ default: loadedView ?? PlainText })));

function PlainText({ text }: { text: string }) {
  return (
    <div className="markdown">
      <p className="md-plain">{text}</p>
    </div>
  );
}

/**
 * Renders a model answer as Markdown, safely (see MarkdownView). `mapping`: placeholders to show as the
 * values they stand for, in the text only, never in a link target.
 */
export function Markdown({ text, mapping }: { text: string; mapping?: readonly PiiReplacement[] }) {
  const Loaded = loadedView;
  if (Loaded) return <Loaded text={text} mapping={mapping} />;
  return (
    <Suspense fallback={<PlainText text={mapping ? restoreOutsideUrls(text, mapping) : text} />}>
      <LazyView text={text} mapping={mapping} />
    </Suspense>
  );
}

import { lazy, Suspense } from 'react';

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

/** Renders a model answer as Markdown, safely (see MarkdownView). */
export function Markdown({ text }: { text: string }) {
  const Loaded = loadedView;
  if (Loaded) return <Loaded text={text} />;
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <LazyView text={text} />
    </Suspense>
  );
}

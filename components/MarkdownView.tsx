import { type ComponentProps, createContext, memo, useContext, useMemo, useRef } from 'react';
import ReactMarkdown, { type Components, type UrlTransform } from 'react-markdown';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import { splitMarkdownBlocks } from '../utils/markdown-blocks';
import { type PiiReplacement, restoreInMarkdownTree } from '../utils/pii/redact';

// Model output is untrusted. Raw HTML stays text (react-markdown's default without rehype-raw), and only
// absolute web and mail URLs survive: relative ones would resolve to chrome-extension:// pages.
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

const safeUrl: UrlTransform = (url) => {
  if (!URL.canParse(url)) return null;
  const parsed = new URL(url);
  // The parsed href, so the browser opens exactly the URL that was checked.
  return SAFE_PROTOCOLS.has(parsed.protocol) ? parsed.href : null;
};

/** An image inside a link becomes plain text: an `<a>` may not contain another `<a>`. */
const InsideLink = createContext(false);

function Link({ href, children }: ComponentProps<'a'>) {
  // No href means safeUrl refused the URL: show the link text only.
  if (!href) return <span className="md-link-text">{children}</span>;
  return (
    <InsideLink value={true}>
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    </InsideLink>
  );
}

/** Never an `<img>`: a remote image would load (and report to its server) without the user asking. */
function Image({ src, alt }: ComponentProps<'img'>) {
  const insideLink = useContext(InsideLink);
  const url = typeof src === 'string' ? src : '';
  const label = alt || url;
  if (!url || insideLink) return <span className="md-image">{label}</span>;
  return (
    <a className="md-image" href={url} target="_blank" rel="noopener noreferrer">
      {label}
    </a>
  );
}

/** Wide tables scroll inside the narrow side panel instead of widening it. */
function Table({ children }: ComponentProps<'table'>) {
  return (
    <div className="md-table">
      <table>{children}</table>
    </div>
  );
}

const components: Components = { a: Link, img: Image, table: Table };
const NO_MAPPING: readonly PiiReplacement[] = [];

/**
 * Placeholders are restored after parsing, in text nodes only: restoring the source first would let the
 * answer put a real value into a link's `href` (see restoreInMarkdownTree).
 */
function pluginsFor(mapping: readonly PiiReplacement[]) {
  if (mapping.length === 0) return [remarkGfm, remarkBreaks];
  const restorePlaceholders = () => (tree: Parameters<typeof restoreInMarkdownTree>[0]) =>
    restoreInMarkdownTree(tree, mapping);
  return [remarkGfm, remarkBreaks, restorePlaceholders];
}

const MarkdownBlock = memo(function MarkdownBlock({
  text,
  mapping,
}: {
  text: string;
  mapping: readonly PiiReplacement[];
}) {
  const remarkPlugins = useMemo(() => pluginsFor(mapping), [mapping]);
  return (
    <ReactMarkdown remarkPlugins={remarkPlugins} urlTransform={safeUrl} components={components}>
      {text}
    </ReactMarkdown>
  );
});

/**
 * Renders a model answer; while it streams, only the last (growing) block renders again. `mapping` puts the
 * originals of placeholders back into the text the user reads.
 */
export function MarkdownView({
  text,
  mapping = NO_MAPPING,
}: {
  text: string;
  mapping?: readonly PiiReplacement[];
}) {
  // A cache, not state: any earlier split is a valid hint, so a render React throws away does no harm.
  const previousBlocks = useRef<string[]>([]);
  const blocks = useMemo(() => {
    const split = splitMarkdownBlocks(text, previousBlocks.current);
    previousBlocks.current = split;
    return split;
  }, [text]);
  return (
    <div className="markdown">
      {blocks.map((block, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a block's position is its identity while text is appended
        <MarkdownBlock key={index} text={block} mapping={mapping} />
      ))}
    </div>
  );
}

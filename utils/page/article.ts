import { Readability } from '@mozilla/readability';
import { ARTICLE_MAX_CHARS } from './page-question';

/** A page's main text, as the side panel shows and sends it. */
export interface PageArticle {
  title: string;
  text: string;
  /** Characters of `text`, for "約 4,200 字". */
  length: number;
  /** The text was longer than `maxChars` and was cut. */
  truncated: boolean;
}

const BLOCKS =
  'p, div, section, article, li, dt, dd, h1, h2, h3, h4, h5, h6, tr, table, blockquote, pre, ul, ol, dl, figure, figcaption, caption, address';

/** Text of an element with line breaks where blocks end, as a reader would see it. */
function readableText(root: Element): string {
  const document = root.ownerDocument;
  for (const br of root.querySelectorAll('br')) br.replaceWith(document.createTextNode('\n'));
  for (const cell of root.querySelectorAll('td, th')) cell.append(document.createTextNode('\t'));
  for (const block of root.querySelectorAll(BLOCKS)) block.append(document.createTextNode('\n'));
  return (root.textContent ?? '')
    .replace(/[ \u00a0\u3000]*\t[ \u00a0\u3000\t]*/g, '\t')
    .replace(/[ \u00a0]+/g, ' ')
    .replace(/ *\n[ \t]*/g, '\n')
    .replace(/\t+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Extracts the main text of a page from its HTML with Mozilla Readability, in the side panel: the page's
 * HTML is parsed into an inert document here (no scripts run, nothing loads), never in the page itself.
 * Navigation, header, footer and sidebars are left out. `null` when nothing readable is found.
 */
export function extractArticle(
  html: string,
  fallbackTitle = '',
  maxChars = ARTICLE_MAX_CHARS,
): PageArticle | null {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const title = parsed.title.trim() || fallbackTitle;
  // Landmarks that are never the article; a header or footer inside the article itself is kept.
  for (const noise of parsed.querySelectorAll(
    'script, style, noscript, template, nav, aside, [role="navigation"], [role="banner"], [role="contentinfo"], [role="search"], [role="complementary"]',
  )) {
    noise.remove();
  }
  for (const landmark of parsed.querySelectorAll('header, footer')) {
    if (!landmark.closest('article, main, [role="main"]')) landmark.remove();
  }
  const article = new Readability(parsed, { charThreshold: 200, keepClasses: false }).parse();
  let text = '';
  if (article?.content) {
    const content = new DOMParser().parseFromString(article.content, 'text/html');
    text = readableText(content.body);
  }
  if (!text) {
    // Short pages (a notice of a few lines) can be below Readability's threshold: take the main region.
    const main = parsed.querySelector('main, [role="main"], article') ?? parsed.body;
    if (!main) return null;
    text = readableText(main);
  }
  if (!text) return null;
  const truncated = text.length > maxChars;
  const kept = truncated ? text.slice(0, maxChars) : text;
  return { title: article?.title?.trim() || title, text: kept, length: kept.length, truncated };
}

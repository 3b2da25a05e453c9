import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

// The same parser (remark-parse + remark-gfm) that react-markdown renders with, so block boundaries agree
// with what is rendered. unified and remark-parse are react-markdown's own dependencies.
const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/**
 * Splits Markdown into its top-level blocks (paragraph, list, table, fenced code, ...).
 *
 * Each block runs from the start of its first line to the start of the next block, so blank lines stay with
 * the block before them and `blocks.join('')` is exactly `text`. While an answer streams in, only the last
 * block's text changes (with the rare exception below), which lets the renderer skip completed blocks.
 *
 * `previous` is the result for an earlier, shorter version of the same text. Parsing everything again costs
 * ~15 ms for 4 kB on every streamed token; with `previous`, only the last two blocks are parsed again.
 */
export function splitMarkdownBlocks(text: string, previous: readonly string[] = []): string[] {
  const grown = grownLastBlock(text, previous);
  if (grown) return grown;
  const kept = previous.slice(0, settledBlocks(previous));
  const keptText = kept.join('');
  const rest = keptText !== '' && text.startsWith(keptText) ? splitBlocks(text.slice(keptText.length)) : null;
  if (rest) return [...kept, ...rest];
  return splitBlocks(text) ?? [text];
}

/**
 * A line whose first character is one of these could still turn into another block as it grows (a heading,
 * list item, quote, fence, table row, setext underline, HTML, a link definition or its title).
 */
const MAY_BECOME_BLOCK = /^[\s#>\-+*_=`~<|[\]\d:!\\"'(]/;

/**
 * A line that begins like a block but whose kind is already fixed: a list item, heading, quote or table row
 * with a word after its marker, or a number followed by something that is not a list marker (「2025年」).
 * Words added to such a line cannot start or end a block. Without this, every token of a long list or table
 * re-parsed the whole of it (`render_split_ms`, `npm run bench stream`).
 */
const SETTLED_LINE =
  /^ {0,3}(?:(?:[-+*]|\d{1,9}[.)]|#{1,6}|>) +[\p{L}\p{N}]|>[\p{L}\p{N}]|\| *[\p{L}\p{N}]|\d+[^\d.)])/u;

/**
 * The common case while streaming, without parsing: text was added to the last line only, and that line
 * began with plain text (a paragraph's words, a table cell, code), so no block can start or end there. The
 * last block simply grows.
 */
function grownLastBlock(text: string, previous: readonly string[]): string[] | null {
  const last = previous.at(-1);
  if (last === undefined) return null;
  // `text` must start with every previous block, compared in place: joining them into one string on every
  // streamed token made garbage proportional to the answer, which the collector paid for under load.
  let offset = 0;
  for (const block of previous) {
    if (!text.startsWith(block, offset)) return null;
    offset += block.length;
  }
  if (text.length <= offset) return null;
  const added = text.slice(offset);
  if (/[\r\n]/.test(added)) return null;
  // Blocks start at the beginning of a line, so the last line of the text so far is the last block's.
  const lastLine = last.slice(last.lastIndexOf('\n') + 1);
  if (lastLine === '' || (MAY_BECOME_BLOCK.test(lastLine) && !SETTLED_LINE.test(lastLine))) return null;
  const grown = previous.slice();
  grown[grown.length - 1] = last + added;
  return grown;
}

/** A first line that a later block could continue across a blank line: a list item or indented text. */
const MAY_CONTINUE = /^(?:[ \t]|[-*+](?:[ \t]|\r?$)|\d{1,9}[.)](?:[ \t]|\r?$))/;

/**
 * How many blocks of the previous split appending cannot change. Appending changes the last block, and can
 * merge it into the one before (`#` becoming `#tag` continues the paragraph above; a link definition's title
 * arriving on the next line; another item of a list above), never reach further back. After a blank line only
 * a list or indented code can be continued, so a block of another kind that ends with one is settled too:
 * then only the last block is parsed again, which is most of the time while an answer streams.
 */
function settledBlocks(previous: readonly string[]): number {
  const beforeLast = previous.at(-2);
  // Blank lines at the very start of an answer belong to its first block: its first line is after them.
  const firstLine = beforeLast?.replace(/^(?:[ \t]*\r?\n)+/, '');
  if (
    beforeLast !== undefined &&
    firstLine !== undefined &&
    /\n[ \t]*\r?\n$/.test(beforeLast) &&
    !MAY_CONTINUE.test(firstLine)
  ) {
    return previous.length - 1;
  }
  return Math.max(0, previous.length - 2);
}

/** Null when the text must stay whole. */
function splitBlocks(text: string): string[] | null {
  if (text === '') return [];
  const nodes = parser.parse(text).children;
  // Reference links and footnotes point across the answer: rendered apart, `[市HP]` and `[^1]` stay unresolved
  // and the footnote text disappears. Models rarely write them, so such answers simply render whole.
  if (nodes.some((node) => node.type === 'definition' || node.type === 'footnoteDefinition')) return null;
  const starts = [0];
  for (const node of nodes.slice(1)) {
    const offset = node.position?.start.offset;
    if (offset === undefined) continue;
    // Start at the beginning of the line, so indentation belongs to the block it indents.
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    if (lineStart > (starts.at(-1) ?? 0)) starts.push(lineStart);
  }
  return starts.map((start, index) => text.slice(start, starts[index + 1] ?? text.length));
}

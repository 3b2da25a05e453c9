import type { UiLanguage } from '../i18n';
import { type ActionPrompt, buildActionPrompt, fenceDocument } from './prompt';
import { LANGUAGE_NAMES } from './types';

/** Characters a model takes at once when the policy names no `maxInputChars` for it. */
export const DEFAULT_MAX_INPUT_CHARS = 24_000;

/** Room left in the budget for the instructions and the fence around the text. */
const PROMPT_ALLOWANCE = 1_000;

export function chunkBudget(maxInputChars: number): number {
  return Math.max(500, maxInputChars - PROMPT_ALLOWANCE);
}

/** Where a piece may end, best first: paragraphs, lines, sentences (。！？ and . ! ? followed by a space). */
const BOUNDARIES = [/\n\s*\n/g, /\n/g, /[。．！？!?]+[」』）)]*|[.!?]+["')\]]*(?=\s)/g];

/** The last boundary end inside `text` at or after `from`, or -1. */
function lastBoundary(text: string, pattern: RegExp, from: number): number {
  let found = -1;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    if (end > from && end <= text.length) found = end;
    if (match[0].length === 0) pattern.lastIndex += 1;
  }
  return found;
}

/**
 * Cuts a long text into pieces of at most `maxChars`, each ending at a paragraph, else a line, else a
 * sentence (Japanese 。 included), else a hard cut. Joined again, the pieces are the text, unchanged.
 */
export function splitIntoChunks(text: string, maxChars: number): string[] {
  const size = Math.max(1, Math.floor(maxChars));
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > size) {
    const window = rest.slice(0, size);
    // A piece shorter than a third of the budget would make many tiny pieces: cut harder instead.
    const minimum = Math.floor(size / 3);
    let end = -1;
    for (const pattern of BOUNDARIES) {
      end = lastBoundary(window, pattern, minimum);
      if (end > 0) break;
    }
    if (end <= 0) end = size;
    // Never split a surrogate pair (an emoji, a rare kanji).
    const code = rest.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    chunks.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest !== '' || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/** The prompt for one part of a long text: a summary that the final step can combine. */
export function mapPrompt(chunk: string, part: number, parts: number, uiLanguage: UiLanguage): ActionPrompt {
  const base = buildActionPrompt('summarize', chunk, { uiLanguage });
  return {
    system:
      `${base.system}\n\nThe document is part ${part} of ${parts} of a longer text. Summarise only this part, ` +
      `as Markdown bullets in ${LANGUAGE_NAMES[uiLanguage]}, keeping every name, date, amount and deadline.`,
    user: fenceDocument(chunk),
  };
}

/** The prompt that combines the summaries of all parts into the one answer the user sees. */
export function reducePrompt(summaries: string[], uiLanguage: UiLanguage): ActionPrompt {
  const joined = summaries.map((summary, index) => `### Part ${index + 1}\n${summary.trim()}`).join('\n\n');
  const base = buildActionPrompt('summarize', joined, { uiLanguage });
  return {
    system:
      `${base.system}\n\nThe document holds summaries of consecutive parts of one long text, in order. ` +
      'Combine them into one summary of the whole text; do not mention the parts.',
    user: fenceDocument(joined),
  };
}

/**
 * Groups part summaries so that each group fits the budget; the caller summarises each group again until
 * one group is left (long texts with very long part summaries need more than one round).
 */
export function groupForReduce(summaries: string[], maxChars: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const summary of summaries) {
    if (current.length > 0 && length + summary.length > maxChars) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(summary);
    length += summary.length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

export interface MapReduceProgress {
  done: number;
  total: number;
}

/**
 * The map half of a long summary: every part is summarised in turn (one request at a time: the gateway's
 * rate limit is shared by the whole office), then the summaries are combined in rounds until they fit one
 * request. Returns the prompt of the final step, which the caller streams to the user.
 */
export async function summariseInParts(
  text: string,
  maxInputChars: number,
  uiLanguage: UiLanguage,
  summarise: (prompt: ActionPrompt) => Promise<string>,
  onProgress: (progress: MapReduceProgress) => void,
): Promise<ActionPrompt> {
  const budget = chunkBudget(maxInputChars);
  const chunks = splitIntoChunks(text, budget);
  let summaries: string[] = [];
  const total = chunks.length;
  onProgress({ done: 0, total });
  for (const [index, chunk] of chunks.entries()) {
    summaries.push(await summarise(mapPrompt(chunk, index + 1, total, uiLanguage)));
    onProgress({ done: index + 1, total });
  }
  for (let groups = groupForReduce(summaries, budget); groups.length > 1; ) {
    const next: string[] = [];
    for (const group of groups) next.push(await summarise(reducePrompt(group, uiLanguage)));
    const shrank = next.join('').length < summaries.join('').length;
    summaries = next;
    groups = groupForReduce(summaries, budget);
    // Summaries that do not get shorter would loop for ever: the last round goes as it is.
    if (!shrank) break;
  }
  return reducePrompt(summaries, uiLanguage);
}

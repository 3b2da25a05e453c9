import { hasCatastrophicBacktracking, MAX_PATTERN_LENGTH } from './regex-safety';
import type { Span } from './types';

export interface CustomPattern {
  name: string;
  pattern: string;
}

/**
 * Why an admin's pattern was not (fully) used: `invalid` does not compile, `unsafe` could freeze the browser
 * (or is longer than MAX_PATTERN_LENGTH), `timed-out` ran out of time and the rest of the text was not
 * checked with it.
 */
export interface PatternProblem {
  name: string;
  pattern: string;
  kind: 'invalid' | 'unsafe' | 'timed-out';
  /** The engine's message for `invalid` (English, from the JavaScript engine), for the admin. */
  detail?: string;
}

export interface CustomHit extends Span {
  name: string;
}

export interface CustomScanOptions {
  /** Time one pattern may spend on one text before it is stopped and reported. */
  budgetMs?: number;
  now?: () => number;
}

const DEFAULT_BUDGET_MS = 100;
/**
 * Patterns run line by line, over windows of at most this many characters, so a slow (polynomial) pattern
 * costs at most one window before the time budget is checked. IDs and codes are far shorter.
 */
const WINDOW = 256;
const OVERLAP = 64;

type Compiled = { ok: true; regex: RegExp } | { ok: false; problem: PatternProblem };

/** The same rules for every use: the send-time scan, and `policy:check` before a policy is deployed. */
export function compileCustomPattern({ name, pattern }: CustomPattern): Compiled {
  // The text is NFKC-normalised, so the pattern is too: an admin's ＼ｄ or full-width letters still work.
  const source = pattern.normalize('NFKC');
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'gu');
  } catch {
    try {
      // Without `u`, identity escapes such as `\-` are allowed; admins write them often.
      regex = new RegExp(source, 'g');
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      return { ok: false, problem: { name, pattern, kind: 'invalid', detail } };
    }
  }
  if (source.length > MAX_PATTERN_LENGTH || hasCatastrophicBacktracking(source)) {
    return { ok: false, problem: { name, pattern, kind: 'unsafe' } };
  }
  return { ok: true, regex };
}

/** Pieces of the text to run a pattern over: each line, long lines as overlapping windows. */
function* windows(text: string): Generator<{ offset: number; piece: string }> {
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    for (let offset = lineStart; offset < lineEnd; offset += WINDOW - OVERLAP) {
      yield { offset, piece: text.slice(offset, Math.min(lineEnd, offset + WINDOW)) };
      if (offset + WINDOW >= lineEnd) break;
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
}

/** A policy holds a handful of patterns; compiled and checked for backtracking once each, not at every send. */
const compiledOnce = new Map<string, Compiled>();
const MAX_COMPILED = 64;

function compiledFor(custom: CustomPattern): Compiled {
  const key = `${custom.name}\u0000${custom.pattern}`;
  let compiled = compiledOnce.get(key);
  if (!compiled) {
    if (compiledOnce.size >= MAX_COMPILED) compiledOnce.clear();
    compiled = compileCustomPattern(custom);
    compiledOnce.set(key, compiled);
  }
  return compiled;
}

/** Runs the policy's `custom` patterns over normalised text without letting one of them hang the page. */
export function findCustomPatterns(
  normalised: string,
  patterns: readonly CustomPattern[],
  options: CustomScanOptions = {},
): { hits: CustomHit[]; problems: PatternProblem[] } {
  const budget = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const hits: CustomHit[] = [];
  const problems: PatternProblem[] = [];
  for (const custom of patterns) {
    const compiled = compiledFor(custom);
    if (!compiled.ok) {
      problems.push(compiled.problem);
      continue;
    }
    const { regex } = compiled;
    const seen = new Set<string>();
    const started = now();
    for (const { offset, piece } of windows(normalised)) {
      if (now() - started > budget) {
        problems.push({ name: custom.name, pattern: custom.pattern, kind: 'timed-out' });
        break;
      }
      regex.lastIndex = 0;
      for (let match = regex.exec(piece); match !== null; match = regex.exec(piece)) {
        if (match[0] === '') {
          regex.lastIndex += 1;
          continue;
        }
        const start = offset + match.index;
        const end = start + match[0].length;
        const key = `${start}:${end}`;
        if (seen.has(key)) continue;
        seen.add(key);
        hits.push({ name: custom.name, start, end });
      }
    }
  }
  return { hits, problems };
}

/** Longer patterns are almost always a mistake (pasted text) and cost more to check on every send. */
export const MAX_PATTERN_LENGTH = 500;

interface Group {
  /** Something inside can match a varying number of times (`+`, `*`, `?`, `{1,3}`). */
  hasVariableRepeat: boolean;
  /** Each alternative as a plain string, or null once it holds a class, quantifier, group… */
  alternatives: (string | null)[];
}

interface Quantifier {
  length: number;
  min: number;
  max: number;
}

/** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` (and their lazy forms) starting at `at`, or null. */
function readQuantifier(source: string, at: number): Quantifier | null {
  const character = source.charAt(at);
  let quantifier: Quantifier | null = null;
  if (character === '*') quantifier = { length: 1, min: 0, max: Number.POSITIVE_INFINITY };
  else if (character === '+') quantifier = { length: 1, min: 1, max: Number.POSITIVE_INFINITY };
  else if (character === '?') quantifier = { length: 1, min: 0, max: 1 };
  else if (character === '{') {
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at, at + 24));
    if (braces) {
      const min = Number(braces[1]);
      const max =
        braces[2] === undefined ? min : braces[3] === '' ? Number.POSITIVE_INFINITY : Number(braces[3]);
      quantifier = { length: braces[0].length, min, max };
    }
  }
  if (quantifier && source.charAt(at + quantifier.length) === '?') quantifier.length += 1;
  return quantifier;
}

/** Alternatives that are plain, distinct words where none is a prefix of another cannot overlap. */
function alternationIsUnambiguous(alternatives: (string | null)[]): boolean {
  if (alternatives.length < 2) return true;
  const words: string[] = [];
  for (const alternative of alternatives) {
    if (alternative === null || alternative === '') return false;
    words.push(alternative);
  }
  return words.every((word, index) =>
    words.every((other, otherIndex) => index === otherIndex || !other.startsWith(word)),
  );
}

/** A repeat that can take many different lengths: `+`, `*`, `{2,}`, `{1,40}`. */
function isWide(quantifier: Quantifier | null): boolean {
  return quantifier !== null && quantifier.max - quantifier.min > 16;
}

/** Three wide repeats with no literal character between them (`\d+\d*\d+x`) cost length⁴ per window. */
const MAX_WIDE_CHAIN = 2;

/**
 * Whether an admin's pattern can backtrack catastrophically. JavaScript cannot interrupt a running regex,
 * so such patterns are refused up front: a repeated group that itself contains a variable repeat
 * (`(a+)+`, `(\d*-?)*`, `(.*a){5}`), overlapping alternatives in a repeated group (`(a|aa)+`, `(\d|x)*`),
 * or more than two wide repeats in a row (`.*\d+.*x`). Two in a row (`\d+\s*`) stay polynomial and are
 * bounded by the caller's windows and time budget.
 */
export function hasCatastrophicBacktracking(source: string): boolean {
  const stack: Group[] = [{ hasVariableRepeat: false, alternatives: [''] }];
  let wideChain = 0;
  let at = 0;
  while (at < source.length) {
    const group = stack.at(-1);
    if (group === undefined) return false;
    const character = source.charAt(at);
    let atomEnd = at + 1;
    let literal: string | null = null;
    let closed: Group | null = null;
    if (character === '\\') {
      const escaped = source.charAt(at + 1);
      atomEnd = at + 2;
      if (/^[pPk]$/.test(escaped) && source.charAt(at + 2) === '{') {
        atomEnd = Math.max(source.indexOf('}', at + 2) + 1, atomEnd);
      } else if (escaped === 'k' && source.charAt(at + 2) === '<') {
        atomEnd = Math.max(source.indexOf('>', at + 2) + 1, atomEnd);
      }
      if (/^[^A-Za-z0-9]$/.test(escaped)) literal = escaped;
    } else if (character === '[') {
      atomEnd = endOfClass(source, at);
    } else if (character === '(') {
      const header = /^\((?:\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>))?/.exec(source.slice(at, at + 40));
      stack.push({ hasVariableRepeat: false, alternatives: [''] });
      at += header?.[0].length ?? 1;
      setAlternative(group, null);
      continue;
    } else if (character === ')') {
      if (stack.length === 1) return false;
      stack.pop();
      closed = group;
    } else if (character === '|') {
      wideChain = 0;
      group.alternatives.push('');
      at += 1;
      continue;
    } else if (character === '^' || character === '$' || character === '.') {
      literal = null;
    } else {
      literal = character;
    }
    const parent = stack.at(-1);
    if (parent === undefined) return false;
    const quantifier = readQuantifier(source, atomEnd);
    const variable = quantifier !== null && quantifier.min !== quantifier.max;
    if (isWide(quantifier)) {
      wideChain += 1;
      if (wideChain > MAX_WIDE_CHAIN) return true;
    } else if (literal !== null && (quantifier === null || quantifier.min > 0)) {
      // A character that must be there (the `-` in `\d+-\d+`) splits the text the repeats can share.
      wideChain = 0;
    }
    if (closed) {
      if (quantifier && quantifier.max > 1) {
        if (closed.hasVariableRepeat || !alternationIsUnambiguous(closed.alternatives)) return true;
      }
      parent.hasVariableRepeat ||= closed.hasVariableRepeat || variable;
    } else {
      parent.hasVariableRepeat ||= variable;
      const current = parent.alternatives.at(-1);
      if (quantifier || literal === null || current === null) setAlternative(parent, null);
      else setAlternative(parent, `${current}${literal}`);
    }
    at = atomEnd + (quantifier?.length ?? 0);
  }
  return false;
}

function setAlternative(group: Group, value: string | null): void {
  group.alternatives[group.alternatives.length - 1] = value;
}

/** Index after the `]` closing the class that opens at `at` (JavaScript: `]` right after `[` closes it). */
function endOfClass(source: string, at: number): number {
  let index = at + 1;
  while (index < source.length) {
    const character = source.charAt(index);
    if (character === '\\') index += 2;
    else if (character === ']') return index + 1;
    else index += 1;
  }
  return source.length;
}

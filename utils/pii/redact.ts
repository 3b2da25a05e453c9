import type { DetectorId, PiiFinding } from './types';

/** One placeholder and the value it stands for; kept with the conversation to restore the answer. */
export interface PiiReplacement {
  placeholder: string;
  original: string;
  detector: DetectorId;
}

export interface Redaction {
  text: string;
  mapping: PiiReplacement[];
  /** Every placeholder the returned text carries, once each, in text order (new and reused alike). */
  used: string[];
}

const OPENERS = '[［【';
const CLOSERS = ']］】';
/** A bracketed token the model may echo: [マイナンバー1], ［マイナンバー1］, 【マイナンバー1】, [マイナンバー 1]. */
const TOKEN = /[[［【]([^[\]［］【】\n]{1,80})[\]］】]/g;
const MAX_TOKEN_LENGTH = 82;

/** How a placeholder's inside is compared: width, spaces and case do not matter. */
function tokenKey(inside: string): string {
  return inside.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** The same value written two ways (090-1234-5678, 09012345678) gets one placeholder. */
function valueKey(label: string, text: string): string {
  const value = text.normalize('NFKC');
  const comparable = /^[0-9\s()+\-‐‑‒–—―ー−]+$/.test(value) ? value.replace(/[^0-9+]/g, '') : value;
  return `${label}\u0000${comparable}`;
}

/** Labels from the policy may contain brackets, which would end the placeholder early. */
function placeholderLabel(label: string): string {
  return label.replace(/[[\]［］【】\n]/g, '').trim() || '個人情報';
}

/**
 * Replaces each finding with a labelled, numbered placeholder (`[マイナンバー1]`, `[電話番号2]`), the same
 * placeholder every time the same value appears. Placeholders are Japanese in every UI language: they are
 * what the model reads. Info findings (法人番号) are left in the text. A placeholder that the text already
 * contains is skipped, so restoring never turns the user's own bracketed words into someone's data.
 */
/**
 * `previous` is the mapping of earlier turns of the same conversation: a value seen before keeps its
 * placeholder and new ones are numbered after it, so `[マイナンバー1]` means one thing per conversation.
 * The returned mapping holds only this text's new replacements.
 */
export function redact(
  text: string,
  findings: readonly PiiFinding[],
  previous: readonly PiiReplacement[] = [],
): Redaction {
  const existing = new Set(Array.from(text.matchAll(TOKEN), (match) => tokenKey(match[1] ?? '')));
  for (const earlier of previous) existing.add(tokenKey(earlier.placeholder.slice(1, -1)));
  const byValue = new Map<string, PiiReplacement>(
    previous.map((earlier) => [
      valueKey(earlier.placeholder.replace(/^\[(.*?)\d+\]$/u, '$1'), earlier.original),
      earlier,
    ]),
  );
  const mapping: PiiReplacement[] = [];
  const used = new Set<string>();
  const parts: string[] = [];
  let counter = previous.length;
  let cursor = 0;
  for (const finding of [...findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < cursor || finding.severity === 'info') continue;
    const label = placeholderLabel(finding.label.ja);
    const key = valueKey(label, finding.text);
    let replacement = byValue.get(key);
    if (replacement === undefined) {
      let placeholder: string;
      do {
        counter += 1;
        placeholder = `[${label}${counter}]`;
      } while (existing.has(tokenKey(placeholder.slice(1, -1))));
      replacement = { placeholder, original: finding.text, detector: finding.detector };
      byValue.set(key, replacement);
      mapping.push(replacement);
    }
    used.add(replacement.placeholder);
    parts.push(text.slice(cursor, finding.start), replacement.placeholder);
    cursor = finding.end;
  }
  parts.push(text.slice(cursor));
  return { text: parts.join(''), mapping, used: [...used] };
}

function lookupOf(mapping: readonly PiiReplacement[]): Map<string, string> {
  return new Map(mapping.map((entry) => [tokenKey(entry.placeholder.slice(1, -1)), entry.original]));
}

function restoreWith(lookup: Map<string, string>, answer: string): string {
  return answer.replace(TOKEN, (token, inside: string) => lookup.get(tokenKey(inside)) ?? token);
}

/**
 * Puts the original values back into the model's answer for display. Also safe on a partial answer: a
 * placeholder cut off at the end (`[マイナ`) is left as it is until the rest arrives.
 */
export function restore(answer: string, mapping: readonly PiiReplacement[]): string {
  return mapping.length === 0 ? answer : restoreWith(lookupOf(mapping), answer);
}

/**
 * Link targets in Markdown (`](…)`, `<…>`, `[x]: …`) and bare URLs: a placeholder there stays a placeholder,
 * so a copied or rendered link never carries the real value to another host.
 */
const URL_PART =
  /\]\([^)\n]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>|^ {0,3}\[[^\]\n]+\]:[^\n]*|\b(?:https?|mailto|ftp|file):[^\s<>]*/gimu;

/**
 * Restores the answer for copying, inserting and plain display, except inside link targets and URLs.
 * Rendered Markdown uses `restoreInMarkdownTree` instead, which touches only text nodes.
 */
export function restoreOutsideUrls(answer: string, mapping: readonly PiiReplacement[]): string {
  if (mapping.length === 0) return answer;
  const lookup = lookupOf(mapping);
  const parts: string[] = [];
  let cursor = 0;
  for (const match of answer.matchAll(URL_PART)) {
    parts.push(restoreWith(lookup, answer.slice(cursor, match.index)), match[0]);
    cursor = match.index + match[0].length;
  }
  parts.push(restoreWith(lookup, answer.slice(cursor)));
  return parts.join('');
}

interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

/**
 * Restores placeholders in a parsed Markdown tree (mdast), in the text the user reads only: text and code
 * nodes. Link and image targets (`url`, `title`) and image `alt` are left alone, so a hostile answer such as
 * `[詳細](https://x.example/?id=[マイナンバー1])` renders a link whose `href` still holds the placeholder.
 */
export function restoreInMarkdownTree(tree: MarkdownNode, mapping: readonly PiiReplacement[]): void {
  if (mapping.length === 0) return;
  const lookup = lookupOf(mapping);
  const visit = (node: MarkdownNode) => {
    if ((node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') && node.value) {
      node.value =
        node.type === 'text' ? restoreWith(lookup, node.value) : restoreOutsideUrls(node.value, mapping);
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
}

export interface StreamRestorer {
  /** Takes the next piece of the answer; returns the text that is now safe to show (restored). */
  push(delta: string): string;
  /** At the end of the stream: whatever was held back, as it is. */
  flush(): string;
}

/**
 * Restores a streamed answer piece by piece, holding back a tail that may be the start of a placeholder
 * (`…連絡先は[電話` ) so the user never sees half a placeholder flash and then change. Linear in the
 * answer: each piece is looked at once, plus at most one short held-back tail.
 */
export function createStreamRestorer(mapping: readonly PiiReplacement[]): StreamRestorer {
  const lookup = lookupOf(mapping);
  const keys = [...lookup.keys()];
  let pending = '';

  function couldBecomePlaceholder(tail: string): boolean {
    if (tail.length > MAX_TOKEN_LENGTH || tail.includes('\n')) return false;
    const inside = tokenKey(tail.slice(1));
    return keys.some((key) => key.startsWith(inside));
  }

  return {
    push(delta) {
      pending += delta;
      let holdFrom = pending.length;
      for (
        let index = pending.length - 1;
        index >= 0 && index >= pending.length - MAX_TOKEN_LENGTH;
        index -= 1
      ) {
        const character = pending.charAt(index);
        if (CLOSERS.includes(character)) break;
        if (OPENERS.includes(character)) {
          if (couldBecomePlaceholder(pending.slice(index))) holdFrom = index;
          break;
        }
      }
      const ready = pending.slice(0, holdFrom);
      pending = pending.slice(holdFrom);
      return restoreWith(lookup, ready);
    },
    flush() {
      const rest = restoreWith(lookup, pending);
      pending = '';
      return rest;
    },
  };
}

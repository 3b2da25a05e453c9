import { diffArrays } from 'diff';

/** A proofread answer as far as it has arrived. The format is the contract in ./proofread-action.ts. */
export interface ProofreadAnswer {
  corrected: string;
  changes: string[];
  /** Both sections have arrived in full. */
  complete: boolean;
}

export type DiffSegment = { kind: 'same' | 'added' | 'removed'; text: string };

const CORRECTED_OPEN = '<corrected>';
const CORRECTED_CLOSE = '</corrected>';
const CHANGES_OPEN = '<changes>';
const CHANGES_CLOSE = '</changes>';

/**
 * Reads the `<corrected>` / `<changes>` answer, also while it streams in. A model that ignores the format
 * gets its whole answer shown as the corrected text.
 */
export function parseProofread(output: string): ProofreadAnswer {
  const text = unwrapCodeFence(output);
  const correctedOpen = text.indexOf(CORRECTED_OPEN);
  if (correctedOpen === -1 && !text.includes(CORRECTED_CLOSE) && !text.includes(CHANGES_OPEN)) {
    return { corrected: dropPartialTag(text, CORRECTED_OPEN).trim(), changes: [], complete: false };
  }

  const correctedStart = correctedOpen === -1 ? 0 : correctedOpen + CORRECTED_OPEN.length;
  // The first closing tag ends the text, so the corrected text only ever grows while streaming.
  const correctedClose = text.indexOf(CORRECTED_CLOSE, correctedStart);
  const changesOpen = text.indexOf(CHANGES_OPEN, correctedClose === -1 ? correctedStart : correctedClose);
  // A missing `<corrected>` or `</corrected>` is tolerated when the other tags are there.
  const correctedEnd = [correctedClose, changesOpen].find((index) => index !== -1);
  const correctedSection =
    correctedEnd === undefined
      ? dropPartialTag(text.slice(correctedStart), CORRECTED_CLOSE, CHANGES_OPEN)
      : text.slice(correctedStart, correctedEnd);
  const corrected = correctedOpen === -1 ? correctedSection.trim() : trimBlankLines(correctedSection);

  if (changesOpen === -1) return { corrected, changes: [], complete: false };
  const changesStart = changesOpen + CHANGES_OPEN.length;
  const changesClose = text.indexOf(CHANGES_CLOSE, changesStart);
  const changesSection =
    changesClose === -1
      ? dropPartialTag(text.slice(changesStart), CHANGES_CLOSE)
      : text.slice(changesStart, changesClose);
  return {
    corrected,
    changes: parseChangeList(changesSection),
    complete: correctedClose !== -1 && changesClose !== -1,
  };
}

/** Some models wrap their whole answer in a ``` fence, mirroring the fenced document they were given. */
function unwrapCodeFence(output: string): string {
  const text = output.trim();
  const opening = /^(?:`{3,}|~{3,})[^\n]*(?:\n|$)/.exec(text);
  if (!opening) return text;
  return text.slice(opening[0].length).replace(/(?:^|\n)(?:`{3,}|~{3,})[ \t]*$/, '');
}

/** While streaming, a tag arrives in pieces: `…本文\n</corr` must not show `</corr`. */
function dropPartialTag(text: string, ...tags: string[]): string {
  for (const tag of tags) {
    for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
      if (text.endsWith(tag.slice(0, length))) return text.slice(0, -length);
    }
  }
  return text;
}

/** Blank lines next to the tags are layout; everything else, leading `　` and inner line breaks included, is text. */
function trimBlankLines(section: string): string {
  return section.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/(?:\r?\n[ \t]*)+$/, '');
}

const LIST_MARKER = /^\s*(?:[-*+](?:\s+|$)|[・•]\s*|[0-9]+[.)](?:\s+|$)|[０-９]+[．）]\s*)/;

/** One item per bullet; an indented line without a bullet continues the item above. */
function parseChangeList(section: string): string[] {
  const items: string[] = [];
  for (const line of section.split(/\r?\n/)) {
    const marker = LIST_MARKER.exec(line);
    const content = (marker ? line.slice(marker[0].length) : line).trim();
    if (content === '') continue;
    const previous = items.at(-1);
    if (!marker && /^\s/.test(line) && previous !== undefined) {
      items[items.length - 1] = `${previous} ${content}`;
    } else {
      items.push(content);
    }
  }
  return items;
}

// Word segments, not characters: ICU's dictionary finds Japanese word boundaries without spaces, so
// 「しますた」→「しました」 reads as one replaced word where diffChars marks scattered single kana, and English
// diffs by word. Whitespace and line breaks are segments of their own, so both texts come back exactly
// (diffWords, by contrast, ignores whitespace changes). Firefox before 125 has no Intl.Segmenter: characters.
const segmenter =
  typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('ja', { granularity: 'word' }) : null;

function splitWords(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), ({ segment }) => segment) : Array.from(text);
}

// Beyond this many changed words the texts have little in common, and diffing would freeze the panel.
const MAX_CHANGED_WORDS = 1000;

/** What changed from the original to the corrected text, with removals before additions at each place. */
export function diffForDisplay(original: string, corrected: string): DiffSegment[] {
  const changes = diffArrays(splitWords(original), splitWords(corrected), {
    maxEditLength: MAX_CHANGED_WORDS,
  }) ?? [
    { removed: true, added: false, value: [original] },
    { removed: false, added: true, value: [corrected] },
  ];
  const segments: DiffSegment[] = [];
  let removed = '';
  let added = '';
  const flushChanges = () => {
    if (removed) segments.push({ kind: 'removed', text: removed });
    if (added) segments.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  for (const change of changes) {
    const text = change.value.join('');
    if (change.removed) removed += text;
    else if (change.added) added += text;
    else if (text) {
      flushChanges();
      const last = segments.at(-1);
      if (last?.kind === 'same') last.text += text;
      else segments.push({ kind: 'same', text });
    }
  }
  flushChanges();
  return segments;
}

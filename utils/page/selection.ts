/**
 * Functions injected into the page with `scripting.executeScript`, only after the user's gesture. They run
 * in the extension's isolated world (the page's scripts cannot see their variables) and must be
 * self-contained: the browser serialises each function on its own, so they cannot call helpers.
 */

export interface CapturedSelection {
  text: string;
  /** Where the text came from: an editable field can be written back to. */
  editable: boolean;
  /** The address of the frame at the moment it was read: the tab may have moved on since the click. */
  url: string;
}

export type ReplaceOutcome = 'replaced' | 'replace_gone' | 'replace_not_editable' | 'replace_changed';

/** Reads the selection with its line breaks and remembers where it is, for a later "Replace selection". */
export function captureSelectionInPage(): CapturedSelection {
  const store = globalThis as unknown as { tatakidaiSelection?: unknown };
  const active = document.activeElement;
  if (
    (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) &&
    active.selectionStart !== null &&
    active.selectionEnd !== null &&
    active.selectionStart !== active.selectionEnd
  ) {
    const start = active.selectionStart;
    const end = active.selectionEnd;
    const text = active.value.slice(start, end);
    store.tatakidaiSelection = { kind: 'field', element: active, start, end, text };
    return { text, editable: !active.readOnly && !active.disabled, url: location.href };
  }
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) {
    store.tatakidaiSelection = undefined;
    return { text: '', editable: false, url: location.href };
  }
  const range = selection.getRangeAt(0).cloneRange();
  const text = selection.toString();
  const container = range.commonAncestorContainer;
  const element = container instanceof Element ? container : container.parentElement;
  const editable = element?.closest('[contenteditable]:not([contenteditable="false"])') !== null && !!element;
  store.tatakidaiSelection = { kind: 'range', range, text, editable };
  return { text, editable, url: location.href };
}

/** Writes `replacement` where the captured selection was, if it is still there and unchanged. */
export function replaceSelectionInPage(replacement: string): ReplaceOutcome {
  type Stored =
    | {
        kind: 'field';
        element: HTMLTextAreaElement | HTMLInputElement;
        start: number;
        end: number;
        text: string;
      }
    | { kind: 'range'; range: Range; text: string; editable: boolean };
  const stored = (globalThis as unknown as { tatakidaiSelection?: Stored }).tatakidaiSelection;
  if (!stored) return 'replace_gone';
  if (stored.kind === 'field') {
    const { element, start, end, text } = stored;
    if (!element.isConnected) return 'replace_gone';
    if (element.readOnly || element.disabled) return 'replace_not_editable';
    if (element.value.slice(start, end) !== text) return 'replace_changed';
    element.focus();
    element.setSelectionRange(start, end);
    // execCommand keeps the page's undo history (Ctrl+Z) and fires the events frameworks listen to.
    const viaCommand = document.execCommand('insertText', false, replacement);
    if (!viaCommand || element.value.slice(start, start + replacement.length) !== replacement) {
      element.setRangeText(replacement, start, end, 'end');
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }
    stored.end = start + replacement.length;
    stored.text = replacement;
    return 'replaced';
  }
  if (!stored.editable) return 'replace_not_editable';
  const { range } = stored;
  if (!range.startContainer.isConnected) return 'replace_gone';
  if (range.toString() !== stored.text) return 'replace_changed';
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  if (!document.execCommand('insertText', false, replacement)) {
    range.deleteContents();
    range.insertNode(document.createTextNode(replacement));
  }
  stored.text = replacement;
  return 'replaced';
}

export interface CapturedPage {
  html: string;
  title: string;
  /** The HTML was longer than the cap and was cut (the parser closes what was left open). */
  truncated: boolean;
  /** The page's address at the moment it was read. */
  url: string;
}

/**
 * The page's HTML as the user sees it now (after its scripts ran), capped: the panel extracts the text from
 * it. Visibility is decided here, where the page's style sheets are known: what is hidden by a style sheet
 * (display, visibility, opacity, zero size with hidden overflow, a clip, font size 0, transparent text) or
 * placed off-screen is left out, so a page cannot send words the user never saw.
 */
export function capturePageInPage(maxChars: number): CapturedPage {
  const root = document.documentElement;
  const copy = root.cloneNode(true) as Element;
  // A clone made synchronously has the same elements in the same document order.
  const live = root.querySelectorAll('body *');
  const copies = copy.querySelectorAll('body *');
  const dropped = new Set<Element>();
  const pageWidth = Math.max(root.scrollWidth, innerWidth);
  const pageHeight = Math.max(root.scrollHeight, innerHeight);
  const isClipped = (style: CSSStyleDeclaration) =>
    /^rect\(\s*0(px)?[\s,]+0(px)?[\s,]+0(px)?[\s,]+0(px)?\s*\)$/.test(style.clip) ||
    /^inset\(\s*(50|100)%/.test(style.clipPath);
  for (let index = 0; index < live.length; index += 1) {
    const element = live[index];
    const twin = copies[index];
    if (!element || !twin) continue;
    const parent = element.parentElement;
    if (parent && dropped.has(parent)) {
      dropped.add(element);
      continue;
    }
    const style = getComputedStyle(element);
    if (style.display === 'contents') continue;
    let hidden =
      style.display === 'none' ||
      Number(style.opacity) === 0 ||
      parseFloat(style.fontSize) === 0 ||
      isClipped(style) ||
      !element.checkVisibility({ opacityProperty: true, contentVisibilityAuto: true });
    if (!hidden && element.getClientRects().length > 0) {
      const box = element.getBoundingClientRect();
      const left = box.left + scrollX;
      const top = box.top + scrollY;
      const tiny = box.width <= 1 && box.height <= 1 && style.overflow !== 'visible';
      const offPage =
        left + box.width <= 0 || top + box.height <= 0 || left >= pageWidth || top >= pageHeight;
      hidden = tiny || offPage;
    }
    if (hidden) {
      dropped.add(element);
      twin.remove();
      continue;
    }
    // Invisible text in a visible element: its own words go, its children are judged on their own.
    if (style.visibility !== 'visible' || /^(transparent|rgba\(.*,\s*0\))$/.test(style.color)) {
      for (const node of [...twin.childNodes]) if (node.nodeType === Node.TEXT_NODE) node.remove();
    }
  }
  const html = copy.outerHTML;
  return {
    html: html.slice(0, maxChars),
    title: document.title,
    truncated: html.length > maxChars,
    url: location.href,
  };
}

export type InsertOutcome = 'inserted' | 'insert_no_field' | 'insert_not_editable';

/**
 * Inserts `text` at the cursor of the field that has the focus in this page (the page keeps its focused
 * element while the user clicks in the side panel). Refuses when no editable field has the focus.
 */
export function insertAtCursorInPage(text: string): InsertOutcome {
  let active = document.activeElement;
  // A field inside a same-origin frame of this document.
  while (active instanceof HTMLIFrameElement && active.contentDocument?.activeElement) {
    active = active.contentDocument.activeElement;
  }
  if (active instanceof HTMLTextAreaElement || active instanceof HTMLInputElement) {
    const textual =
      active instanceof HTMLTextAreaElement || /^(text|search|url|email|tel|)$/.test(active.type);
    if (!textual || active.readOnly || active.disabled) return 'insert_not_editable';
    const start = active.selectionStart ?? active.value.length;
    const end = active.selectionEnd ?? start;
    active.focus();
    // execCommand keeps the page's undo history and fires the events frameworks listen to.
    if (!document.execCommand('insertText', false, text)) {
      active.setRangeText(text, start, end, 'end');
      active.dispatchEvent(new Event('input', { bubbles: true }));
    }
    return 'inserted';
  }
  if (active instanceof HTMLElement && active.isContentEditable) {
    active.focus();
    if (!document.execCommand('insertText', false, text)) {
      const selection = window.getSelection();
      const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
      if (!range || !active.contains(range.startContainer)) return 'insert_no_field';
      range.deleteContents();
      range.insertNode(document.createTextNode(text));
    }
    return 'inserted';
  }
  return 'insert_no_field';
}

import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import { DOCUMENT_PROBLEMS, type DocumentFacts } from '../utils/documents/describe';
import { looksLikePdfUrl } from '../utils/documents/pdf-url';
import { DocumentError, type ExtractedDocument } from '../utils/documents/types';
import type { MessageKey } from '../utils/i18n';
import type { PageJob } from '../utils/messages';
import type { PageArticle } from '../utils/page/article';
import { ARTICLE_MAX_CHARS } from '../utils/page/page-question';
import { capturePage } from '../utils/page/scripting';
import { isSiteBlocked } from '../utils/policy/site-rules';
import type { Settings } from '../utils/settings/schema';

export interface PageContext {
  article: PageArticle;
  pageUrl: string;
  tabId: number;
  windowId: number;
  /** A file or a PDF tab: what the chip shows, and the whole text for a summary (map-reduce takes any length). */
  document?: { facts: DocumentFacts; text: string };
}

/** A file's text as a page: questions take the first part, like a long page; a summary takes all of it. */
export function documentPage(
  document: ExtractedDocument,
  source: { pageUrl: string; tabId: number; windowId: number } = { pageUrl: '', tabId: -1, windowId: -1 },
): PageContext {
  const { text, ...facts } = document;
  const truncated = text.length > ARTICLE_MAX_CHARS;
  const kept = truncated ? text.slice(0, ARTICLE_MAX_CHARS) : text;
  return {
    article: { title: document.fileName, text: kept, length: kept.length, truncated },
    ...source,
    document: { facts, text },
  };
}

export type PageQuestionState =
  | { status: 'idle' }
  | { status: 'reading' }
  | { status: 'ready'; page: PageContext }
  /** No access to the tab yet: one click asks the browser for exactly this origin. */
  | { status: 'needs-permission'; origin: string; tabId: number }
  | { status: 'problem'; problem: MessageKey };

function originPattern(url: string): string | null {
  try {
    const { protocol, host } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? `${protocol}//${host}/*` : null;
  } catch {
    return null;
  }
}

/**
 * "Ask about this page" / "Summarise this page". The page's HTML arrives from the right-click menu (the
 * gesture grants access) or is read here for the active tab after a click in the panel, which does not
 * grant activeTab: then the user is asked, with one click, for that site's permission. The main text is
 * extracted here with Readability; a blocked site is never read.
 */
export function usePageQuestion(
  blocked: readonly string[],
  onSummarize: (page: PageContext) => void,
  files?: Settings['files'],
) {
  const [state, setState] = useState<PageQuestionState>({ status: 'idle' });

  const fromDocument = useCallback(
    (page: PageContext, summarize: boolean) => {
      setState({ status: 'ready', page });
      if (summarize) onSummarize(page);
    },
    [onSummarize],
  );

  /** A PDF in a tab is fetched again and read here, in the panel (never in the service worker). */
  const readPdf = useCallback(
    async (pageUrl: string, tabId: number, windowId: number, summarize: boolean) => {
      if (files && !files.enabled) return setState({ status: 'problem', problem: 'document_disabled' });
      setState({ status: 'reading' });
      try {
        const { readPdfFromUrl } = await import('../utils/documents/fetch-pdf');
        const document = await readPdfFromUrl(pageUrl, { maxBytes: files?.maxBytes, formats: files?.types });
        fromDocument(documentPage(document, { pageUrl, tabId, windowId }), summarize);
      } catch (error) {
        if (error instanceof DocumentError) {
          return setState({ status: 'problem', problem: DOCUMENT_PROBLEMS[error.kind] });
        }
        if (pageUrl.startsWith('file:'))
          return setState({ status: 'problem', problem: 'document_fileAccess' });
        const origin = originPattern(pageUrl);
        const granted = origin ? await browser.permissions.contains({ origins: [origin] }) : true;
        if (origin && !granted) return setState({ status: 'needs-permission', origin, tabId });
        setState({ status: 'problem', problem: 'document_fetchFailed' });
      }
    },
    [files, fromDocument],
  );

  const finish = useCallback(
    async (
      html: string,
      pageUrl: string,
      pageTitle: string,
      tabId: number,
      windowId: number,
      summarize: boolean,
    ) => {
      // Readability is loaded only when a page is read: most panels never need it.
      const article = await import('../utils/page/article')
        .then(({ extractArticle }) => extractArticle(html, pageTitle))
        .catch(() => null);
      if (!article) return setState({ status: 'problem', problem: 'page_no_text' });
      const page = { article, pageUrl, tabId, windowId };
      setState({ status: 'ready', page });
      if (summarize) onSummarize(page);
    },
    [onSummarize],
  );

  const fromJob = useCallback(
    (job: PageJob) => {
      if (job.problem) return setState({ status: 'problem', problem: job.problem });
      if (job.contentType === 'application/pdf') {
        return void readPdf(job.pageUrl, job.tabId, job.windowId, job.mode === 'summarize');
      }
      void finish(job.html, job.pageUrl, job.pageTitle, job.tabId, job.windowId, job.mode === 'summarize');
    },
    [finish, readPdf],
  );

  const read = useCallback(
    async (summarize: boolean) => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const url = tab?.url ?? '';
      const origin = originPattern(url);
      // Blocked sites apply to PDFs by their URL too: nothing is fetched from them.
      if (isSiteBlocked(url, blocked)) return setState({ status: 'problem', problem: 'site_blocked' });
      const pdfByName = tab?.id !== undefined && looksLikePdfUrl(url);
      if (tab?.id !== undefined && pdfByName) return readPdf(url, tab.id, tab.windowId ?? -1, summarize);
      if (!tab?.id || !origin) return setState({ status: 'problem', problem: 'page_unreadable' });
      setState({ status: 'reading' });
      try {
        const captured = await capturePage(tab.id);
        if (captured.contentType === 'application/pdf') {
          return void readPdf(url, tab.id, tab.windowId ?? -1, summarize);
        }
        void finish(
          captured.html,
          url,
          captured.title || tab.title || '',
          tab.id,
          tab.windowId ?? -1,
          summarize,
        );
      } catch {
        setState({ status: 'needs-permission', origin, tabId: tab.id });
      }
    },
    [blocked, finish, readPdf],
  );

  /** Must run inside the click: the browser shows its permission prompt only during a user gesture. */
  const grantAndRead = useCallback(
    (origin: string, summarize: boolean) => {
      void browser.permissions.request({ origins: [origin] }).then((granted) => {
        if (granted) return read(summarize);
        setState({ status: 'problem', problem: 'page_permission_denied' });
      });
    },
    [read],
  );

  const clear = useCallback(() => setState({ status: 'idle' }), []);
  return { state, fromJob, fromDocument, read, grantAndRead, clear };
}

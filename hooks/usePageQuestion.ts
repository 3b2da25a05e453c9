import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import type { MessageKey } from '../utils/i18n';
import type { PageJob } from '../utils/messages';
import type { PageArticle } from '../utils/page/article';
import { capturePage } from '../utils/page/scripting';
import { isSiteBlocked } from '../utils/policy/site-rules';

export interface PageContext {
  article: PageArticle;
  pageUrl: string;
  tabId: number;
  windowId: number;
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
export function usePageQuestion(blocked: readonly string[], onSummarize: (page: PageContext) => void) {
  const [state, setState] = useState<PageQuestionState>({ status: 'idle' });

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
      void finish(job.html, job.pageUrl, job.pageTitle, job.tabId, job.windowId, job.mode === 'summarize');
    },
    [finish],
  );

  const read = useCallback(
    async (summarize: boolean) => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      const url = tab?.url ?? '';
      const origin = originPattern(url);
      if (!tab?.id || !origin) return setState({ status: 'problem', problem: 'page_unreadable' });
      if (isSiteBlocked(url, blocked)) return setState({ status: 'problem', problem: 'site_blocked' });
      setState({ status: 'reading' });
      try {
        const captured = await capturePage(tab.id);
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
    [blocked, finish],
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
  return { state, fromJob, read, grantAndRead, clear };
}

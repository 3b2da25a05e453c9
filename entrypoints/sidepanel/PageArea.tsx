import { Notice } from '../../components/Notice';
import { PageCard } from '../../components/PageCard';
import type { PageContext, usePageQuestion } from '../../hooks/usePageQuestion';
import { describeDocument } from '../../utils/documents/describe';
import type { Translator, UiLanguage } from '../../utils/i18n';
import { approximateLength } from '../../utils/page/page-question';

interface Props {
  pageQuestion: ReturnType<typeof usePageQuestion>;
  /** A conversation is open: the page card gives way to it. */
  conversationOpen: boolean;
  canSummarize: boolean;
  language: UiLanguage;
  t: Translator;
  onSummarize(page: PageContext): void;
}

/** "Use this page": reading it, why it could not be read, or the page ready to be asked about. */
export function PageArea({ pageQuestion, conversationOpen, canSummarize, language, t, onSummarize }: Props) {
  const state = pageQuestion.state;
  if (state.status === 'reading') return <Notice tone="info">{t('page_reading')}</Notice>;
  if (state.status === 'problem') return <Notice tone="error">{t(state.problem)}</Notice>;
  if (state.status === 'needs-permission') {
    return (
      <Notice tone="info">
        <p>{t('page_needsPermission', state.origin)}</p>
        <button type="button" onClick={() => pageQuestion.grantAndRead(state.origin, false)}>
          {t('page_grantAndRead')}
        </button>
      </Notice>
    );
  }
  if (state.status !== 'ready' || conversationOpen) return null;
  const { page } = state;
  return (
    <PageCard
      title={page.article.title}
      lengthLabel={
        page.document
          ? describeDocument(page.document.facts, t, language)
          : t('page_length', approximateLength(page.article.length, language))
      }
      truncatedLabel={page.article.truncated ? t('page_truncated') : undefined}
      hint={page.document ? t('document_askHint') : t('page_askHint')}
      summarizeLabel={
        canSummarize
          ? t(page.document && !page.pageUrl ? 'document_summarizeButton' : 'page_summarizeButton')
          : undefined
      }
      closeLabel={t('page_close')}
      onSummarize={() => onSummarize(page)}
      onClose={pageQuestion.clear}
    />
  );
}

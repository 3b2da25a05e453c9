import { DocumentAttach } from '../../components/DocumentAttach';
import type { useDocumentInput } from '../../hooks/useDocumentInput';
import type { Translator } from '../../utils/i18n';

interface Props {
  t: Translator;
  canSummarize: boolean;
  /** `summarize`: summarise the page at once instead of asking about it. */
  onRead(summarize: boolean): void;
  /** Attaching a file, unless the policy switched file input off. */
  documents: ReturnType<typeof useDocumentInput>;
}

/** "Ask about this page", "Summarise this page" and attaching a file. */
export function PageTools({ t, canSummarize, onRead, documents }: Props) {
  const { state } = documents;
  const reading =
    state.status === 'reading' && state.total > 0
      ? t('document_readingPages', state.fileName, String(state.done), String(state.total))
      : t('document_reading', state.status === 'reading' ? state.fileName : '');
  return (
    <fieldset className="page-tools">
      <legend className="visually-hidden">{t('page_tools')}</legend>
      <button type="button" onClick={() => onRead(false)}>
        {t('page_askButton')}
      </button>
      {canSummarize && (
        <button type="button" onClick={() => onRead(true)}>
          {t('page_summarizeButton')}
        </button>
      )}
      {documents.enabled && (
        <DocumentAttach
          state={state}
          labels={{
            attach: t('document_attach'),
            attachLabel: t('document_attachLabel'),
            reading,
            problem: state.status === 'problem' ? t(state.problem) : '',
          }}
          onFile={(file) => void documents.attach(file)}
        />
      )}
    </fieldset>
  );
}

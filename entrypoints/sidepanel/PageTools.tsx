import type { Translator } from '../../utils/i18n';

interface Props {
  t: Translator;
  canSummarize: boolean;
  /** `summarize`: summarise the page at once instead of asking about it. */
  onRead(summarize: boolean): void;
}

/** "Ask about this page" and "Summarise this page". */
export function PageTools({ t, canSummarize, onRead }: Props) {
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
    </fieldset>
  );
}

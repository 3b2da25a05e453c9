import { CompareSetup } from '../../components/CompareSetup';
import { COMPARE_MAX_MODELS } from '../../hooks/useCompare';
import type { useCompareSetup } from '../../hooks/useCompareSetup';
import type { Translator } from '../../utils/i18n';
import { modelTitle } from '../../utils/settings/model-choice';
import type { ModelEntry } from '../../utils/settings/schema';

interface Props {
  t: Translator;
  setup: ReturnType<typeof useCompareSetup>;
  models: ModelEntry[];
  model: string;
  /** A Compare is on screen: no second one until it is kept or closed. */
  comparing: boolean;
  /** Starts a Compare of the last question, when there is one. */
  onCompareLastQuestion?(models: string[]): void;
}

/** Choosing the models to compare, and the toggle that asks the next chat message of several models. */
export function CompareControls({ t, setup, models, model, comparing, onCompareLastQuestion }: Props) {
  return (
    <>
      {setup.mode && !comparing && (
        <CompareSetup
          legend={t('compareSetupLegend')}
          hint={t('compareSetupHint')}
          models={models}
          selected={setup.models}
          max={COMPARE_MAX_MODELS}
          title={(entry) => modelTitle(entry)}
          onChange={setup.setModels}
          start={
            setup.mode === 'lastQuestion' && onCompareLastQuestion
              ? {
                  label: t('compareStart'),
                  onStart: () => {
                    setup.close();
                    onCompareLastQuestion(setup.models);
                  },
                }
              : undefined
          }
        />
      )}
      {models.length >= 2 && (
        <button
          type="button"
          className="compare-toggle"
          aria-pressed={setup.mode === 'chat'}
          disabled={comparing}
          onClick={() => (setup.mode === 'chat' ? setup.close() : setup.open('chat', model, models))}
        >
          {t('compareToggle')}
        </button>
      )}
    </>
  );
}

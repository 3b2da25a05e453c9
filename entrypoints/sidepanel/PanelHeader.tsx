import { browser } from 'wxt/browser';
import { ModelPicker } from '../../components/ModelPicker';
import type { Translator } from '../../utils/i18n';
import type { ModelEntry } from '../../utils/settings/schema';

interface Props {
  t: Translator;
  models: ModelEntry[];
  model: string;
  tourVisible: boolean;
  historyOpen: boolean;
  onPickModel(model: string): void;
  onNewConversation(): void;
  onTour(): void;
  onHistory(): void;
}

/** The model picker and the panel's navigation: new conversation, tour, history, settings. */
export function PanelHeader({ t, models, model, tourVisible, historyOpen, ...on }: Props) {
  return (
    <header className="panel-header">
      <ModelPicker label={t('model')} models={models} value={model} onChange={on.onPickModel} />
      <nav>
        <button type="button" onClick={on.onNewConversation}>
          {t('newConversation')}
        </button>
        <button type="button" aria-pressed={tourVisible} onClick={on.onTour}>
          {t('tourButton')}
        </button>
        <button type="button" aria-pressed={historyOpen} onClick={on.onHistory}>
          {historyOpen ? t('historyBack') : t('history')}
        </button>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
      </nav>
    </header>
  );
}

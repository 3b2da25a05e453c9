import { browser } from 'wxt/browser';
import { Onboarding } from '../../components/Onboarding';
import { BrowserShortcutList } from '../../components/ShortcutList';
import type { useShortcuts } from '../../hooks/useShortcuts';
import { ACTIONS } from '../../utils/actions/registry';
import type { ActionId } from '../../utils/actions/types';
import type { Translator } from '../../utils/i18n';

interface Props {
  t: Translator;
  /** The policy asks staff to sign in: the tour says so first. */
  signIn: boolean;
  actions: ActionId[];
  canRun: boolean;
  shortcuts: ReturnType<typeof useShortcuts>;
  onRunSample(action: ActionId): void;
  onClose(): void;
}

/** The first-run tour in the empty panel: what the assistant does, a sample to try, the shortcuts. */
export function TourArea({ t, signIn, actions, canRun, shortcuts, onRunSample, onClose }: Props) {
  return (
    <Onboarding
      labels={{
        greeting: t('tourGreeting'),
        intro: t('tourIntro'),
        steps: [
          ...(signIn ? [{ title: t('signIn_tourTitle'), body: t('signIn_tourBody') }] : []),
          { title: t('tourStep1Title'), body: t('tourStep1Body') },
          { title: t('tourStep2Title'), body: t('tourStep2Body') },
          { title: t('tourStep3Title'), body: t('tourStep3Body') },
        ],
        sampleTitle: t('tourSampleTitle'),
        sampleIntro: t('tourSampleIntro'),
        sampleText: t('tourSampleText'),
        sampleNeedsGateway: t('tourSampleNeedsGateway'),
        openSettings: t('openSettings'),
        close: t('tourClose'),
      }}
      sampleActions={actions.map((id) => ({ id, label: t(ACTIONS[id].title) }))}
      canRun={canRun}
      shortcuts={<BrowserShortcutList t={t} rows={shortcuts} />}
      onRunSample={(id) => onRunSample(id as ActionId)}
      onOpenSettings={() => void browser.runtime.openOptionsPage()}
      onClose={onClose}
    />
  );
}

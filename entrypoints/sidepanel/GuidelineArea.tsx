import { GuidelineGate } from '../../components/GuidelineGate';
import { Notice } from '../../components/Notice';
import type { useGuideline } from '../../hooks/useGuideline';
import type { Translator } from '../../utils/i18n';
import type { Settings } from '../../utils/settings/schema';

interface Props {
  t: Translator;
  settings: Settings['guideline'];
  guideline: ReturnType<typeof useGuideline>;
  /** First run: the greeting stays above the guideline. */
  greeting: boolean;
  /** The action asked for before acceptance, which runs after it: said, so the click was not for nothing. */
  waitingAction?: string;
}

/** The organisation's guideline to accept before the first use (and again for a new version). */
export function GuidelineArea({ t, settings, guideline, greeting, waitingAction }: Props) {
  return (
    <>
      {waitingAction && <Notice tone="info">{t('guidelineActionWaiting', waitingAction)}</Notice>}
      {greeting && (
        <section className="onboarding">
          <h2>{t('tourGreeting')}</h2>
          <p>{t('tourIntro')}</p>
        </section>
      )}
      <GuidelineGate
        title={settings.title || t('guidelineDefaultTitle')}
        url={settings.url}
        text={settings.text}
        message={guideline.acceptance ? t('guidelineNewVersion', settings.version) : t('guidelineMustAccept')}
        openLabel={t('guidelineOpen')}
        acceptLabel={t('guidelineAccept')}
        onAccept={() => void guideline.accept()}
      />
    </>
  );
}

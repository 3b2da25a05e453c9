import { PiiReview } from '../../components/PiiReview';
import type { PiiReview as Review } from '../../hooks/usePiiGate';
import type { Translator, UiLanguage } from '../../utils/i18n';

/** Personal data found in what is about to be sent: the user decides (or is told it cannot be sent). */
export function PiiReviewArea({
  review,
  language,
  t,
}: {
  review: Review;
  language: UiLanguage;
  t: Translator;
}) {
  return (
    <PiiReview
      text={review.text}
      findings={review.screening.findings}
      language={language}
      blocked={review.screening.decision === 'block'}
      labels={{
        title: t('pii_reviewTitle'),
        intro: t('pii_reviewIntro'),
        found: t('pii_foundList'),
        publicInfo: t('pii_publicInfo'),
        scope: t('pii_scope'),
        blocked: t('pii_blocked'),
        sendAnyway: t('pii_sendAnyway'),
        redactAndSend: t('pii_redactAndSend'),
        cancel: t('pii_cancel'),
      }}
      onSendAnyway={review.sendAnyway}
      onRedactAndSend={review.redactAndSend}
      onCancel={review.cancel}
    />
  );
}

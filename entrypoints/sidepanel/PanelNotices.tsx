import { browser } from 'wxt/browser';
import { Notice } from '../../components/Notice';
import type { SaveProblem } from '../../hooks/useHistoryWrites';
import type { MessageKey, Translator } from '../../utils/i18n';
import type { PiiScreening } from '../../utils/pii/screen';
import { explainPolicyProblem } from '../../utils/policy/explain';
import type { EffectiveSettings } from '../../utils/policy/resolve';

const PATTERN_PROBLEM_MESSAGES = {
  invalid: 'pii_patternInvalid',
  unsafe: 'pii_patternUnsafe',
  'timed-out': 'pii_patternTimedOut',
} as const;

interface Props {
  loaded: EffectiveSettings;
  t: Translator;
  configured: boolean;
  /** The gateway is set but the user's own API key is not: nothing is sent until it is. */
  keyMissing: boolean;
  permission: { missing: boolean; origin: string; request(): void };
  problem: MessageKey | null;
  screening: PiiScreening | null;
  /** The placeholders the last request carried instead of personal data. */
  sentPlaceholders: string[];
  saveProblem: SaveProblem | null;
}

/** The notices above the conversation: the policy, the gateway, personal data, history writes. */
export function PanelNotices({ loaded, t, configured, permission, problem, screening, ...rest }: Props) {
  const { sentPlaceholders, saveProblem, keyMissing } = rest;
  const { settings } = loaded;
  return (
    <>
      {loaded.problems.length > 0 && (
        <Notice tone="warning" title={t('policyProblemTitle')}>
          <ul className="policy-problems">
            {loaded.problems.map((entry) => (
              <li key={`${entry.source}:${entry.path}:${entry.kind}`}>
                {explainPolicyProblem(entry, loaded, t)}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {!settings.history.enabled && <Notice tone="info">{t('historyDisabled')}</Notice>}
      {loaded.resetKeys.length > 0 && (
        <Notice tone="warning">{t('invalidSettings', loaded.resetKeys.join(', '))}</Notice>
      )}
      {keyMissing && (
        <Notice tone="warning" title={t('apiKeyMissingTitle')}>
          <p>{t('apiKeyMissingBody')}</p>
          <button
            type="button"
            // The options page puts the key field in front when opened at #connection (its contract).
            onClick={() =>
              void browser.tabs.create({ url: browser.runtime.getURL('/options.html#connection') })
            }
          >
            {t('apiKeyMissingOpen')}
          </button>
        </Notice>
      )}
      {!configured && !keyMissing && (
        <Notice tone="warning" title={t('noGatewayTitle')}>
          <p>{t('noGatewayBody')}</p>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        </Notice>
      )}
      {configured && permission.missing && (
        <Notice tone="warning" title={t('permissionNeededTitle')}>
          <p>{t('permissionNeededBody', permission.origin)}</p>
          <button type="button" onClick={permission.request}>
            {t('grantPermission')}
          </button>
        </Notice>
      )}
      {problem && <Notice tone="error">{t(problem)}</Notice>}
      {sentPlaceholders.length > 0 && (
        <Notice tone="info">{t('pii_redacted', sentPlaceholders.join('、'))}</Notice>
      )}
      {screening?.patternProblems.map((entry) => (
        <Notice key={entry.name} tone="warning">
          {t(PATTERN_PROBLEM_MESSAGES[entry.kind], entry.name)}
        </Notice>
      ))}
      {saveProblem && (
        <Notice tone="warning">
          {saveProblem.quota ? t('historyQuotaExceeded') : t('historySaveFailed', saveProblem.detail)}
        </Notice>
      )}
    </>
  );
}

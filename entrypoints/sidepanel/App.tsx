import { useCallback, useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ChatInput } from '../../components/ChatInput';
import { GuidelineGate } from '../../components/GuidelineGate';
import { ModelPicker } from '../../components/ModelPicker';
import { Notice } from '../../components/Notice';
import { PiiReview } from '../../components/PiiReview';
import { TemplatePicker } from '../../components/TemplatePicker';
import { TipsPanel } from '../../components/TipsPanel';
import { useConversation } from '../../hooks/useConversation';
import { useGuideline } from '../../hooks/useGuideline';
import { usePanelJobs } from '../../hooks/usePanelJobs';
import { usePiiGate } from '../../hooks/usePiiGate';
import { useSettings, useTranslator, useUiLanguage } from '../../hooks/useSettings';
import {
  gatewayOriginPattern,
  hasGatewayPermission,
  requestGatewayPermission,
} from '../../utils/gateway/permission';
import type { MessageKey } from '../../utils/i18n';
import type { PanelJob } from '../../utils/messages';
import { explainPolicyProblem } from '../../utils/policy/explain';
import {
  availableModels,
  defaultModelId,
  isGatewayConfigured,
  modelForAction,
} from '../../utils/settings/target';
import { ConversationView } from './ConversationView';
import { HistoryView } from './HistoryView';

const PATTERN_PROBLEM_MESSAGES = {
  invalid: 'pii_patternInvalid',
  unsafe: 'pii_patternUnsafe',
  'timed-out': 'pii_patternTimedOut',
} as const;

export function App() {
  const loaded = useSettings();
  const t = useTranslator(loaded);
  const language = useUiLanguage(loaded);
  const settings = loaded?.settings ?? null;
  const modelsForced = loaded?.forced.models !== undefined;
  const guideline = useGuideline(settings?.guideline);
  const conversation = useConversation(settings, language, t);
  const [draft, setDraft] = useState('');
  const pii = usePiiGate(settings?.pii);
  const [model, setModel] = useState('');
  const [view, setView] = useState<'conversation' | 'history'>('conversation');
  const [job, setJob] = useState<PanelJob | null>(null);
  const [waitingJob, setWaitingJob] = useState<PanelJob | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [permissionMissing, setPermissionMissing] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // The picker follows the settings until the user picks; a model removed from the settings is dropped.
  useEffect(() => {
    if (!settings) return;
    const models = availableModels(settings, modelsForced);
    if (!models.some((entry) => entry.id === model)) setModel(defaultModelId(settings));
  }, [settings, model, modelsForced]);

  const baseUrl = settings?.gateway.baseUrl ?? '';
  useEffect(() => {
    if (!baseUrl || !gatewayOriginPattern(baseUrl)) return setPermissionMissing(false);
    void hasGatewayPermission(baseUrl).then((granted) => setPermissionMissing(!granted));
  }, [baseUrl]);

  usePanelJobs(
    useCallback((next: PanelJob) => {
      setView('conversation');
      if (next.problem) {
        setProblem(next.problem);
        return;
      }
      setProblem(null);
      setWaitingJob(next);
    }, []),
  );

  // A job can arrive before the settings are read, or before the guideline is accepted; it runs as soon as
  // both allow it.
  useEffect(() => {
    if (!waitingJob || !settings || !model || guideline.mustAccept) return;
    setWaitingJob(null);
    setJob(waitingJob);
    const actionModel = modelForAction(settings, waitingJob.action, model);
    pii.screen(
      waitingJob.text,
      [],
      (outgoing) => void conversation.startAction(waitingJob, actionModel, outgoing),
    );
  }, [waitingJob, settings, model, guideline.mustAccept, conversation.startAction, pii.screen]);

  if (!loaded || !settings) return null;
  const configured = isGatewayConfigured(settings);
  const streaming = conversation.state.streamingId !== null;

  return (
    <div className="panel">
      <header className="panel-header">
        <ModelPicker
          label={t('model')}
          models={availableModels(settings, modelsForced)}
          value={model}
          onChange={setModel}
        />
        <nav>
          <button
            type="button"
            onClick={() => {
              conversation.reset();
              setJob(null);
              setProblem(null);
              setView('conversation');
            }}
          >
            {t('newConversation')}
          </button>
          <button
            type="button"
            aria-pressed={view === 'history'}
            onClick={() => setView(view === 'history' ? 'conversation' : 'history')}
          >
            {view === 'history' ? t('historyBack') : t('history')}
          </button>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        </nav>
      </header>

      {loaded.problems.length > 0 && (
        <Notice tone="warning" title={t('policyProblemTitle')}>
          <ul className="policy-problems">
            {loaded.problems.map((problem) => (
              <li key={`${problem.source}:${problem.path}:${problem.kind}`}>
                {explainPolicyProblem(problem, loaded, t)}
              </li>
            ))}
          </ul>
        </Notice>
      )}
      {!settings.history.enabled && <Notice tone="info">{t('historyDisabled')}</Notice>}
      {loaded.resetKeys.length > 0 && (
        <Notice tone="warning">{t('invalidSettings', loaded.resetKeys.join(', '))}</Notice>
      )}
      {!configured && (
        <Notice tone="warning" title={t('noGatewayTitle')}>
          <p>{t('noGatewayBody')}</p>
          <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
            {t('openSettings')}
          </button>
        </Notice>
      )}
      {configured && permissionMissing && (
        <Notice tone="warning" title={t('permissionNeededTitle')}>
          <p>{t('permissionNeededBody', gatewayOriginPattern(baseUrl) ?? baseUrl)}</p>
          <button
            type="button"
            onClick={() =>
              void requestGatewayPermission(baseUrl).then((granted) => setPermissionMissing(!granted))
            }
          >
            {t('grantPermission')}
          </button>
        </Notice>
      )}
      {problem && <Notice tone="error">{t(problem)}</Notice>}
      {pii.lastScreening?.decision === 'redact' && pii.lastScreening.actionable.length > 0 && (
        <Notice tone="info">{t('pii_redacted', String(pii.lastScreening.actionable.length))}</Notice>
      )}
      {pii.lastScreening?.patternProblems.map((problem) => (
        <Notice key={problem.name} tone="warning">
          {t(PATTERN_PROBLEM_MESSAGES[problem.kind], problem.name)}
        </Notice>
      ))}
      {conversation.state.saveProblem && (
        <Notice tone="warning">
          {conversation.state.saveProblem.quota
            ? t('historyQuotaExceeded')
            : t('historySaveFailed', conversation.state.saveProblem.detail)}
        </Notice>
      )}

      <TipsPanel title={t('tipsTitle')} tips={settings.tips} />

      <main className="panel-main">
        {pii.review ? (
          <PiiReview
            text={pii.review.text}
            findings={pii.review.screening.findings}
            language={language}
            blocked={pii.review.screening.decision === 'block'}
            labels={{
              title: t('pii_reviewTitle'),
              intro: t('pii_reviewIntro'),
              found: t('pii_foundList'),
              publicInfo: t('pii_publicInfo'),
              blocked: t('pii_blocked'),
              sendAnyway: t('pii_sendAnyway'),
              redactAndSend: t('pii_redactAndSend'),
              cancel: t('pii_cancel'),
            }}
            onSendAnyway={pii.review.sendAnyway}
            onRedactAndSend={pii.review.redactAndSend}
            onCancel={pii.review.cancel}
          />
        ) : guideline.mustAccept ? (
          <GuidelineGate
            title={settings.guideline.title || t('guidelineDefaultTitle')}
            url={settings.guideline.url}
            text={settings.guideline.text}
            message={
              guideline.acceptance
                ? t('guidelineNewVersion', settings.guideline.version)
                : t('guidelineMustAccept')
            }
            openLabel={t('guidelineOpen')}
            acceptLabel={t('guidelineAccept')}
            onAccept={() => void guideline.accept()}
          />
        ) : view === 'history' ? (
          <HistoryView
            t={t}
            language={language}
            onOpen={(id) => {
              setJob(null);
              void conversation.open(id).then(() => setView('conversation'));
            }}
            onDelete={(id) => {
              if (window.confirm(t('confirmDelete'))) void conversation.remove(id);
            }}
          />
        ) : (
          <ConversationView
            state={conversation.state}
            job={job}
            model={model}
            gatewayOrigin={gatewayOriginPattern(baseUrl) ?? baseUrl}
            copySuffix={settings.disclosure.copySuffix}
            language={language}
            t={t}
            onStop={conversation.stop}
            onRetry={() => void conversation.retry(model)}
            onRetranslate={(target) => void conversation.retranslate(target, model)}
            onContinue={() => inputRef.current?.focus()}
            onContinueAnswer={() => void conversation.continueAnswer(model)}
            onRunFirstPart={() => void conversation.runFirstPart()}
            onPickModel={() => document.querySelector<HTMLSelectElement>('.model-picker select')?.focus()}
          />
        )}
      </main>

      <TemplatePicker
        title={t('templatesTitle')}
        useLabel={t('templateUse')}
        templates={settings.templates}
        onUse={(template) => {
          setDraft(template.prompt);
          inputRef.current?.focus();
        }}
      />
      <ChatInput
        text={draft}
        onTextChange={setDraft}
        label={t('chatInputLabel')}
        placeholder={t('chatPlaceholder')}
        sendLabel={t('send')}
        stopLabel={t('stop')}
        streaming={streaming}
        disabled={!configured || guideline.mustAccept}
        inputRef={inputRef}
        onSend={(text) => {
          setView('conversation');
          pii.screen(
            text,
            conversation.state.conversation?.piiMapping ?? [],
            (outgoing) => void conversation.sendChat(text, model, outgoing),
            // Cancelled: the message goes back into the box to be edited.
            () => setDraft(text),
          );
        }}
        onStop={conversation.stop}
      />
    </div>
  );
}

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ChatInput } from '../../components/ChatInput';
import { CompareSetup } from '../../components/CompareSetup';
import { GuidelineGate } from '../../components/GuidelineGate';
import { preloadMarkdown } from '../../components/Markdown';
import { ModelPicker } from '../../components/ModelPicker';
import { Notice } from '../../components/Notice';
import { PiiReview } from '../../components/PiiReview';
import { TemplatePicker } from '../../components/TemplatePicker';
import { TipsPanel } from '../../components/TipsPanel';
import { COMPARE_MAX_MODELS, useCompare } from '../../hooks/useCompare';
import { useConversation } from '../../hooks/useConversation';
import { useGuideline } from '../../hooks/useGuideline';
import { useModelChoice } from '../../hooks/useModelChoice';
import { usePanelJobs } from '../../hooks/usePanelJobs';
import { usePiiGate } from '../../hooks/usePiiGate';
import { useSettings, useTranslator, useUiLanguage } from '../../hooks/useSettings';
import { preloadGatewayFormat } from '../../utils/gateway/index';
import {
  gatewayOriginPattern,
  hasGatewayPermission,
  requestGatewayPermission,
} from '../../utils/gateway/permission';
import type { MessageKey } from '../../utils/i18n';
import type { PanelJob } from '../../utils/messages';
import { explainPolicyProblem } from '../../utils/policy/explain';
import { modelTitle } from '../../utils/settings/model-choice';
import type { ApiFormat } from '../../utils/settings/schema';
import { availableModels, isGatewayConfigured, usedApiFormats } from '../../utils/settings/target';
import { CompareArea } from './CompareArea';
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
  const offered = useMemo(
    () => (settings ? availableModels(settings, modelsForced) : []),
    [settings, modelsForced],
  );
  const choice = useModelChoice(settings, offered);
  const compare = useCompare(settings);
  // Compare: choosing models for the next chat message, or for the last question asked again.
  const [compareSetup, setCompareSetup] = useState<'chat' | 'lastQuestion' | null>(null);
  const [compareModels, setCompareModels] = useState<string[]>([]);
  const modelUse = conversation.state.conversation?.action ?? 'chat';
  const [view, setView] = useState<'conversation' | 'history'>('conversation');
  const [job, setJob] = useState<PanelJob | null>(null);
  const [waitingJob, setWaitingJob] = useState<PanelJob | null>(null);
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [permissionMissing, setPermissionMissing] = useState(false);
  const inputRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  // The picker shows the model for what is on screen (an action, or the chat): the user's last choice for it,
  // the administrator's, or the default; a model no longer offered is dropped.
  useEffect(() => {
    if (choice.ready) setModel(choice.modelFor(modelUse));
  }, [choice.ready, choice.modelFor, modelUse]);

  // What an answer needs is loaded once the panel is on screen and idle, not before it can paint.
  const formats = settings ? usedApiFormats(settings, modelsForced).join() : '';
  useEffect(() => {
    if (!formats) return;
    const idle = requestIdleCallback(() => {
      void preloadMarkdown();
      for (const format of formats.split(',')) preloadGatewayFormat(format as ApiFormat);
    });
    return () => cancelIdleCallback(idle);
  }, [formats]);

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
    if (!waitingJob || !settings || !choice.ready || guideline.mustAccept) return;
    setWaitingJob(null);
    setJob(waitingJob);
    compare.close();
    const actionModel = choice.modelFor(waitingJob.action);
    setModel(actionModel);
    pii.screen(
      waitingJob.text,
      [],
      (outgoing) => void conversation.startAction(waitingJob, actionModel, outgoing),
    );
  }, [
    waitingJob,
    settings,
    choice.ready,
    choice.modelFor,
    guideline.mustAccept,
    conversation.startAction,
    pii.screen,
    compare.close,
  ]);

  if (!loaded || !settings) return null;
  const configured = isGatewayConfigured(settings);
  const streaming = conversation.state.streamingId !== null || (compare.state?.streamingIds.length ?? 0) > 0;
  const openCompare = (mode: 'chat' | 'lastQuestion') => {
    const others = offered.filter((entry) => entry.id !== model).map((entry) => entry.id);
    setCompareModels([model, ...others].filter(Boolean).slice(0, 2));
    setCompareSetup(mode);
  };
  const stopAll = () => {
    conversation.stop();
    compare.stop();
  };

  return (
    <div className="panel">
      <header className="panel-header">
        <ModelPicker
          label={t('model')}
          models={offered}
          value={model}
          onChange={(picked) => {
            setModel(picked);
            choice.remember(modelUse, picked);
          }}
        />
        <nav>
          <button
            type="button"
            onClick={() => {
              conversation.reset();
              compare.close();
              setCompareSetup(null);
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
              compare.close();
              void conversation.open(id).then(() => setView('conversation'));
            }}
            onDelete={(id) => {
              if (window.confirm(t('confirmDelete'))) void conversation.remove(id);
            }}
          />
        ) : compare.state ? (
          <CompareArea
            state={compare.state}
            models={offered}
            gatewayOrigin={gatewayOriginPattern(baseUrl) ?? baseUrl}
            language={language}
            t={t}
            onStop={compare.stop}
            onKeep={(answerId) =>
              void compare.keep(answerId).then((kept) => {
                if (kept) conversation.adopt(kept.conversation, kept.messages);
              })
            }
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
            models={offered}
            onTryModel={(picked) => void conversation.answerWithModel(picked)}
            onCompare={() => openCompare('lastQuestion')}
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
      {compareSetup && !compare.state && (
        <CompareSetup
          legend={t('compareSetupLegend')}
          hint={t('compareSetupHint')}
          models={offered}
          selected={compareModels}
          max={COMPARE_MAX_MODELS}
          title={(entry) => modelTitle(entry)}
          onChange={setCompareModels}
          start={
            compareSetup === 'lastQuestion' && conversation.state.conversation
              ? {
                  label: t('compareStart'),
                  onStart: () => {
                    const current = conversation.state.conversation;
                    setCompareSetup(null);
                    if (current) {
                      void compare.compareLastQuestion(current, conversation.state.messages, compareModels);
                    }
                  },
                }
              : undefined
          }
        />
      )}
      {offered.length >= 2 && (
        <button
          type="button"
          className="compare-toggle"
          aria-pressed={compareSetup === 'chat'}
          disabled={Boolean(compare.state)}
          onClick={() => (compareSetup === 'chat' ? setCompareSetup(null) : openCompare('chat'))}
        >
          {t('compareToggle')}
        </button>
      )}
      <ChatInput
        text={draft}
        onTextChange={setDraft}
        label={t('chatInputLabel')}
        placeholder={t('chatPlaceholder')}
        sendLabel={t('send')}
        stopLabel={t('stop')}
        streaming={streaming}
        disabled={!configured || guideline.mustAccept || Boolean(compare.state)}
        inputRef={inputRef}
        onSend={(text) => {
          setView('conversation');
          if (compareSetup === 'chat' && compareModels.length < 2) {
            setProblem('compareNeedTwo');
            setDraft(text);
            return;
          }
          setProblem(null);
          const current = conversation.state;
          const comparing = compareSetup === 'chat';
          if (comparing) setCompareSetup(null);
          pii.screen(
            text,
            current.conversation?.piiMapping ?? [],
            (outgoing) =>
              void (comparing
                ? compare.compareChat(text, outgoing, compareModels, current)
                : conversation.sendChat(text, model, outgoing)),
            // Cancelled: the message goes back into the box to be edited.
            () => setDraft(text),
          );
        }}
        onStop={stopAll}
      />
    </div>
  );
}

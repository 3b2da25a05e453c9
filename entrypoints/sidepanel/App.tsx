import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { ChatInput } from '../../components/ChatInput';
import { CompareSetup } from '../../components/CompareSetup';
import { GuidelineGate } from '../../components/GuidelineGate';
import { preloadMarkdown } from '../../components/Markdown';
import { ModelPicker } from '../../components/ModelPicker';
import { Notice } from '../../components/Notice';
import { Onboarding } from '../../components/Onboarding';
import { PageCard } from '../../components/PageCard';
import { PiiReview } from '../../components/PiiReview';
import { ShortcutList } from '../../components/ShortcutList';
import { SignInArea } from '../../components/SignInArea';
import { TemplateForm } from '../../components/TemplateForm';
import { TemplatePicker } from '../../components/TemplatePicker';
import { TipsPanel } from '../../components/TipsPanel';
import { useComfort } from '../../hooks/useComfort';
import { COMPARE_MAX_MODELS, useCompare } from '../../hooks/useCompare';
import { type ChatStart, useConversation } from '../../hooks/useConversation';
import { useGuideline } from '../../hooks/useGuideline';
import { useHistoryPrivacy } from '../../hooks/useHistoryPrivacy';
import { useModelChoice } from '../../hooks/useModelChoice';
import { useOnboarding } from '../../hooks/useOnboarding';
import { type PageContext, usePageQuestion } from '../../hooks/usePageQuestion';
import { usePanelJobs } from '../../hooks/usePanelJobs';
import { usePiiGate } from '../../hooks/usePiiGate';
import { useSettings, useTranslator, useUiLanguage } from '../../hooks/useSettings';
import { useShortcuts } from '../../hooks/useShortcuts';
import { useTemplates } from '../../hooks/useTemplates';
import { useTips } from '../../hooks/useTips';
import { ACTION_ORDER, ACTIONS } from '../../utils/actions/registry';
import type { ActionId } from '../../utils/actions/types';
import { usesSignIn } from '../../utils/auth/config';
import { preloadGatewayFormat } from '../../utils/gateway/index';
import {
  gatewayOriginPattern,
  hasGatewayPermission,
  requestGatewayPermission,
} from '../../utils/gateway/permission';
import type { MessageKey } from '../../utils/i18n';
import type { PanelJob } from '../../utils/messages';
import {
  approximateLength,
  PAGE_CHAT_SYSTEM_PROMPT,
  pageQuestionMessage,
} from '../../utils/page/page-question';
import { explainPolicyProblem } from '../../utils/policy/explain';
import { modelTitle } from '../../utils/settings/model-choice';
import type { ApiFormat, Template } from '../../utils/settings/schema';
import { availableModels, isGatewayConfigured, usedApiFormats } from '../../utils/settings/target';
import { CHROME_SHORTCUTS_URL } from '../../utils/shortcuts';
import { findTemplate } from '../../utils/templates/catalogue';
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
  useHistoryPrivacy(settings);
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
  const [formTemplate, setFormTemplate] = useState<Template | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const onboarding = useOnboarding();
  const templates = useTemplates(settings, language);
  const tips = useTips(settings?.tips, settings?.tipsUrl);
  const shortcuts = useShortcuts(t);
  useComfort(language, settings?.fontSize);

  /** A whole page's text goes through the normal summarise path, PII screening included. */
  const summarizePage = useCallback((page: PageContext) => {
    setView('conversation');
    setWaitingJob({
      id: crypto.randomUUID(),
      action: 'summarize',
      text: page.article.text,
      pageUrl: page.pageUrl,
      pageTitle: page.article.title,
      tabId: page.tabId,
      frameId: 0,
      windowId: page.windowId,
      editable: false,
    });
  }, []);
  const pageQuestion = usePageQuestion(settings?.sites.blocked ?? [], summarizePage);
  const page = pageQuestion.state.status === 'ready' ? pageQuestion.state.page : null;

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

  const fromPageJob = pageQuestion.fromJob;
  usePanelJobs(
    useCallback(
      (next) => {
        setView('conversation');
        setFormTemplate(null);
        if ('kind' in next) {
          // A new question about a page starts a new conversation.
          setProblem(null);
          if (next.mode === 'ask') conversation.reset();
          fromPageJob(next);
          return;
        }
        if (next.problem) {
          setProblem(next.problem);
          return;
        }
        setProblem(null);
        setWaitingJob(next);
      },
      [fromPageJob, conversation.reset],
    ),
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
  const enabledActions = ACTION_ORDER.filter((action) => settings.actions[action].enabled);
  // The tour fills the empty panel; a conversation, a form or a page question takes its place.
  const tourVisible =
    onboarding.open &&
    view === 'conversation' &&
    !formTemplate &&
    !conversation.state.conversation &&
    !conversation.state.tooLong &&
    pageQuestion.state.status === 'idle';

  const runSample = (action: ActionId) => {
    setView('conversation');
    setWaitingJob({
      id: crypto.randomUUID(),
      action,
      text: t('tourSampleText'),
      pageUrl: '',
      pageTitle: t('tourSampleSource'),
      tabId: -1,
      frameId: 0,
      windowId: -1,
      editable: false,
    });
  };

  /** Screens the outgoing text, then sends it as a chat; `restore` puts it back when the user cancels. */
  const sendScreened = (text: string, start: ChatStart | undefined, restore: () => void) => {
    setView('conversation');
    pii.screen(
      text,
      conversation.state.conversation?.piiMapping ?? [],
      (outgoing) => void conversation.sendChat(text, model, outgoing, start),
      restore,
    );
  };

  const openTemplate = (template: Template) => {
    if ((template.fields?.length ?? 0) > 0) {
      conversation.reset();
      setJob(null);
      setView('conversation');
      setFormTemplate(template);
      return;
    }
    setDraft(template.prompt);
    inputRef.current?.focus();
  };

  const shortcutList = (
    <ShortcutList
      title={t('shortcutsTitle')}
      rows={shortcuts}
      changeLabel={t('shortcutsChange')}
      changeHint={import.meta.env.FIREFOX ? t('shortcutsFirefoxHint') : undefined}
      onChange={
        import.meta.env.FIREFOX ? undefined : () => void browser.tabs.create({ url: CHROME_SHORTCUTS_URL })
      }
    />
  );

  let pageArea: React.ReactNode = null;
  const pageState = pageQuestion.state;
  if (pageState.status === 'reading') pageArea = <Notice tone="info">{t('page_reading')}</Notice>;
  if (pageState.status === 'problem') pageArea = <Notice tone="error">{t(pageState.problem)}</Notice>;
  if (pageState.status === 'needs-permission') {
    pageArea = (
      <Notice tone="info">
        <p>{t('page_needsPermission', pageState.origin)}</p>
        <button type="button" onClick={() => pageQuestion.grantAndRead(pageState.origin, false)}>
          {t('page_grantAndRead')}
        </button>
      </Notice>
    );
  }
  if (page && !conversation.state.conversation) {
    pageArea = (
      <PageCard
        title={page.article.title}
        lengthLabel={t('page_length', approximateLength(page.article.length, language))}
        truncatedLabel={page.article.truncated ? t('page_truncated') : undefined}
        hint={t('page_askHint')}
        summarizeLabel={settings.actions.summarize.enabled ? t('page_summarizeButton') : undefined}
        closeLabel={t('page_close')}
        onSummarize={() => summarizePage(page)}
        onClose={pageQuestion.clear}
      />
    );
  }

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
              setFormTemplate(null);
              pageQuestion.clear();
              setView('conversation');
            }}
          >
            {t('newConversation')}
          </button>
          <button
            type="button"
            aria-pressed={tourVisible}
            onClick={() => {
              if (tourVisible) return onboarding.dismiss();
              pageQuestion.clear();
              conversation.reset();
              setJob(null);
              setFormTemplate(null);
              setView('conversation');
              onboarding.reopen();
            }}
          >
            {t('tourButton')}
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
      <SignInArea required={usesSignIn(loaded.settings)} t={t} />

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
      {pii.sentPlaceholders.length > 0 && (
        <Notice tone="info">{t('pii_redacted', pii.sentPlaceholders.join('、'))}</Notice>
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

      <TipsPanel
        title={t('tipsTitle')}
        unreadLabel={t('tipsUnread')}
        tryLabel={t('tipsTry')}
        tips={tips.tips}
        unread={tips.unread}
        canTry={(id) => findTemplate(templates.entries, id) !== undefined}
        onTry={(id) => {
          const entry = findTemplate(templates.entries, id);
          if (entry) openTemplate(entry.template);
        }}
        onOpen={() => void tips.markAllRead()}
      />

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
              scope: t('pii_scope'),
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
          <>
            {onboarding.open && (
              <section className="onboarding">
                <h2>{t('tourGreeting')}</h2>
                <p>{t('tourIntro')}</p>
              </section>
            )}
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
          </>
        ) : view === 'history' ? (
          <HistoryView
            t={t}
            language={language}
            keepsOriginals={settings.history.keepOriginals}
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
        ) : formTemplate ? (
          <TemplateForm
            key={formTemplate.id}
            template={formTemplate}
            disabled={!configured || streaming}
            labels={{
              required: t('templateRequired'),
              optional: t('templateOptional'),
              send: t('templateSend'),
              cancel: t('templateCancel'),
              missing: t('templateMissing'),
              draftNote: t('templateDraftNote'),
            }}
            onCancel={() => setFormTemplate(null)}
            onSend={(prompt) => {
              const template = formTemplate;
              setFormTemplate(null);
              sendScreened(prompt, { templateId: template.id, title: template.title }, () =>
                setFormTemplate(template),
              );
            }}
          />
        ) : tourVisible ? (
          <Onboarding
            labels={{
              greeting: t('tourGreeting'),
              intro: t('tourIntro'),
              steps: [
                ...(usesSignIn(loaded.settings)
                  ? [{ title: t('signIn_tourTitle'), body: t('signIn_tourBody') }]
                  : []),
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
            sampleActions={enabledActions.map((id) => ({ id, label: t(ACTIONS[id].title) }))}
            canRun={configured}
            shortcuts={shortcutList}
            onRunSample={(id) => runSample(id as ActionId)}
            onOpenSettings={() => void browser.runtime.openOptionsPage()}
            onClose={onboarding.dismiss}
          />
        ) : (
          <>
            {pageArea}
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
          </>
        )}
      </main>

      <fieldset className="page-tools">
        <legend className="visually-hidden">{t('page_tools')}</legend>
        <button type="button" onClick={() => void pageQuestion.read(false)}>
          {t('page_askButton')}
        </button>
        {settings.actions.summarize.enabled && (
          <button type="button" onClick={() => void pageQuestion.read(true)}>
            {t('page_summarizeButton')}
          </button>
        )}
      </fieldset>
      <TemplatePicker
        labels={{
          title: t('templatesTitle'),
          search: t('templatesSearch'),
          allCategories: t('templatesAllCategories'),
          categories: t('templatesCategories'),
          use: t('templateUse'),
          fill: t('templateFill'),
          remove: t('templateRemove'),
          noMatch: t('templatesNoMatch'),
          sources: {
            builtin: t('templateSource_builtin'),
            organisation: t('templateSource_organisation'),
            user: t('templateSource_user'),
          },
          addOwn: t('templateAddOwn'),
          ownTitle: t('templateOwnTitle'),
          ownPrompt: t('templateOwnPrompt'),
          saveOwn: t('templateSaveOwn'),
        }}
        entries={templates.entries}
        allowUserTemplates={templates.allowUserTemplates}
        onUse={openTemplate}
        onRemove={(id) => void templates.remove(id)}
        onSave={(title, prompt) => void templates.save(title, prompt)}
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
        placeholder={page && !conversation.state.conversation ? t('page_placeholder') : t('chatPlaceholder')}
        sendLabel={t('send')}
        stopLabel={t('stop')}
        streaming={streaming}
        disabled={!configured || guideline.mustAccept || Boolean(compare.state)}
        inputRef={inputRef}
        onSend={(text) => {
          // Cancelled: the message goes back into the box to be edited.
          const restore = () => setDraft(text);
          if (compareSetup === 'chat') {
            if (compareModels.length < 2) {
              setProblem('compareNeedTwo');
              restore();
              return;
            }
            setProblem(null);
            setView('conversation');
            setCompareSetup(null);
            const current = conversation.state;
            pii.screen(
              text,
              current.conversation?.piiMapping ?? [],
              (outgoing) => void compare.compareChat(text, outgoing, compareModels, current),
              restore,
            );
            return;
          }
          setProblem(null);
          if (page && !conversation.state.conversation) {
            // The page's text travels inside the data fence with the first question; the whole message is
            // screened for personal data like any other.
            const message = pageQuestionMessage(page.article, page.pageUrl, text);
            const start = {
              system: PAGE_CHAT_SYSTEM_PROMPT,
              title: `${page.article.title}: ${text}`.slice(0, 60),
              pageUrl: page.pageUrl,
              pageTitle: page.article.title,
            };
            sendScreened(message, start, restore);
            return;
          }
          sendScreened(text, undefined, restore);
        }}
        onStop={stopAll}
      />
    </div>
  );
}

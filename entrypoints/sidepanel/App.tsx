import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ChatInput } from '../../components/ChatInput';
import { Notice } from '../../components/Notice';
import { SignInArea } from '../../components/SignInArea';
import { TemplateForm } from '../../components/TemplateForm';
import { TipsPanel } from '../../components/TipsPanel';
import { useActionJobs } from '../../hooks/useActionJobs';
import { useComfort } from '../../hooks/useComfort';
import { useCompare } from '../../hooks/useCompare';
import { useCompareSetup } from '../../hooks/useCompareSetup';
import { useConversation } from '../../hooks/useConversation';
import { useDocumentInput } from '../../hooks/useDocumentInput';
import { useGatewayPermission } from '../../hooks/useGatewayPermission';
import { useGuideline } from '../../hooks/useGuideline';
import { useHistoryPrivacy } from '../../hooks/useHistoryPrivacy';
import { useHistoryWrites } from '../../hooks/useHistoryWrites';
import { useModelChoice } from '../../hooks/useModelChoice';
import { useOnboarding } from '../../hooks/useOnboarding';
import { type PageContext, usePageQuestion } from '../../hooks/usePageQuestion';
import { usePanelJobs } from '../../hooks/usePanelJobs';
import { usePiiGate } from '../../hooks/usePiiGate';
import { usePreloadAnswerCode } from '../../hooks/usePreloadAnswerCode';
import { useSettings, useTranslator, useUiLanguage } from '../../hooks/useSettings';
import { useShortcuts } from '../../hooks/useShortcuts';
import { useTemplates } from '../../hooks/useTemplates';
import { useTips } from '../../hooks/useTips';
import { ACTION_ORDER, ACTIONS } from '../../utils/actions/registry';
import type { ActionId } from '../../utils/actions/types';
import { usesSignIn } from '../../utils/auth/config';
import { formatDay } from '../../utils/dates';
import type { MessageKey } from '../../utils/i18n';
import type { PanelJob } from '../../utils/messages';
import type { Template } from '../../utils/settings/schema';
import {
  availableModels,
  isApiKeyMissing,
  isGatewayConfigured,
  usedApiFormats,
} from '../../utils/settings/target';
import { findTemplate } from '../../utils/templates/catalogue';
import { CompareArea } from './CompareArea';
import { CompareControls } from './CompareControls';
import { ConversationView } from './ConversationView';
import { GuidelineArea } from './GuidelineArea';
import { HistoryView } from './HistoryView';
import { PageArea } from './PageArea';
import { PageTools } from './PageTools';
import { PanelHeader } from './PanelHeader';
import { PanelNotices } from './PanelNotices';
import { PiiReviewArea } from './PiiReviewArea';
import { type Sender, sendFromChatBox, sendScreened } from './send-message';
import { TemplateArea } from './TemplateArea';
import { TourArea } from './TourArea';

/** A job for the panel that did not come from a right-click: a page to summarise, a tour sample. */
function localJob(
  action: ActionId,
  text: string,
  source: { url: string; title: string; tabId: number; windowId: number },
): PanelJob {
  return {
    id: crypto.randomUUID(),
    action,
    text,
    pageUrl: source.url,
    pageTitle: source.title,
    tabId: source.tabId,
    frameId: 0,
    windowId: source.windowId,
    editable: false,
  };
}

/** The side panel: composes the panel's parts; each part and hook does one job. */
export function App() {
  const loaded = useSettings();
  const t = useTranslator(loaded);
  const language = useUiLanguage(loaded);
  const settings = loaded?.settings ?? null;
  const modelsForced = loaded?.forced.models !== undefined;
  const guideline = useGuideline(settings?.guideline);
  const writes = useHistoryWrites(settings?.history.enabled ?? true);
  const conversation = useConversation(settings, language, t, writes);
  const compare = useCompare(settings, writes);
  const compareSetup = useCompareSetup();
  useHistoryPrivacy(settings);
  const [draft, setDraft] = useState('');
  const pii = usePiiGate(settings?.pii);
  const [model, setModel] = useState('');
  const offered = useMemo(
    () => (settings ? availableModels(settings, modelsForced) : []),
    [settings, modelsForced],
  );
  const choice = useModelChoice(settings, offered);
  const modelUse = conversation.state.conversation?.action ?? 'chat';
  const [view, setView] = useState<'conversation' | 'history'>('conversation');
  const [problem, setProblem] = useState<MessageKey | null>(null);
  const [formTemplate, setFormTemplate] = useState<Template | null>(null);
  const inputRef = useRef<HTMLTextAreaElement>(null);
  // The template list keeps one callback (it is memoised); the callback runs the latest `openTemplate`.
  const openTemplateRef = useRef<(template: Template) => void>(() => {});
  const pickTemplate = useCallback((template: Template) => openTemplateRef.current(template), []);
  const onboarding = useOnboarding();
  const templates = useTemplates(settings, language);
  const tips = useTips(settings?.tips, settings?.tipsUrl);
  const shortcuts = useShortcuts(t);
  const permission = useGatewayPermission(settings?.gateway.baseUrl ?? '');
  useComfort(language, settings?.fontSize);
  usePreloadAnswerCode(settings ? usedApiFormats(settings, modelsForced) : []);

  const jobs = useActionJobs({
    // Without the user's key a request would only be refused: right-clicks wait until it is entered.
    ready:
      Boolean(settings) && choice.ready && !guideline.mustAccept && !(settings && isApiKeyMissing(settings)),
    modelFor: choice.modelFor,
    screen: useCallback((text, send) => pii.screen(text, [], send), [pii.screen]),
    start: useCallback(
      (job, actionModel, outgoing) => void conversation.startAction(job, actionModel, outgoing),
      [conversation.startAction],
    ),
    onStart: useCallback(
      (_job, actionModel) => {
        compare.close();
        setModel(actionModel);
      },
      [compare.close],
    ),
  });
  const queueJob = jobs.queue;

  /** A whole page's text goes through the normal summarise path, PII screening included. */
  const summarizePage = useCallback(
    (page: PageContext) => {
      setView('conversation');
      queueJob(
        localJob('summarize', page.document?.text ?? page.article.text, {
          url: page.pageUrl,
          title: page.article.title,
          ...page,
        }),
      );
    },
    [queueJob],
  );
  const pageQuestion = usePageQuestion(settings?.sites.blocked ?? [], summarizePage, settings?.files);
  const page = pageQuestion.state.status === 'ready' ? pageQuestion.state.page : null;
  const fromDocument = pageQuestion.fromDocument;
  const documents = useDocumentInput(
    settings?.files,
    useCallback(
      (attached: PageContext) => {
        // An attached file starts a new question, like "ask about this page".
        setView('conversation');
        conversation.reset();
        fromDocument(attached, false);
      },
      [fromDocument, conversation.reset],
    ),
  );

  // The picker shows the model for what is on screen (an action, or the chat): the user's last choice for it,
  // the administrator's, or the default; a model no longer offered is dropped.
  useEffect(() => {
    if (choice.ready) setModel(choice.modelFor(modelUse));
  }, [choice.ready, choice.modelFor, modelUse]);

  const fromPageJob = pageQuestion.fromJob;
  usePanelJobs(
    useCallback(
      (next) => {
        setView('conversation');
        setFormTemplate(null);
        // A page job's problem is shown by the page area; only a right-click's goes to the notices.
        setProblem('kind' in next ? null : (next.problem ?? null));
        if ('kind' in next) {
          // A new question about a page starts a new conversation.
          if (next.mode === 'ask') conversation.reset();
          fromPageJob(next);
        } else if (!next.problem) queueJob(next);
      },
      [fromPageJob, conversation.reset, queueJob],
    ),
  );

  // An action asked for before the guideline was accepted runs right after it, in the tour's place: the
  // tour is then offered in a notice instead, so the first run still shows it once.
  const [tourDeferred, setTourDeferred] = useState(false);
  const heldByGuideline = guideline.mustAccept && jobs.waiting !== null;
  useEffect(() => {
    if (heldByGuideline) setTourDeferred(true);
  }, [heldByGuideline]);

  // Escape: stops an answer being written, else closes what is open (a template's form, the list, history).
  const escapeRef = useRef<() => boolean>(() => false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented && escapeRef.current()) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (!loaded || !settings) return null;
  const keyMissing = isGatewayConfigured(settings) && isApiKeyMissing(settings);
  const configured = isGatewayConfigured(settings) && !keyMissing;
  const streaming = conversation.state.streamingId !== null || (compare.state?.streamingIds.length ?? 0) > 0;
  const enabledActions = ACTION_ORDER.filter((action) => settings.actions[action].enabled);
  // The tour fills the empty panel; a conversation, a form or a page question takes its place.
  const tourVisible =
    onboarding.open &&
    view === 'conversation' &&
    !formTemplate &&
    !conversation.state.conversation &&
    !conversation.state.tooLong &&
    pageQuestion.state.status === 'idle';
  const sender: Sender = {
    conversation,
    compare,
    compareSetup,
    pii,
    page,
    model,
    showConversation: () => setView('conversation'),
    setProblem,
  };
  const clearScreen = () => {
    pageQuestion.clear();
    conversation.reset();
    jobs.clear();
    setFormTemplate(null);
    setView('conversation');
  };
  const openTemplate = (template: Template) => {
    if ((template.fields?.length ?? 0) > 0) {
      conversation.reset();
      jobs.clear();
      setView('conversation');
      setFormTemplate(template);
      return;
    }
    setDraft(template.prompt);
    inputRef.current?.focus();
  };
  const lastConversation = conversation.state.conversation;
  openTemplateRef.current = openTemplate;
  escapeRef.current = () => {
    if (streaming) {
      conversation.stop();
      compare.stop();
      return true;
    }
    const openList = document.querySelector<HTMLDetailsElement>('details.templates[open]');
    if (formTemplate) setFormTemplate(null);
    else if (openList) openList.open = false;
    else if (view === 'history') setView('conversation');
    else return false;
    inputRef.current?.focus();
    return true;
  };

  return (
    <div className="panel">
      <PanelHeader
        t={t}
        models={offered}
        model={model}
        tourVisible={tourVisible}
        historyOpen={view === 'history'}
        onPickModel={(picked) => {
          setModel(picked);
          choice.remember(modelUse, picked);
        }}
        onNewConversation={() => {
          compare.close();
          compareSetup.close();
          setProblem(null);
          clearScreen();
        }}
        onTour={() => {
          if (tourVisible) return onboarding.dismiss();
          clearScreen();
          onboarding.reopen();
        }}
        onHistory={() => {
          // A notice about the last right-click (e.g. a blocked site) speaks of that page, not of history.
          setProblem(null);
          setView(view === 'history' ? 'conversation' : 'history');
        }}
      />
      <SignInArea required={usesSignIn(loaded.settings)} t={t} />
      {tourDeferred &&
        onboarding.open &&
        !tourVisible &&
        !guideline.mustAccept &&
        view === 'conversation' && (
          <Notice tone="info">
            <p>{t('tourPendingBody')}</p>
            <div className="toolbar">
              <button
                type="button"
                onClick={() => {
                  compare.close();
                  clearScreen();
                }}
              >
                {t('tourPendingOpen')}
              </button>
              <button type="button" onClick={onboarding.dismiss}>
                {t('tourPendingLater')}
              </button>
            </div>
          </Notice>
        )}
      <PanelNotices
        loaded={loaded}
        t={t}
        configured={configured}
        keyMissing={keyMissing}
        permission={permission}
        problem={problem}
        screening={pii.lastScreening}
        sentPlaceholders={pii.sentPlaceholders}
        saveProblem={writes.problem}
      />
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
        formatDay={(day) => formatDay(day, language)}
      />

      <main className="panel-main">
        {pii.review ? (
          <PiiReviewArea review={pii.review} language={language} t={t} />
        ) : guideline.mustAccept ? (
          <GuidelineArea
            t={t}
            settings={settings.guideline}
            guideline={guideline}
            greeting={onboarding.open}
            waitingAction={jobs.waiting ? t(ACTIONS[jobs.waiting.action].title) : undefined}
          />
        ) : view === 'history' ? (
          <HistoryView
            t={t}
            language={language}
            keepsOriginals={settings.history.keepOriginals}
            offered={offered}
            onOpen={(id) => {
              jobs.clear();
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
            gatewayOrigin={permission.origin}
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
            onSend={(prompt, shown) => {
              const template = formTemplate;
              setFormTemplate(null);
              const start = { templateId: template.id, title: template.title, shown: shown || undefined };
              sendScreened(sender, prompt, start, () => setFormTemplate(template));
            }}
          />
        ) : tourVisible ? (
          <TourArea
            t={t}
            signIn={usesSignIn(loaded.settings)}
            actions={enabledActions}
            canRun={configured}
            shortcuts={shortcuts}
            onRunSample={(action) => {
              setView('conversation');
              queueJob(
                localJob(action, t('tourSampleText'), {
                  url: '',
                  title: t('tourSampleSource'),
                  tabId: -1,
                  windowId: -1,
                }),
              );
            }}
            onClose={onboarding.dismiss}
          />
        ) : (
          <>
            <PageArea
              pageQuestion={pageQuestion}
              conversationOpen={lastConversation !== null}
              canSummarize={settings.actions.summarize.enabled}
              language={language}
              t={t}
              onSummarize={summarizePage}
            />
            <ConversationView
              state={conversation.state}
              job={jobs.job}
              model={model}
              gatewayOrigin={permission.origin}
              copySuffix={settings.disclosure.copySuffix}
              language={language}
              t={t}
              onStop={conversation.stop}
              onRetry={() => void conversation.retry(model)}
              onRetranslate={(target) => void conversation.retranslate(target, model)}
              onContinue={() => inputRef.current?.focus()}
              models={offered}
              onTryModel={(picked) => void conversation.answerWithModel(picked)}
              onCompare={() => compareSetup.open('lastQuestion', model, offered)}
              onContinueAnswer={() => void conversation.continueAnswer(model)}
              onRunFirstPart={() => void conversation.runFirstPart()}
              onPickModel={() => document.querySelector<HTMLSelectElement>('.model-picker select')?.focus()}
            />
          </>
        )}
      </main>

      <PageTools
        t={t}
        canSummarize={settings.actions.summarize.enabled}
        onRead={pageQuestion.read}
        documents={documents}
      />
      <TemplateArea t={t} templates={templates} onUse={pickTemplate} />
      <CompareControls
        t={t}
        setup={compareSetup}
        models={offered}
        model={model}
        comparing={Boolean(compare.state)}
        onCompareLastQuestion={
          lastConversation
            ? (models) =>
                void compare.compareLastQuestion(lastConversation, conversation.state.messages, models)
            : undefined
        }
      />
      <ChatInput
        text={draft}
        onTextChange={setDraft}
        label={t('chatInputLabel')}
        placeholder={page && !lastConversation ? t('page_placeholder') : t('chatPlaceholder')}
        sendLabel={t('send')}
        stopLabel={t('stop')}
        streaming={streaming}
        disabled={!configured || guideline.mustAccept || Boolean(compare.state)}
        inputRef={inputRef}
        // Cancelled: the message goes back into the box to be edited.
        onSend={(text) => sendFromChatBox(sender, text, () => setDraft(text))}
        onStop={() => {
          conversation.stop();
          compare.stop();
        }}
      />
    </div>
  );
}

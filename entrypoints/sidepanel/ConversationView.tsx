import { useEffect, useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { LongInputNotice } from '../../components/LongInputNotice';
import { Markdown } from '../../components/Markdown';
import { MessageBubble } from '../../components/MessageBubble';
import { Notice } from '../../components/Notice';
import { OtherModelPicker } from '../../components/OtherModelPicker';
import { ProgressBar } from '../../components/ProgressBar';
import { ProofreadResult } from '../../components/ProofreadResult';
import { ResultCard } from '../../components/ResultCard';
import { RetryCountdown } from '../../components/RetryCountdown';
import { TranslateTargetPicker } from '../../components/TranslateTargetPicker';
import { UsageLine } from '../../components/UsageLine';
import type { ConversationState } from '../../hooks/useConversation';
import { defaultTranslateTarget } from '../../utils/actions/prompt';
import { diffForDisplay, parseProofread } from '../../utils/actions/proofread';
import { ACTIONS } from '../../utils/actions/registry';
import { TRANSLATE_TARGETS } from '../../utils/actions/translate-targets';
import { explainGatewayError, explainRetryWait } from '../../utils/gateway/explain';
import type { ConversationRecord, MessageRecord } from '../../utils/history/db';
import type { MessageKey, Translator, UiLanguage } from '../../utils/i18n';
import type { PanelJob } from '../../utils/messages';
import { splitPageQuestion } from '../../utils/page/page-question';
import { insertAtCursor, replaceSelection } from '../../utils/page/scripting';
import { restoreOutsideUrls } from '../../utils/pii/redact';
import { modelLabel, modelTitle } from '../../utils/settings/model-choice';
import type { ModelEntry } from '../../utils/settings/schema';

interface Props {
  state: ConversationState;
  /** The right-click that started this conversation, while its page can still be written back to. */
  job: PanelJob | null;
  model: string;
  /** The gateway's origin, named in "not allowed to connect" errors. */
  gatewayOrigin: string;
  /** The organisation's disclosure note, added to whatever is copied or put into a page. */
  copySuffix: string;
  language: UiLanguage;
  t: Translator;
  onStop(): void;
  onRetry(): void;
  onRetranslate(targetId: string): void;
  onContinue(): void;
  /** Models the user may choose from, for "Try with another model". */
  models: ModelEntry[];
  /** Asks the last question again on another model, keeping the answer there is. */
  onTryModel(modelId: string): void;
  /** Opens Compare for the last question. */
  onCompare(): void;
  /** Finishes a cut-off answer where it stopped. */
  onContinueAnswer(): void;
  onRunFirstPart(): void;
  /** Takes the user to the model picker (after "model not found"). */
  onPickModel(): void;
}

interface Feedback {
  conversationId: string;
  messageId: string;
  key: MessageKey;
  tone: 'info' | 'error';
}

/** The text a user copies or puts back into the page: for a proofread, the corrected text only. */
function usableText(conversation: ConversationRecord, answer: string, copySuffix: string): string {
  const text = conversation.action === 'proofread' ? parseProofread(answer).corrected : answer;
  return copySuffix ? `${text}${copySuffix}` : text;
}

export function ConversationView({
  state,
  job,
  gatewayOrigin,
  copySuffix,
  language,
  t,
  models,
  onTryModel,
  onCompare,
  ...handlers
}: Props) {
  // "Copied", "Replaced"…: each speaks of one answer and shows only with it, so a later result never
  // carries an earlier one's notice.
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const { conversation, messages, streamingId, errors, retryWait, progress, tooLong } = state;
  const conversationId = conversation?.id;
  useEffect(() => {
    setFeedback((current) => (current && current.conversationId === conversationId ? current : null));
  }, [conversationId]);
  // A new answer starts in view, under its question (a template's form may have filled the panel before).
  useEffect(() => {
    if (streamingId) document.getElementById(`message-${streamingId}`)?.scrollIntoView({ block: 'start' });
  }, [streamingId]);
  if (tooLong) {
    return (
      <LongInputNotice
        title={t('longInput_title')}
        body={t('longInput_body', String(tooLong.maxChars), String(tooLong.outgoing.text.length))}
        runLabel={t('longInput_firstPart', String(tooLong.maxChars))}
        onRunFirstPart={handlers.onRunFirstPart}
      />
    );
  }
  if (!conversation) {
    return (
      <section className="welcome">
        <h2>{t('welcomeTitle')}</h2>
        <p>{t('welcomeBody')}</p>
      </section>
    );
  }

  // The model saw placeholders for personal data; the user sees the real values again.
  const mapping = conversation.piiMapping ?? [];
  const shown = (content: string) => restoreOutsideUrls(content, mapping);

  const tell = (messageId: string, key: MessageKey, tone: Feedback['tone']) =>
    setFeedback({ conversationId: conversation.id, messageId, key, tone });
  const feedbackFor = (message: MessageRecord | undefined) =>
    feedback && message && feedback.messageId === message.id && message.id !== streamingId ? (
      <Notice tone={feedback.tone}>{t(feedback.key)}</Notice>
    ) : null;

  const copy = async (messageId: string, text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      tell(messageId, 'copied', 'info');
    } catch {
      tell(messageId, 'copyFailed', 'error');
    }
  };

  // Only the last answer can be continued: a continuation is appended at the end of the conversation.
  const canContinue = (message: MessageRecord) =>
    message.id === messages.at(-1)?.id &&
    message.role === 'assistant' &&
    message.status === 'interrupted' &&
    message.content !== '' &&
    streamingId === null;

  const streamStatus = (message: MessageRecord) => {
    if (message.id !== streamingId) return null;
    return (
      <>
        {progress && (
          <ProgressBar
            done={progress.done}
            total={progress.total}
            label={
              progress.done < progress.total
                ? t('mapReduce_progress', String(progress.done), String(progress.total))
                : t('mapReduce_finalStep')
            }
          />
        )}
        {retryWait && (
          <RetryCountdown
            key={retryWait.retryAt}
            retryAt={retryWait.retryAt}
            message={(seconds) => explainRetryWait(retryWait, t, seconds)}
          />
        )}
      </>
    );
  };
  // Into the field that has the focus in the page: the right-click's tab, else the active tab of this window.
  const insert = async (messageId: string, text: string) => {
    const tabId =
      job && job.tabId >= 0
        ? job.tabId
        : (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const outcome = tabId === undefined ? 'insert_no_access' : await insertAtCursor(tabId, text);
    tell(messageId, outcome, outcome === 'inserted' ? 'info' : 'error');
  };
  const withSuffix = (text: string) => (copySuffix ? `${text}${copySuffix}` : text);

  const errorNotice = (message: MessageRecord) => {
    const error = errors[message.id];
    const continueButton = canContinue(message) && (
      <button type="button" className="continue-answer" onClick={handlers.onContinueAnswer}>
        {t('continueAnswer')}
      </button>
    );
    if (!error) return streamStatus(message) ?? (continueButton || null);
    const text = explainGatewayError(error, t, { model: modelLabel(models, message.model), gatewayOrigin });
    return (
      <Notice tone={error.kind === 'aborted' ? 'info' : 'error'}>
        <p>{text}</p>
        {message.content && error.kind !== 'aborted' && <p>{t('partialKept')}</p>}
        {error.detail && error.kind !== 'aborted' && (
          // The gateway's own words (often English, with HTTP codes) are for an administrator: folded away.
          <details className="detail">
            <summary>{t('errorDetailSummary')}</summary>
            <p>{error.detail}</p>
          </details>
        )}
        {error.kind === 'model-not-found' && (
          <button type="button" onClick={handlers.onPickModel}>
            {t('pickModel')}
          </button>
        )}
        {continueButton}
      </Notice>
    );
  };

  const isAction = conversation.kind === 'action' && conversation.action !== undefined;
  // An action's first answers (several after "Try with another model" or Compare): the card shows the one in
  // use, the others follow it as set-aside answers.
  const secondQuestion = messages.findIndex((message, index) => index > 0 && message.role === 'user');
  const firstRun = messages.slice(1, secondQuestion === -1 ? undefined : secondQuestion);
  const firstAnswer = firstRun.findLast((message) => !message.superseded) ?? firstRun.at(-1);
  const followUps = isAction
    ? [
        ...firstRun.filter((message) => message !== firstAnswer),
        ...(secondQuestion === -1 ? [] : messages.slice(secondQuestion)),
      ]
    : messages;
  const lastMessage = messages.at(-1);
  const canAskAgain = streamingId === null && lastMessage?.role === 'assistant';
  const titleOf = (model: ModelEntry) => modelTitle(model);

  const usage = (message: MessageRecord) => (
    <UsageLine
      usage={message.usage}
      locale={language}
      format={(input, output) => t('usageTokens', input, output)}
    />
  );
  const askAgain = (message: MessageRecord) => (
    <div className="toolbar more-actions">
      <OtherModelPicker
        label={t('tryAnotherModel')}
        models={models}
        current={message.model}
        disabled={!canAskAgain}
        title={titleOf}
        onPick={onTryModel}
      />
      {models.length >= 2 && (
        <button type="button" disabled={!canAskAgain} onClick={onCompare}>
          {t('compare')}
        </button>
      )}
    </div>
  );

  const bubble = (message: MessageRecord) => (
    <MessageBubble
      key={message.id}
      id={`message-${message.id}`}
      role={message.role}
      author={message.role === 'user' ? t('you') : `${t('assistant')} · ${modelLabel(models, message.model)}`}
      streaming={message.id === streamingId}
      badge={
        message.role === 'assistant' && message.status !== 'complete' && message.id !== streamingId
          ? t(`status_${message.status}`)
          : message.superseded
            ? t('supersededAnswer')
            : undefined
      }
      copyLabel={t('copy')}
      onCopy={() => void copy(message.id, withSuffix(shown(message.content)))}
      insertLabel={message.role === 'assistant' ? t('insertAtCursor') : undefined}
      onInsert={() => void insert(message.id, withSuffix(shown(message.content)))}
      footer={
        message.role === 'assistant' ? (
          <>
            {copySuffix && message.id !== streamingId && message.content !== '' && (
              <p className="hint copy-note">{t('copySuffixNote', copySuffix.trim())}</p>
            )}
            {feedbackFor(message)}
            {usage(message)}
            {errorNotice(message)}
            {message === lastMessage && !isAction && askAgain(message)}
          </>
        ) : (
          feedbackFor(message)
        )
      }
    >
      {message.role === 'user' ? (
        <UserText
          text={shown(message.content)}
          filledIn={message.shown}
          pageLabel={t('page_textSent')}
          promptLabel={t('templatePromptSent')}
        />
      ) : (
        <Markdown text={message.content} mapping={mapping} />
      )}
    </MessageBubble>
  );

  return (
    <section className="conversation" aria-live="polite">
      {isAction && conversation.action && (
        <ActionCard
          conversation={conversation}
          answer={firstAnswer}
          streaming={firstAnswer?.id === streamingId}
          job={job}
          copySuffix={copySuffix}
          t={t}
          language={language}
          feedback={feedbackFor(firstAnswer)}
          errorNotice={
            firstAnswer ? (
              <>
                {usage(firstAnswer)}
                {errorNotice(firstAnswer)}
              </>
            ) : null
          }
          moreActions={
            firstAnswer && secondQuestion === -1 && lastMessage ? askAgain(lastMessage) : undefined
          }
          onCopy={(text) => firstAnswer && void copy(firstAnswer.id, text)}
          onReplace={async (text) => {
            if (!firstAnswer) return;
            if (!job) return tell(firstAnswer.id, 'replace_gone', 'error');
            const outcome = await replaceSelection(job.tabId, job.frameId, text);
            tell(firstAnswer.id, outcome, outcome === 'replaced' ? 'info' : 'error');
          }}
          onInsert={(text) => firstAnswer && void insert(firstAnswer.id, text)}
          {...handlers}
        />
      )}
      {followUps.map(bubble)}
    </section>
  );
}

interface ActionCardProps
  extends Omit<Props, 'state' | 'model' | 'gatewayOrigin' | 'models' | 'onTryModel' | 'onCompare'> {
  moreActions: React.ReactNode;
  conversation: ConversationRecord;
  answer: MessageRecord | undefined;
  streaming: boolean;
  feedback: React.ReactNode;
  errorNotice: React.ReactNode;
  onCopy(text: string): void;
  onReplace(text: string): void;
  onInsert(text: string): void;
}

function ActionCard({
  conversation,
  answer,
  streaming,
  t,
  feedback,
  errorNotice,
  ...handlers
}: ActionCardProps) {
  const action = conversation.action ?? 'summarize';
  const input = conversation.input ?? '';
  const mapping = conversation.piiMapping ?? [];
  const content = answer?.content ?? '';
  // Copy, Replace and the proofread view get the values back, except inside links (restoreOutsideUrls).
  const output = restoreOutsideUrls(content, mapping);
  const source = conversation.pageTitle || conversation.pageUrl;
  const translateTarget = conversation.translateTarget ?? defaultTranslateTarget(input).id;

  const parsed = useMemo(() => (action === 'proofread' ? parseProofread(output) : null), [action, output]);
  // Diffed once the answer is complete: a diff of half an answer would mislead, and diffing is not free.
  const segments = useMemo(
    () => (parsed && !streaming && parsed.corrected ? diffForDisplay(input, parsed.corrected) : null),
    [parsed, streaming, input],
  );

  let body: React.ReactNode = <Markdown text={content} mapping={mapping} />;
  if (parsed) {
    body = (
      <ProofreadResult
        corrected={parsed.corrected}
        changes={parsed.changes}
        segments={segments}
        labels={{
          corrected: t('correctedHeading'),
          diff: t('diffHeading'),
          changes: t('changesHeading'),
          added: t('diffAdded'),
          removed: t('diffRemoved'),
        }}
      />
    );
  }

  return (
    <ResultCard
      title={t(ACTIONS[action].title)}
      source={source ? t('fromPage', source) : undefined}
      input={input}
      streaming={streaming}
      badge={answer && !streaming && answer.status !== 'complete' ? t(`status_${answer.status}`) : undefined}
      hasAnswer={output !== ''}
      canReplace={handlers.job?.editable ?? false}
      labels={{
        stop: t('stop'),
        copy: t('copy'),
        replace: t('replaceSelection'),
        insert: t('insertAtCursor'),
        retry: t('retry'),
        continueInChat: t('continueInChat'),
        sourceText: t('sourceText'),
      }}
      controls={
        action === 'translate' && (
          <TranslateTargetPicker
            label={t('translateTarget')}
            targets={TRANSLATE_TARGETS}
            value={translateTarget}
            disabled={streaming}
            onChange={handlers.onRetranslate}
          />
        )
      }
      feedback={
        <>
          {errorNotice}
          {feedback}
        </>
      }
      moreActions={handlers.moreActions}
      copyNote={handlers.copySuffix ? t('copySuffixNote', handlers.copySuffix.trim()) : undefined}
      onStop={handlers.onStop}
      onCopy={() => handlers.onCopy(usableText(conversation, output, handlers.copySuffix))}
      onReplace={() => handlers.onReplace(usableText(conversation, output, handlers.copySuffix))}
      onInsert={() => handlers.onInsert(usableText(conversation, output, handlers.copySuffix))}
      onRetry={handlers.onRetry}
      onContinue={handlers.onContinue}
    >
      {body}
    </ResultCard>
  );
}

/**
 * What the user sent; the text of a page they asked about, or the prompt a template built from their fields,
 * is folded away under its own summary.
 */
function UserText(props: { text: string; filledIn?: string; pageLabel: string; promptLabel: string }) {
  const { text, filledIn, pageLabel } = props;
  if (filledIn !== undefined) {
    return (
      <>
        <p className="user-text">{filledIn}</p>
        <details className="input-text">
          <summary>{props.promptLabel}</summary>
          <p className="user-text">{text}</p>
        </details>
      </>
    );
  }
  const split = splitPageQuestion(text);
  if (!split) return <p className="user-text">{text}</p>;
  return (
    <>
      <details className="input-text">
        <summary>{pageLabel}</summary>
        <p className="user-text">{split.page}</p>
      </details>
      <p className="user-text">{split.question}</p>
    </>
  );
}

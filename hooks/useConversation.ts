import { useCallback, useEffect, useRef, useState } from 'react';
import { type MapReduceProgress, splitIntoChunks, summariseInParts } from '../utils/actions/long-input';
import { buildActionPrompt } from '../utils/actions/prompt';
import { ACTIONS } from '../utils/actions/registry';
import { lastAnswers, messagesInUse } from '../utils/conversation/alternatives';
import { CHAT_SYSTEM_PROMPT, titleFrom } from '../utils/conversation/chat-prompt';
import { continuationMessages, joinContinuation } from '../utils/conversation/continue';
import { streamReply, toModelMessages } from '../utils/conversation/stream-reply';
import { GatewayError } from '../utils/gateway/errors';
import { withPermissionCause } from '../utils/gateway/permission';
import type { RetryWait } from '../utils/gateway/retry';
import type { ConversationRecord, MessageRecord } from '../utils/history/db';
import { HistoryWriteError } from '../utils/history/errors';
import {
  deleteConversation,
  deleteMessage,
  loadConversation,
  saveConversation,
  saveMessage,
} from '../utils/history/store';
import type { Translator, UiLanguage } from '../utils/i18n';
import type { PanelJob } from '../utils/messages';
import { redactForResend } from '../utils/pii/resend';
import type { Settings } from '../utils/settings/schema';
import { deadlinesFor, gatewayTargetFor, maxInputCharsFor, requestUser } from '../utils/settings/target';
import { recordAnswerUse } from '../utils/usage/stats';
import type { Outgoing } from './usePiiGate';

export interface ConversationState {
  conversation: ConversationRecord | null;
  messages: MessageRecord[];
  /** The assistant message being streamed, if any. */
  streamingId: string | null;
  /** Why an answer failed or stopped, by message id (not stored: the status is). */
  errors: Record<string, GatewayError>;
  /** A history write failed (a full disk is told apart): the answer on screen is kept, the user is told. */
  saveProblem: { quota: boolean; detail: string } | null;
  /** An automatic retry is waiting (429, 5xx, broken connection): the panel counts down. */
  retryWait: RetryWait | null;
  /** A long text summarised in parts: how many parts are done. */
  progress: MapReduceProgress | null;
  /** A selection longer than the model takes, for an action that cannot work in parts. */
  tooLong: TooLongInput | null;
}

export interface TooLongInput {
  job: PanelJob;
  model: string;
  outgoing: Outgoing;
  translateTarget?: string;
  maxChars: number;
}

/** How a new chat begins when it is not a plain question. */
export interface ChatStart {
  title?: string;
  system?: string;
  pageUrl?: string;
  pageTitle?: string;
  templateId?: string;
}

const EMPTY: ConversationState = {
  conversation: null,
  messages: [],
  streamingId: null,
  errors: {},
  saveProblem: null,
  retryWait: null,
  progress: null,
  tooLong: null,
};
const SAVE_INTERVAL_MS = 500;

export function newMessage(
  conversationId: string,
  role: MessageRecord['role'],
  content: string,
  model: string,
) {
  const now = Date.now();
  const message: MessageRecord = {
    id: crypto.randomUUID(),
    conversationId,
    role,
    content,
    model,
    status: role === 'user' ? 'complete' : 'interrupted',
    createdAt: now,
    updatedAt: now,
  };
  return message;
}

/** Calls `flush` once per animation frame at most; a timer stands in when frames are not running. */
export function frameBatcher(flush: () => void) {
  let frame = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    frame = 0;
    timer = undefined;
    flush();
  };
  return {
    /** Now, not at the next frame: the first words of an answer should not wait. */
    flushNow: run,
    schedule() {
      if (timer !== undefined) return;
      frame = requestAnimationFrame(run);
      timer = setTimeout(run, 100);
    },
    cancel() {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    },
  };
}

export function useConversation(settings: Settings | null, language: UiLanguage, t: Translator) {
  const [state, setState] = useState<ConversationState>(EMPTY);
  const stateRef = useRef(state);
  stateRef.current = state;
  const controllerRef = useRef<AbortController | null>(null);
  // History writes run one after another, so a slow throttled write never lands after the final one.
  const writes = useRef<Promise<void>>(Promise.resolve());
  // With history off (an administrator's choice), the conversation lives in memory only.
  const historyEnabled = useRef(true);
  historyEnabled.current = settings?.history.enabled ?? true;

  const persist = useCallback((write: () => Promise<unknown>) => {
    if (!historyEnabled.current) return writes.current;
    writes.current = writes.current.then(async () => {
      try {
        await write();
      } catch (error) {
        setState((current) => ({
          ...current,
          saveProblem: {
            quota: error instanceof HistoryWriteError && error.kind === 'quota',
            detail: error instanceof Error ? error.message : String(error),
          },
        }));
      }
    });
    return writes.current;
  }, []);

  useEffect(() => () => controllerRef.current?.abort(), []);

  /** Streams a new answer after `history` (what is on screen); the model sees the messages in use. */
  const runReply = useCallback(
    async (
      conversation: ConversationRecord,
      history: MessageRecord[],
      model: string,
      /** A cut-off answer to finish: the new text is appended to it, in the same message. */
      continuing?: MessageRecord,
    ) => {
      if (!settings) return;
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const assistant = continuing ?? newMessage(conversation.id, 'assistant', '', model);
      const partial = continuing?.content ?? '';
      const shownText = (text: string) => (continuing ? joinContinuation(partial, text) : text);
      setState((current) => ({
        ...current,
        conversation,
        messages: [...history, assistant],
        streamingId: assistant.id,
        saveProblem: null,
        retryWait: null,
        tooLong: null,
        errors: Object.fromEntries(Object.entries(current.errors).filter(([id]) => id !== assistant.id)),
      }));
      void persist(() => saveConversation({ ...conversation, model, updatedAt: Date.now() }));
      void persist(() => saveMessage(assistant));

      let latest = partial;
      const batcher = frameBatcher(() =>
        setState((current) => ({
          ...current,
          messages: current.messages.map((m) => (m.id === assistant.id ? { ...m, content: latest } : m)),
        })),
      );
      let lastSave = Date.now();
      const target = gatewayTargetFor(settings, model);
      const outcome = await streamReply(
        target,
        {
          model,
          system: conversation.system,
          messages: continuing
            ? continuationMessages(toModelMessages(messagesInUse(history)), partial)
            : toModelMessages(messagesInUse(history)),
          user: requestUser(settings),
        },
        controller.signal,
        (text) => {
          const first = latest === partial;
          latest = shownText(text);
          if (first) batcher.flushNow();
          else batcher.schedule();
          // Written while streaming, so a closed panel or a crash still leaves the answer so far in history.
          if (Date.now() - lastSave >= SAVE_INTERVAL_MS) {
            lastSave = Date.now();
            const content = latest;
            void persist(() => saveMessage({ ...assistant, content, updatedAt: lastSave }));
          }
        },
        {
          deadlines: deadlinesFor(settings),
          onRetryWait: (retryWait) => setState((current) => ({ ...current, retryWait })),
        },
      );
      batcher.cancel();
      const error = outcome.error && (await withPermissionCause(outcome.error, target.baseUrl));
      const now = Date.now();
      // A continuation that failed at once leaves the cut-off answer as it was: still interrupted.
      const status = continuing && outcome.status === 'error' ? 'interrupted' : outcome.status;
      const finished: MessageRecord = {
        ...assistant,
        content: shownText(outcome.text),
        status,
        errorKind: error?.kind,
        ...(outcome.usage ? { usage: outcome.usage } : {}),
        updatedAt: now,
      };
      if (outcome.status !== 'error') {
        void recordAnswerUse({
          at: new Date(now),
          model,
          action: conversation.action ?? 'chat',
          templateId: conversation.templateId,
          usage: outcome.usage,
        }).catch(() => {});
      }
      const finishedConversation: ConversationRecord = {
        ...conversation,
        model,
        status,
        updatedAt: now,
      };
      if (controllerRef.current === controller) controllerRef.current = null;
      setState((current) => {
        if (current.conversation?.id !== conversation.id) return current;
        const errors = { ...current.errors };
        if (error) errors[assistant.id] = error;
        return {
          ...current,
          conversation: finishedConversation,
          messages: current.messages.map((m) => (m.id === assistant.id ? finished : m)),
          streamingId: current.streamingId === assistant.id ? null : current.streamingId,
          retryWait: null,
          progress: null,
          errors,
        };
      });
      await persist(() => saveMessage(finished));
      await persist(() => saveConversation(finishedConversation));
    },
    [settings, persist],
  );

  /**
   * A summary of a text too long for one request: the parts are summarised first (progress "n / m"), then
   * the combining step streams as the answer. Stop works throughout.
   */
  const summariseLong = useCallback(
    async (conversation: ConversationRecord, outgoingText: string, model: string, maxChars: number) => {
      if (!settings) return;
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      // The question is known only once the parts are summarised; both stand in until then.
      const question = newMessage(conversation.id, 'user', '', model);
      const placeholder = newMessage(conversation.id, 'assistant', '', model);
      setState({ ...EMPTY, conversation, messages: [question, placeholder], streamingId: placeholder.id });
      void persist(() => saveConversation(conversation));
      const target = gatewayTargetFor(settings, model);
      try {
        const final = await summariseInParts(
          outgoingText,
          maxChars,
          language,
          async (prompt) => {
            const outcome = await streamReply(
              target,
              { model, system: prompt.system, messages: [{ role: 'user', content: prompt.user }] },
              controller.signal,
              () => {},
              {
                deadlines: deadlinesFor(settings),
                onRetryWait: (retryWait) => setState((current) => ({ ...current, retryWait })),
              },
            );
            if (outcome.status !== 'complete') throw outcome.error ?? new GatewayError('bad-response', '');
            setState((current) => ({ ...current, retryWait: null }));
            return outcome.text;
          },
          (progress) => setState((current) => ({ ...current, progress })),
        );
        if (controllerRef.current !== controller) return;
        const finalQuestion = { ...question, content: final.user };
        void persist(() => saveMessage(finalQuestion));
        await runReply({ ...conversation, system: final.system }, [finalQuestion], model);
      } catch (caught) {
        const error = await withPermissionCause(
          caught instanceof GatewayError ? caught : new GatewayError('bad-response', String(caught)),
          target.baseUrl,
        );
        const status = error.kind === 'aborted' ? 'interrupted' : 'error';
        const failed: MessageRecord = { ...placeholder, status, errorKind: error.kind };
        setState((current) =>
          current.conversation?.id !== conversation.id
            ? current
            : {
                ...current,
                messages: [question, failed],
                streamingId: null,
                retryWait: null,
                progress: null,
                errors: { [placeholder.id]: error },
              },
        );
        if (controllerRef.current === controller) controllerRef.current = null;
        await persist(() => saveConversation({ ...conversation, status, updatedAt: Date.now() }));
      }
    },
    [settings, language, persist, runReply],
  );

  /** Runs a right-click action; `outgoing` is the selection as it may leave the machine (screened). */
  const startAction = useCallback(
    (job: PanelJob, model: string, outgoing: Outgoing, translateTarget?: string) => {
      const maxChars = settings ? maxInputCharsFor(settings, model) : Number.POSITIVE_INFINITY;
      const tooLong = outgoing.text.length > maxChars;
      if (tooLong && job.action !== 'summarize') {
        controllerRef.current?.abort();
        setState({ ...EMPTY, tooLong: { job, model, outgoing, translateTarget, maxChars } });
        return Promise.resolve();
      }
      const prompt = buildActionPrompt(job.action, outgoing.text, { uiLanguage: language, translateTarget });
      const now = Date.now();
      const conversation: ConversationRecord = {
        id: crypto.randomUUID(),
        kind: 'action',
        action: job.action,
        title: `${t(ACTIONS[job.action].title)}: ${titleFrom(job.text)}`,
        model,
        pageUrl: job.pageUrl,
        pageTitle: job.pageTitle,
        input: job.text,
        translateTarget,
        piiMapping: outgoing.mapping,
        system: prompt.system,
        status: 'interrupted',
        createdAt: now,
        updatedAt: now,
      };
      if (tooLong) return summariseLong(conversation, outgoing.text, model, maxChars);
      const question = newMessage(conversation.id, 'user', prompt.user, model);
      void persist(() => saveMessage(question));
      return runReply(conversation, [question], model);
    },
    [settings, language, t, persist, runReply, summariseLong],
  );

  /** Runs the action of a too-long selection on its first part only, as the user asked. */
  const runFirstPart = useCallback(() => {
    const tooLong = stateRef.current.tooLong;
    if (!tooLong) return Promise.resolve();
    const { job, model, outgoing, translateTarget, maxChars } = tooLong;
    const firstPart = splitIntoChunks(outgoing.text, maxChars)[0] ?? '';
    return startAction(
      { ...job, text: job.text.slice(0, firstPart.length) },
      model,
      { ...outgoing, text: firstPart },
      translateTarget,
    );
  }, [startAction]);

  /** Finishes a cut-off last answer: the model is asked to go on from exactly where it stopped. */
  const continueAnswer = useCallback(
    (model: string) => {
      const { conversation, messages } = stateRef.current;
      const last = messages.at(-1);
      if (!conversation || last?.role !== 'assistant' || last.status !== 'interrupted' || !last.content) {
        return Promise.resolve();
      }
      return runReply(conversation, messages.slice(0, -1), model, last);
    },
    [runReply],
  );

  /**
   * `outgoing` is the message as it may leave the machine; `text` is what the user typed. `start` describes
   * a conversation begun from a template or about a page (used only when no conversation is open).
   */
  const sendChat = useCallback(
    (text: string, model: string, outgoing: Outgoing, start: ChatStart = {}) => {
      const now = Date.now();
      const conversation: ConversationRecord = stateRef.current.conversation ?? {
        id: crypto.randomUUID(),
        kind: 'chat',
        title: start.title ?? titleFrom(text),
        model,
        system: start.system ?? CHAT_SYSTEM_PROMPT,
        pageUrl: start.pageUrl,
        pageTitle: start.pageTitle,
        templateId: start.templateId,
        status: 'interrupted',
        createdAt: now,
        updatedAt: now,
      };
      const withMapping: ConversationRecord = {
        ...conversation,
        piiMapping: [...(conversation.piiMapping ?? []), ...outgoing.mapping],
      };
      const question = newMessage(conversation.id, 'user', outgoing.text, model);
      void persist(() => saveMessage(question));
      return runReply(withMapping, [...stateRef.current.messages, question], model);
    },
    [persist, runReply],
  );

  /** Runs the last answer again, with the same question, on `model`. */
  const retry = useCallback(
    (model: string) => {
      const { conversation, messages } = stateRef.current;
      const last = messages.at(-1);
      if (!conversation || !last) return Promise.resolve();
      const input = conversation.input ?? '';
      if (
        conversation.action === 'summarize' &&
        settings &&
        input.length > maxInputCharsFor(settings, model)
      ) {
        // Screened again with the same placeholders as the first time; the parts are summarised again.
        const outgoing = redactForResend(input, settings.pii, conversation.piiMapping ?? []);
        for (const dropped of messages) void persist(() => deleteMessage(dropped.id));
        return summariseLong(
          { ...conversation, piiMapping: outgoing.mapping },
          outgoing.text,
          model,
          maxInputCharsFor(settings, model),
        );
      }
      // The answer in use is replaced; answers set aside by another model stay.
      const replaced = last.role === 'assistant' ? lastAnswers(messages).filter((m) => !m.superseded) : [];
      for (const message of replaced) void persist(() => deleteMessage(message.id));
      return runReply(
        conversation,
        messages.filter((message) => !replaced.includes(message)),
        model,
      );
    },
    [settings, persist, runReply, summariseLong],
  );

  /**
   * Answers the last question again on another model. Unlike Retry, the earlier answer stays (in history and
   * on screen), set aside; the conversation continues from the new one.
   */
  const answerWithModel = useCallback(
    (model: string) => {
      const { conversation, messages } = stateRef.current;
      const previous = lastAnswers(messages);
      if (!conversation || previous.length === 0 || previous.length === messages.length) {
        return Promise.resolve();
      }
      const setAside = messages.map((message) =>
        previous.includes(message) && !message.superseded ? { ...message, superseded: true } : message,
      );
      for (const message of setAside) {
        if (message.superseded && previous.some((answer) => answer.id === message.id && !answer.superseded)) {
          void persist(() => saveMessage(message));
        }
      }
      return runReply(conversation, setAside, model);
    },
    [persist, runReply],
  );

  /** Translates the same text again into another language: the action's question is rebuilt. */
  const retranslate = useCallback(
    (translateTarget: string, model: string) => {
      const { conversation, messages } = stateRef.current;
      const first = messages[0];
      if (!conversation?.action || conversation.input === undefined || !first || !settings) {
        return Promise.resolve();
      }
      // Screened again, with the same placeholders as the first time: nothing leaves on a second ask either.
      const outgoing = redactForResend(conversation.input, settings.pii, conversation.piiMapping ?? []);
      const prompt = buildActionPrompt(conversation.action, outgoing.text, {
        uiLanguage: language,
        translateTarget,
      });
      const question: MessageRecord = { ...first, content: prompt.user, updatedAt: Date.now() };
      for (const dropped of messages.slice(1)) void persist(() => deleteMessage(dropped.id));
      void persist(() => saveMessage(question));
      return runReply(
        { ...conversation, system: prompt.system, translateTarget, piiMapping: outgoing.mapping },
        [question],
        model,
      );
    },
    [settings, language, persist, runReply],
  );

  const stop = useCallback(() => controllerRef.current?.abort(), []);

  const open = useCallback(async (id: string) => {
    controllerRef.current?.abort();
    const loaded = await loadConversation(id);
    if (loaded) setState({ ...EMPTY, conversation: loaded.conversation, messages: loaded.messages });
  }, []);

  /** Shows a conversation that was continued elsewhere (a kept Compare answer). */
  const adopt = useCallback((conversation: ConversationRecord, messages: MessageRecord[]) => {
    controllerRef.current?.abort();
    setState({ ...EMPTY, conversation, messages });
  }, []);

  const reset = useCallback(() => {
    controllerRef.current?.abort();
    setState(EMPTY);
  }, []);

  const remove = useCallback(
    async (id: string) => {
      if (stateRef.current.conversation?.id === id) reset();
      await persist(() => deleteConversation(id));
    },
    [persist, reset],
  );

  return {
    state,
    startAction,
    sendChat,
    retry,
    answerWithModel,
    retranslate,
    runFirstPart,
    continueAnswer,
    stop,
    open,
    adopt,
    reset,
    remove,
  };
}

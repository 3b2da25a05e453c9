import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { type MapReduceProgress, splitIntoChunks, summariseInParts } from '../utils/actions/long-input';
import { buildActionPrompt } from '../utils/actions/prompt';
import { ACTIONS } from '../utils/actions/registry';
import { messagesInUse } from '../utils/conversation/alternatives';
import { titleFrom } from '../utils/conversation/chat-prompt';
import { continuationMessages } from '../utils/conversation/continue';
import { frameBatcher } from '../utils/conversation/frame-batcher';
import { type ChatStart, newActionConversation, newChat, newMessage } from '../utils/conversation/records';
import {
  anotherModelPlan,
  continuePlan,
  type ReplyPlan,
  retranslatePlan,
  retryPlan,
} from '../utils/conversation/reply-plans';
import { streamAnswer, streamReply, toModelMessages } from '../utils/conversation/stream-reply';
import { GatewayError } from '../utils/gateway/errors';
import { withPermissionCause } from '../utils/gateway/permission';
import type { RetryWait } from '../utils/gateway/retry';
import type { ConversationRecord, MessageRecord } from '../utils/history/db';
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
import { deadlinesFor, gatewayTargetFor, maxInputCharsFor } from '../utils/settings/target';
import type { Persist } from './useHistoryWrites';
import type { Outgoing } from './usePiiGate';

export type { ChatStart };

export interface ConversationState {
  conversation: ConversationRecord | null;
  messages: MessageRecord[];
  /** The assistant message being streamed, if any. */
  streamingId: string | null;
  /** Why an answer failed or stopped, by message id (not stored: the status is). */
  errors: Record<string, GatewayError>;
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

const EMPTY: ConversationState = {
  conversation: null,
  messages: [],
  streamingId: null,
  errors: {},
  retryWait: null,
  progress: null,
  tooLong: null,
};

/** Long enough for the first words to be painted (a frame or two), short enough to lose nothing on a crash. */
const WRITES_AFTER_FIRST_PAINT_MS = 50;

/** The panel's conversation on screen: starting answers (chat, actions, Retry…), and opening or closing one. */
export function useConversation(
  settings: Settings | null,
  language: UiLanguage,
  t: Translator,
  writes: { persist: Persist; hold(): () => void; clearProblem(): void },
) {
  const { persist, hold, clearProblem } = writes;
  // History writes of a new answer wait until its request has gone out (the first piece, or the end).
  const held = useRef<(() => void) | null>(null);
  const holdWrites = useCallback(() => {
    held.current?.();
    held.current = hold();
  }, [hold]);
  const releaseWrites = useCallback(() => {
    held.current?.();
    held.current = null;
  }, []);
  const [state, setState] = useState<ConversationState>(EMPTY);
  const stateRef = useRef(state);
  stateRef.current = state;
  const controllerRef = useRef<AbortController | null>(null);
  /** A new answer takes over from any still streaming: one answer at a time in the conversation. */
  const takeOver = useCallback(() => {
    controllerRef.current?.abort();
    const controller = new AbortController();
    controllerRef.current = controller;
    return controller;
  }, []);

  useEffect(() => () => controllerRef.current?.abort(), []);

  /** Streams a new answer after `history` (what is on screen); the model sees the messages in use. */
  const runReply = useCallback(
    async (
      conversation: ConversationRecord,
      history: MessageRecord[],
      model: string,
      continuing?: MessageRecord,
    ) => {
      if (!settings) return releaseWrites();
      const controller = takeOver();
      const answer = continuing ?? newMessage(conversation.id, 'assistant', '', model);
      const asked = continuing ? { ...answer, model } : answer;
      clearProblem();
      setState((current) => ({
        ...current,
        conversation,
        messages: [...history, asked],
        streamingId: answer.id,
        retryWait: null,
        tooLong: null,
        errors: Object.fromEntries(Object.entries(current.errors).filter(([id]) => id !== answer.id)),
      }));
      void persist(() => saveConversation({ ...conversation, model, updatedAt: Date.now() }));
      if (!continuing) void persist(() => saveMessage(answer));

      let latest = answer.content;
      const batcher = frameBatcher(() =>
        setState((current) => ({
          ...current,
          messages: current.messages.map((m) => (m.id === answer.id ? { ...m, content: latest } : m)),
        })),
      );
      const inUse = toModelMessages(messagesInUse(history));
      const { message, error } = await streamAnswer({
        settings,
        conversation,
        messages: continuing ? continuationMessages(inUse, continuing.content) : inUse,
        answer: asked,
        continuing: Boolean(continuing),
        signal: controller.signal,
        onText: (text, first) => {
          latest = text;
          if (first) {
            // The first words are rendered now, not in a later task, and the held history writes run after
            // they are painted: neither may stand between the first token and the screen.
            flushSync(batcher.flushNow);
            setTimeout(releaseWrites, WRITES_AFTER_FIRST_PAINT_MS);
          } else batcher.schedule();
        },
        onRetryWait: (retryWait) => {
          releaseWrites();
          setState((current) => ({ ...current, retryWait }));
        },
        save: (record) => persist(() => saveMessage(record)),
        onEnd: releaseWrites,
      });
      batcher.cancel();
      const finished: ConversationRecord = {
        ...conversation,
        model,
        status: message.status,
        updatedAt: message.updatedAt,
      };
      if (controllerRef.current === controller) controllerRef.current = null;
      setState((current) => {
        if (current.conversation?.id !== conversation.id) return current;
        return {
          ...current,
          conversation: finished,
          messages: current.messages.map((m) => (m.id === answer.id ? message : m)),
          streamingId: current.streamingId === answer.id ? null : current.streamingId,
          retryWait: null,
          progress: null,
          errors: error ? { ...current.errors, [answer.id]: error } : current.errors,
        };
      });
      await persist(() => saveConversation(finished));
    },
    [settings, persist, clearProblem, takeOver, releaseWrites],
  );

  const runPlan = useCallback(
    (plan: ReplyPlan | null, model: string) => {
      if (!plan) return Promise.resolve();
      holdWrites();
      for (const dropped of plan.drop) void persist(() => deleteMessage(dropped.id));
      for (const saved of plan.save) void persist(() => saveMessage(saved));
      return runReply(plan.conversation, plan.history, model, plan.continuing);
    },
    [persist, runReply, holdWrites],
  );

  /**
   * A summary of a text too long for one request: the parts are summarised first (progress "n / m"), then
   * the combining step streams as the answer. Stop works throughout.
   */
  const summariseLong = useCallback(
    async (conversation: ConversationRecord, outgoingText: string, model: string, maxChars: number) => {
      if (!settings) return;
      const controller = takeOver();
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
    [settings, language, persist, runReply, takeOver],
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
      const conversation = newActionConversation({
        action: job.action,
        title: `${t(ACTIONS[job.action].title)}: ${titleFrom(job.text)}`,
        model,
        system: prompt.system,
        input: job.text,
        pageUrl: job.pageUrl,
        pageTitle: job.pageTitle,
        translateTarget,
        piiMapping: outgoing.mapping,
      });
      if (tooLong) return summariseLong(conversation, outgoing.text, model, maxChars);
      const question = newMessage(conversation.id, 'user', prompt.user, model);
      holdWrites();
      void persist(() => saveMessage(question));
      return runReply(conversation, [question], model);
    },
    [settings, language, t, persist, runReply, summariseLong, holdWrites],
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

  /**
   * `outgoing` is the message as it may leave the machine; `text` is what the user typed. `start` describes
   * a conversation begun from a template or about a page (used only when no conversation is open).
   */
  const sendChat = useCallback(
    (text: string, model: string, outgoing: Outgoing, start: ChatStart = {}) => {
      const conversation = stateRef.current.conversation ?? newChat(text, model, start);
      const withMapping: ConversationRecord = {
        ...conversation,
        piiMapping: [...(conversation.piiMapping ?? []), ...outgoing.mapping],
      };
      const asked = newMessage(conversation.id, 'user', outgoing.text, model);
      const question = start.shown ? { ...asked, shown: start.shown } : asked;
      holdWrites();
      void persist(() => saveMessage(question));
      return runReply(withMapping, [...stateRef.current.messages, question], model);
    },
    [persist, runReply, holdWrites],
  );

  /** Runs the last answer again, with the same question, on `model`. */
  const retry = useCallback(
    (model: string) => {
      const { conversation, messages } = stateRef.current;
      if (!conversation) return Promise.resolve();
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
      return runPlan(retryPlan(conversation, messages), model);
    },
    [settings, persist, runPlan, summariseLong],
  );

  /** Plans that need only what is on screen: Continue, another model, another target language. */
  const continueAnswer = useCallback(
    (model: string) => {
      const { conversation, messages } = stateRef.current;
      return runPlan(conversation && continuePlan(conversation, messages), model);
    },
    [runPlan],
  );
  const answerWithModel = useCallback(
    (model: string) => {
      const { conversation, messages } = stateRef.current;
      return runPlan(conversation && anotherModelPlan(conversation, messages), model);
    },
    [runPlan],
  );
  const retranslate = useCallback(
    (translateTarget: string, model: string) => {
      const { conversation, messages } = stateRef.current;
      if (!conversation || !settings) return Promise.resolve();
      return runPlan(retranslatePlan(conversation, messages, translateTarget, language, settings.pii), model);
    },
    [settings, language, runPlan],
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

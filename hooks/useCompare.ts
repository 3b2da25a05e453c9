import { useCallback, useEffect, useRef, useState } from 'react';
import { keepAnswer, lastAnswers, messagesInUse } from '../utils/conversation/alternatives';
import { frameBatcher } from '../utils/conversation/frame-batcher';
import { newChat, newMessage } from '../utils/conversation/records';
import { streamAnswer, toModelMessages } from '../utils/conversation/stream-reply';
import type { GatewayError } from '../utils/gateway/errors';
import type { RetryWait } from '../utils/gateway/retry';
import type { ConversationRecord, MessageRecord } from '../utils/history/db';
import { saveConversation, saveMessage } from '../utils/history/store';
import type { Settings } from '../utils/settings/schema';
import type { Persist } from './useHistoryWrites';
import type { Outgoing } from './usePiiGate';

export const COMPARE_MAX_MODELS = 3;

export interface CompareState {
  conversation: ConversationRecord;
  /** Everything on screen before the answers: the last question, and any earlier answers to it (set aside). */
  history: MessageRecord[];
  answers: MessageRecord[];
  streamingIds: string[];
  errors: Record<string, GatewayError>;
  /** Answers waiting for an automatic retry (429, 5xx), by answer id: each counts down on its own. */
  retryWaits: Record<string, RetryWait>;
}

function withAnswer(
  state: CompareState | null,
  id: string,
  change: (answer: MessageRecord) => MessageRecord,
) {
  return state && { ...state, answers: state.answers.map((a) => (a.id === id ? change(a) : a)) };
}

/**
 * The same question to two or three models at once. Each answer streams on its own request (its own
 * AbortController; Stop stops them all) through the same path as a chat answer (stream-reply.ts): the
 * policy's deadlines, retries with a countdown, saved while it streams. The first answer is the one in use
 * until the user keeps another; the rest are kept as set-aside answers.
 */
export function useCompare(settings: Settings | null, writes: { persist: Persist; clearProblem(): void }) {
  const { persist, clearProblem } = writes;
  const [state, setState] = useState<CompareState | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const controllers = useRef(new Set<AbortController>());

  const stop = useCallback(() => {
    for (const controller of controllers.current) controller.abort();
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback(
    async (conversation: ConversationRecord, history: MessageRecord[], models: string[]) => {
      if (!settings) return;
      stop();
      clearProblem();
      const answers = models.map((model, index) => ({
        ...newMessage(conversation.id, 'assistant', '', model),
        ...(index > 0 ? { superseded: true } : {}),
      }));
      setState({
        conversation,
        history,
        answers,
        streamingIds: answers.map((a) => a.id),
        errors: {},
        retryWaits: {},
      });
      void persist(() =>
        saveConversation({ ...conversation, model: models[0] ?? '', updatedAt: Date.now() }),
      );
      for (const answer of answers) void persist(() => saveMessage(answer));

      const messages = toModelMessages(messagesInUse(history));
      await Promise.all(
        answers.map(async (answer) => {
          const controller = new AbortController();
          controllers.current.add(controller);
          let latest = '';
          const batcher = frameBatcher(() =>
            setState((current) => withAnswer(current, answer.id, (a) => ({ ...a, content: latest }))),
          );
          const { message, error } = await streamAnswer({
            settings,
            conversation,
            messages,
            answer,
            signal: controller.signal,
            onText: (text, first) => {
              latest = text;
              if (first) batcher.flushNow();
              else batcher.schedule();
            },
            onRetryWait: (wait) =>
              setState((current) => {
                if (!current) return current;
                const { [answer.id]: _, ...others } = current.retryWaits;
                return { ...current, retryWaits: wait ? { ...others, [answer.id]: wait } : others };
              }),
            save: (record) => persist(() => saveMessage(record)),
          });
          batcher.cancel();
          controllers.current.delete(controller);
          setState((current) => {
            if (!current || current.conversation.id !== conversation.id) return current;
            const next = withAnswer(current, answer.id, (a) => ({ ...message, superseded: a.superseded }));
            return (
              next && {
                ...next,
                streamingIds: current.streamingIds.filter((id) => id !== answer.id),
                errors: error ? { ...current.errors, [answer.id]: error } : current.errors,
              }
            );
          });
        }),
      );
      await persist(() => saveConversation({ ...conversation, status: 'complete', updatedAt: Date.now() }));
    },
    [settings, persist, clearProblem, stop],
  );

  /** A new question from the chat box, asked of every model in `models`. */
  const compareChat = useCallback(
    (
      text: string,
      outgoing: Outgoing,
      models: string[],
      current: { conversation: ConversationRecord | null; messages: MessageRecord[] },
    ) => {
      const base = current.conversation ?? newChat(text, models[0] ?? '');
      const conversation = { ...base, piiMapping: [...(base.piiMapping ?? []), ...outgoing.mapping] };
      const question = newMessage(conversation.id, 'user', outgoing.text, models[0] ?? '');
      void persist(() => saveMessage(question));
      return run(conversation, [...current.messages, question], models);
    },
    [persist, run],
  );

  /** The last question of a conversation (e.g. an action's) asked again of `models`; its answers stay. */
  const compareLastQuestion = useCallback(
    (conversation: ConversationRecord, messages: MessageRecord[], models: string[]) => {
      const previous = lastAnswers(messages);
      const history = messages.map((message) =>
        previous.includes(message) ? { ...message, superseded: true } : message,
      );
      for (const message of previous) void persist(() => saveMessage({ ...message, superseded: true }));
      return run(conversation, history, models);
    },
    [persist, run],
  );

  /** Makes one answer the conversation's answer; resolves with the conversation to continue. */
  const keep = useCallback(
    async (answerId: string) => {
      const current = stateRef.current;
      if (!current) return null;
      const messages = keepAnswer([...current.history, ...current.answers], answerId);
      const kept = messages.find((message) => message.id === answerId);
      for (const message of lastAnswers(messages)) void persist(() => saveMessage(message));
      // The conversation is as finished as the answer kept (its record still says "being written").
      const conversation = {
        ...current.conversation,
        model: kept?.model ?? current.conversation.model,
        status: kept?.status ?? current.conversation.status,
      };
      await persist(() => saveConversation({ ...conversation, updatedAt: Date.now() }));
      setState(null);
      return { conversation, messages };
    },
    [persist],
  );

  const close = useCallback(() => {
    stop();
    setState(null);
  }, [stop]);

  return { state, compareChat, compareLastQuestion, keep, stop, close };
}

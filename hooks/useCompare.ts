import { useCallback, useEffect, useRef, useState } from 'react';
import { keepAnswer, lastAnswers, messagesInUse } from '../utils/conversation/alternatives';
import { CHAT_SYSTEM_PROMPT, titleFrom } from '../utils/conversation/chat-prompt';
import { streamReply, toModelMessages } from '../utils/conversation/stream-reply';
import type { GatewayError } from '../utils/gateway/errors';
import { withPermissionCause } from '../utils/gateway/permission';
import type { ConversationRecord, MessageRecord } from '../utils/history/db';
import { saveConversation, saveMessage } from '../utils/history/store';
import type { Settings } from '../utils/settings/schema';
import { gatewayTargetFor, requestUser } from '../utils/settings/target';
import { recordAnswerUse } from '../utils/usage/stats';
import { frameBatcher, newMessage } from './useConversation';
import type { Outgoing } from './usePiiGate';

export const COMPARE_MAX_MODELS = 3;

export interface CompareState {
  conversation: ConversationRecord;
  /** Everything on screen before the answers: the last question, and any earlier answers to it (set aside). */
  history: MessageRecord[];
  answers: MessageRecord[];
  streamingIds: string[];
  errors: Record<string, GatewayError>;
}

/**
 * The same question to two or three models at once. Each answer streams on its own request (its own
 * AbortController; Stop stops them all) and is saved to history with its model. The first answer is the one
 * in use until the user keeps another; the rest are kept as set-aside answers.
 */
export function useCompare(settings: Settings | null) {
  const [state, setState] = useState<CompareState | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;
  const controllers = useRef(new Set<AbortController>());
  const writes = useRef<Promise<unknown>>(Promise.resolve());
  const historyEnabled = settings?.history.enabled ?? true;

  const persist = useCallback(
    (write: () => Promise<unknown>) => {
      if (!historyEnabled) return writes.current;
      writes.current = writes.current.then(write).catch(() => {});
      return writes.current;
    },
    [historyEnabled],
  );

  const stop = useCallback(() => {
    for (const controller of controllers.current) controller.abort();
  }, []);
  useEffect(() => stop, [stop]);

  const run = useCallback(
    async (conversation: ConversationRecord, history: MessageRecord[], models: string[]) => {
      if (!settings) return;
      stop();
      const answers = models.map((model, index) => ({
        ...newMessage(conversation.id, 'assistant', '', model),
        ...(index > 0 ? { superseded: true } : {}),
      }));
      setState({ conversation, history, answers, streamingIds: answers.map((a) => a.id), errors: {} });
      void persist(() =>
        saveConversation({ ...conversation, model: models[0] ?? '', updatedAt: Date.now() }),
      );
      for (const answer of answers) void persist(() => saveMessage(answer));

      const request = { system: conversation.system, messages: toModelMessages(messagesInUse(history)) };
      const user = requestUser(settings);
      await Promise.all(
        answers.map(async (answer) => {
          const controller = new AbortController();
          controllers.current.add(controller);
          let latest = '';
          const batcher = frameBatcher(() =>
            setState(
              (current) =>
                current && {
                  ...current,
                  answers: current.answers.map((a) => (a.id === answer.id ? { ...a, content: latest } : a)),
                },
            ),
          );
          const target = gatewayTargetFor(settings, answer.model);
          const outcome = await streamReply(
            target,
            { ...request, model: answer.model, user },
            controller.signal,
            (text) => {
              latest = text;
              batcher.schedule();
            },
          );
          batcher.cancel();
          controllers.current.delete(controller);
          const error = outcome.error && (await withPermissionCause(outcome.error, target.baseUrl));
          const now = Date.now();
          const finished: MessageRecord = {
            ...answer,
            content: outcome.text,
            status: outcome.status,
            errorKind: error?.kind,
            ...(outcome.usage ? { usage: outcome.usage } : {}),
            updatedAt: now,
          };
          setState((current) => {
            if (!current || current.conversation.id !== conversation.id) return current;
            return {
              ...current,
              answers: current.answers.map((a) =>
                a.id === answer.id ? { ...finished, superseded: a.superseded } : a,
              ),
              streamingIds: current.streamingIds.filter((id) => id !== answer.id),
              errors: error ? { ...current.errors, [answer.id]: error } : current.errors,
            };
          });
          await persist(() => saveMessage(finished));
          if (outcome.status !== 'error') {
            void recordAnswerUse({
              at: new Date(now),
              model: answer.model,
              action: conversation.action ?? 'chat',
              templateId: conversation.templateId,
              usage: outcome.usage,
            }).catch(() => {});
          }
        }),
      );
      await persist(() => saveConversation({ ...conversation, status: 'complete', updatedAt: Date.now() }));
    },
    [settings, persist, stop],
  );

  /** A new question from the chat box, asked of every model in `models`. */
  const compareChat = useCallback(
    (
      text: string,
      outgoing: Outgoing,
      models: string[],
      current: { conversation: ConversationRecord | null; messages: MessageRecord[] },
    ) => {
      const now = Date.now();
      const base: ConversationRecord = current.conversation ?? {
        id: crypto.randomUUID(),
        kind: 'chat',
        title: titleFrom(text),
        model: models[0] ?? '',
        system: CHAT_SYSTEM_PROMPT,
        status: 'interrupted',
        createdAt: now,
        updatedAt: now,
      };
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
      const conversation = { ...current.conversation, model: kept?.model ?? current.conversation.model };
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

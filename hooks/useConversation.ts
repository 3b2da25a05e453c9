import { useCallback, useEffect, useRef, useState } from 'react';
import { buildActionPrompt } from '../utils/actions/prompt';
import { ACTIONS } from '../utils/actions/registry';
import { CHAT_SYSTEM_PROMPT, titleFrom } from '../utils/conversation/chat-prompt';
import { streamReply, toModelMessages } from '../utils/conversation/stream-reply';
import type { GatewayError } from '../utils/gateway/errors';
import { withPermissionCause } from '../utils/gateway/permission';
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
import { reapplyRedaction } from '../utils/pii/redact';
import type { Settings } from '../utils/settings/schema';
import { gatewayTargetFor, requestUser } from '../utils/settings/target';
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
};
const SAVE_INTERVAL_MS = 500;

function newMessage(conversationId: string, role: MessageRecord['role'], content: string, model: string) {
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
function frameBatcher(flush: () => void) {
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

  const runReply = useCallback(
    async (conversation: ConversationRecord, history: MessageRecord[], model: string) => {
      if (!settings) return;
      controllerRef.current?.abort();
      const controller = new AbortController();
      controllerRef.current = controller;
      const assistant = newMessage(conversation.id, 'assistant', '', model);
      setState((current) => ({
        ...current,
        conversation,
        messages: [...history, assistant],
        streamingId: assistant.id,
        saveProblem: null,
      }));
      void persist(() => saveConversation({ ...conversation, model, updatedAt: Date.now() }));
      void persist(() => saveMessage(assistant));

      let latest = '';
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
          messages: toModelMessages(history),
          user: requestUser(settings),
        },
        controller.signal,
        (text) => {
          latest = text;
          batcher.schedule();
          // Written while streaming, so a closed panel or a crash still leaves the answer so far in history.
          if (Date.now() - lastSave >= SAVE_INTERVAL_MS) {
            lastSave = Date.now();
            void persist(() => saveMessage({ ...assistant, content: text, updatedAt: lastSave }));
          }
        },
      );
      batcher.cancel();
      const error = outcome.error && (await withPermissionCause(outcome.error, target.baseUrl));
      const now = Date.now();
      const finished: MessageRecord = {
        ...assistant,
        content: outcome.text,
        status: outcome.status,
        errorKind: error?.kind,
        updatedAt: now,
      };
      const finishedConversation: ConversationRecord = {
        ...conversation,
        model,
        status: outcome.status,
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
          errors,
        };
      });
      await persist(() => saveMessage(finished));
      await persist(() => saveConversation(finishedConversation));
    },
    [settings, persist],
  );

  /** Runs a right-click action; `outgoing` is the selection as it may leave the machine (screened). */
  const startAction = useCallback(
    (job: PanelJob, model: string, outgoing: Outgoing, translateTarget?: string) => {
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
      const question = newMessage(conversation.id, 'user', prompt.user, model);
      void persist(() => saveMessage(question));
      return runReply(conversation, [question], model);
    },
    [language, t, persist, runReply],
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
      const history = last.role === 'assistant' ? messages.slice(0, -1) : messages;
      if (last.role === 'assistant') void persist(() => deleteMessage(last.id));
      return runReply(conversation, history, model);
    },
    [persist, runReply],
  );

  /** Translates the same text again into another language: the action's question is rebuilt. */
  const retranslate = useCallback(
    (translateTarget: string, model: string) => {
      const { conversation, messages } = stateRef.current;
      const first = messages[0];
      if (!conversation?.action || conversation.input === undefined || !first) return Promise.resolve();
      // The same placeholders as the first time: personal data never leaves on a second ask either.
      const outgoingInput = reapplyRedaction(conversation.input, conversation.piiMapping ?? []);
      const prompt = buildActionPrompt(conversation.action, outgoingInput, {
        uiLanguage: language,
        translateTarget,
      });
      const question: MessageRecord = { ...first, content: prompt.user, updatedAt: Date.now() };
      for (const dropped of messages.slice(1)) void persist(() => deleteMessage(dropped.id));
      void persist(() => saveMessage(question));
      return runReply({ ...conversation, system: prompt.system, translateTarget }, [question], model);
    },
    [language, persist, runReply],
  );

  const stop = useCallback(() => controllerRef.current?.abort(), []);

  const open = useCallback(async (id: string) => {
    controllerRef.current?.abort();
    const loaded = await loadConversation(id);
    if (loaded) setState({ ...EMPTY, conversation: loaded.conversation, messages: loaded.messages });
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

  return { state, startAction, sendChat, retry, retranslate, stop, open, reset, remove };
}

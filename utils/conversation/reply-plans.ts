import { buildActionPrompt } from '../actions/prompt';
import type { ConversationRecord, MessageRecord } from '../history/db';
import type { UiLanguage } from '../i18n';
import { redactForResend } from '../pii/resend';
import type { PiiConfig } from '../pii/screen';
import { lastAnswers } from './alternatives';

/**
 * What a new answer needs, worked out from what is on screen: the conversation, the messages before the
 * answer, and the history writes that must happen first. Retry, Continue, another model and a new target
 * language each make one; the panel runs them all the same way.
 */
export interface ReplyPlan {
  conversation: ConversationRecord;
  history: MessageRecord[];
  /** A cut-off answer to finish: the new text is appended to it, in the same message. */
  continuing?: MessageRecord;
  /** Answers removed from history (a Retry replaces the answer in use). */
  drop: MessageRecord[];
  /** Messages written before the answer starts. */
  save: MessageRecord[];
}

/** Finishes a cut-off last answer; only the last answer, stopped with text, can be continued. */
export function continuePlan(conversation: ConversationRecord, messages: MessageRecord[]): ReplyPlan | null {
  const last = messages.at(-1);
  if (last?.role !== 'assistant' || last.status !== 'interrupted' || !last.content) return null;
  return { conversation, history: messages.slice(0, -1), continuing: last, drop: [], save: [] };
}

/** The last answer again, with the same question: the answer in use is replaced, set-aside answers stay. */
export function retryPlan(conversation: ConversationRecord, messages: MessageRecord[]): ReplyPlan | null {
  const last = messages.at(-1);
  if (!last) return null;
  const replaced = last.role === 'assistant' ? lastAnswers(messages).filter((m) => !m.superseded) : [];
  return {
    conversation,
    history: messages.filter((message) => !replaced.includes(message)),
    drop: replaced,
    save: [],
  };
}

/** The last question on another model: the earlier answers stay, set aside; the new one is in use. */
export function anotherModelPlan(
  conversation: ConversationRecord,
  messages: MessageRecord[],
): ReplyPlan | null {
  const previous = lastAnswers(messages);
  if (previous.length === 0 || previous.length === messages.length) return null;
  const newlySetAside = previous.filter((message) => !message.superseded);
  const history = messages.map((message) =>
    newlySetAside.includes(message) ? { ...message, superseded: true } : message,
  );
  return {
    conversation,
    history,
    drop: [],
    save: history.filter((message) => newlySetAside.some((answer) => answer.id === message.id)),
  };
}

/** An action's text translated again into another language: the question is rebuilt, later turns go. */
export function retranslatePlan(
  conversation: ConversationRecord,
  messages: MessageRecord[],
  translateTarget: string,
  uiLanguage: UiLanguage,
  pii: PiiConfig,
): ReplyPlan | null {
  const first = messages[0];
  if (!conversation.action || conversation.input === undefined || !first) return null;
  // Screened again, with the same placeholders as the first time: nothing leaves on a second ask either.
  const outgoing = redactForResend(conversation.input, pii, conversation.piiMapping ?? []);
  const prompt = buildActionPrompt(conversation.action, outgoing.text, { uiLanguage, translateTarget });
  const question: MessageRecord = { ...first, content: prompt.user, updatedAt: Date.now() };
  return {
    conversation: { ...conversation, system: prompt.system, translateTarget, piiMapping: outgoing.mapping },
    history: [question],
    drop: messages.slice(1),
    save: [question],
  };
}

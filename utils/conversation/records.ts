import type { ActionId } from '../actions/types';
import type { ConversationRecord, MessageRecord } from '../history/db';
import { nextMessageSeq } from '../history/order';
import type { PiiReplacement } from '../pii/redact';
import { CHAT_SYSTEM_PROMPT, titleFrom } from './chat-prompt';

/** A new message; an answer starts as `interrupted` until its stream ends, so a crash leaves it marked so. */
export function newMessage(
  conversationId: string,
  role: MessageRecord['role'],
  content: string,
  model: string,
): MessageRecord {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    conversationId,
    role,
    content,
    model,
    status: role === 'user' ? 'complete' : 'interrupted',
    seq: nextMessageSeq(now),
    createdAt: now,
    updatedAt: now,
  };
}

/** How a new chat begins when it is not a plain question. */
export interface ChatStart {
  title?: string;
  system?: string;
  pageUrl?: string;
  pageTitle?: string;
  templateId?: string;
  /** What the question's bubble shows instead of the prompt (a template's filled-in fields). */
  shown?: string;
}

/** A chat conversation begun by `text` (a plain question, a template or a question about a page). */
export function newChat(text: string, model: string, start: ChatStart = {}): ConversationRecord {
  const now = Date.now();
  return {
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
}

/** A right-click action's conversation; `input` is the selection as the user sees it. */
export function newActionConversation(fields: {
  action: ActionId;
  title: string;
  model: string;
  system: string;
  input: string;
  pageUrl?: string;
  pageTitle?: string;
  translateTarget?: string;
  piiMapping: PiiReplacement[];
}): ConversationRecord {
  const now = Date.now();
  return {
    id: crypto.randomUUID(),
    kind: 'action',
    ...fields,
    status: 'interrupted',
    createdAt: now,
    updatedAt: now,
  };
}

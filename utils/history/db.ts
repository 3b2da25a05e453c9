import Dexie, { type EntityTable } from 'dexie';
import type { ActionId } from '../actions/types';
import type { PiiReplacement } from '../pii/redact';
import type { SearchIndexRecord } from './index-format';
import { addSearchIndex } from './migrations/v1-to-v2';
import { addMessageOrder } from './migrations/v2-to-v3';

/** `complete` answers finished; `interrupted` ones were stopped, dropped or are still being written. */
export type EntryStatus = 'complete' | 'interrupted' | 'error';

export interface ConversationRecord {
  id: string;
  kind: 'chat' | 'action';
  action?: ActionId;
  /** The built-in or policy template this conversation started from. */
  templateId?: string;
  title: string;
  /** Model of the latest answer. */
  model: string;
  pageUrl?: string;
  pageTitle?: string;
  /** The text the action was run on, exactly as selected. */
  input?: string;
  translateTarget?: string;
  /**
   * Placeholders that stood in for personal data in what the model saw, with the originals: kept on this
   * PC only, so answers are shown with the real values.
   */
  piiMapping?: PiiReplacement[];
  /** System prompt, resent with every follow-up in this conversation. */
  system: string;
  status: EntryStatus;
  createdAt: number;
  updatedAt: number;
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export interface MessageRecord {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  /** Exactly what the model saw (user) or said (assistant). */
  content: string;
  /**
   * What the user's bubble shows when it is not `content`: a template's filled-in fields instead of the
   * prompt built from them.
   */
  shown?: string;
  model: string;
  status: EntryStatus;
  /** GatewayError kind when status is `error`. */
  errorKind?: string;
  /** Tokens the gateway counted for this answer, when it said (not every gateway does). */
  usage?: TokenUsage;
  /**
   * Another model's answer to the same question, kept in history but not what the conversation continues
   * from ("Try with another model", Compare).
   */
  superseded?: boolean;
  /** Its place in the conversation (see order.ts): `createdAt` alone cannot tell a question from its answer. */
  seq: number;
  createdAt: number;
  updatedAt: number;
}

/** The database name `tatakidai` is a contract: other features and admins' retention rules rely on it. */
export class HistoryDatabase extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  messages!: EntityTable<MessageRecord, 'id'>;
  /** The search index, derived from the two tables above (see index-format.ts); never exported. */
  searchIndex!: EntityTable<SearchIndexRecord, 'key'>;

  constructor() {
    super('tatakidai');
    this.version(1).stores({
      conversations: 'id, updatedAt, kind',
      messages: 'id, [conversationId+createdAt]',
    });
    this.version(2).stores({ searchIndex: 'key' }).upgrade(addSearchIndex);
    this.version(3)
      .stores({ messages: 'id, [conversationId+createdAt], [conversationId+seq]' })
      .upgrade(addMessageOrder);
  }
}

export const db = new HistoryDatabase();

import Dexie, { type EntityTable } from 'dexie';
import type { ActionId } from '../actions/types';

/** `complete` answers finished; `interrupted` ones were stopped, dropped or are still being written. */
export type EntryStatus = 'complete' | 'interrupted' | 'error';

export interface ConversationRecord {
  id: string;
  kind: 'chat' | 'action';
  action?: ActionId;
  title: string;
  /** Model of the latest answer. */
  model: string;
  pageUrl?: string;
  pageTitle?: string;
  /** The text the action was run on, exactly as selected. */
  input?: string;
  translateTarget?: string;
  /** System prompt, resent with every follow-up in this conversation. */
  system: string;
  status: EntryStatus;
  createdAt: number;
  updatedAt: number;
}

export interface MessageRecord {
  id: string;
  conversationId: string;
  role: 'user' | 'assistant';
  /** Exactly what the model saw (user) or said (assistant). */
  content: string;
  model: string;
  status: EntryStatus;
  /** GatewayError kind when status is `error`. */
  errorKind?: string;
  createdAt: number;
  updatedAt: number;
}

/** The database name `tatakidai` is a contract: other features and admins' retention rules rely on it. */
export class HistoryDatabase extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'id'>;
  messages!: EntityTable<MessageRecord, 'id'>;

  constructor() {
    super('tatakidai');
    this.version(1).stores({
      conversations: 'id, updatedAt, kind',
      messages: 'id, [conversationId+createdAt]',
    });
  }
}

export const db = new HistoryDatabase();

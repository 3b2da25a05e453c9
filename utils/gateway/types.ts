import type { ApiFormat } from '../settings/schema';

export interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** Where and how to reach the model: resolved from settings (and later policy) before each request. */
export interface GatewayTarget {
  baseUrl: string;
  apiFormat: ApiFormat;
  /** Secret sent in `authHeader`; empty when the gateway authenticates by network or SSO. */
  apiKey: string;
  /** Header carrying the key. Empty means the format's usual one (Authorization / x-api-key). */
  authHeader: string;
  /** Prefix written before the key, e.g. "Bearer". */
  authScheme: string;
  /** Extra static headers the organisation's gateway wants on every request. */
  headers: Record<string, string>;
  /**
   * With sign-in (`gateway.auth.source: "oidc"`): the signed-in person's access token, sent in place of
   * `apiKey`. Given the token the gateway refused, it returns a renewed one (access-token.ts).
   */
  accessToken?: (rejected?: string) => Promise<string>;
}

export interface GatewayRequest {
  model: string;
  system: string;
  messages: ChatMessage[];
  maxTokens?: number;
  /** Who asked, for the gateway's audit log (OpenAI `user`, Anthropic `metadata.user_id`). */
  user?: string;
}

export type Delta =
  | { type: 'text'; text: string }
  /** The answer starts again from nothing (after a renewed sign-in mid-answer): drop the text so far. */
  | { type: 'restart' }
  | { type: 'usage'; inputTokens: number; outputTokens: number }
  /** The model thinking before it answers (`reasoning_content`, `reasoning`, thinking blocks): never the answer. */
  | { type: 'reasoning'; text: string }
  /** The server stopped at its length limit (`finish_reason: length`, `stop_reason: max_tokens`). */
  | { type: 'cut-off' };

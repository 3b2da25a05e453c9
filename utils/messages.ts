import { browser } from 'wxt/browser';
import { z } from 'zod';
import { actionIdSchema } from './actions/registry';
import type { AuthFailure } from './auth/errors';

/**
 * The one message contract between the background and our own pages. Everything received is validated;
 * anything not sent by one of our extension pages is ignored (web pages and content scripts never reach it).
 */

/** A right-click action waiting for the side panel: written by the background, claimed by the panel. */
export const panelJobSchema = z.object({
  id: z.string(),
  action: actionIdSchema,
  text: z.string(),
  pageUrl: z.string(),
  pageTitle: z.string(),
  tabId: z.number().int(),
  frameId: z.number().int(),
  windowId: z.number().int(),
  /** Set when the selection could not be read; the panel explains it instead of running. */
  problem: z.enum(['selection_empty', 'selection_unreadable', 'site_blocked', 'action_disabled']).optional(),
  /** The text came from an input, textarea or contenteditable: "Replace selection" can write it back. */
  editable: z.boolean(),
});
export type PanelJob = z.infer<typeof panelJobSchema>;

/**
 * "Ask about this page" / "Summarise this page" from the page's right-click menu or a shortcut: the page's
 * HTML, captured after the gesture, for the panel to extract the main text from (never done in the page).
 */
export const pageJobSchema = z.object({
  kind: z.literal('page'),
  id: z.string(),
  mode: z.enum(['ask', 'summarize']),
  /** The page's HTML, capped in size; empty when `problem` is set. */
  html: z.string(),
  pageUrl: z.string(),
  pageTitle: z.string(),
  tabId: z.number().int(),
  windowId: z.number().int(),
  problem: z.enum(['site_blocked', 'page_unreadable', 'action_disabled']).optional(),
  /** `application/pdf`: the panel fetches and reads the PDF itself (`html` is empty). */
  contentType: z.string().optional(),
});
export type PageJob = z.infer<typeof pageJobSchema>;

/** Whatever waits for the panel: a right-click on a selection, or a whole page. */
export const queuedJobSchema = z.union([pageJobSchema, panelJobSchema]);
export type QueuedJob = z.infer<typeof queuedJobSchema>;

const messageSchema = z.discriminatedUnion('type', [
  /** background → panels: a job is waiting. */
  z.object({ type: z.literal('job-ready'), windowId: z.number().int() }),
  /** panel → background: hand me the job for my window, if any. */
  z.object({ type: z.literal('claim-job'), windowId: z.number().int() }),
  /**
   * page → background: the signed-in person's access token. `rejected`: the token the gateway just
   * refused, so it is renewed unless another request already did. The background alone renews tokens, so
   * two pages never spend the same refresh token.
   */
  z.object({ type: z.literal('auth-token'), rejected: z.string().optional() }),
  /** page → background: open the provider's sign-in page (in a tab when the sign-in window fails). */
  z.object({ type: z.literal('auth-sign-in'), inTab: z.boolean() }),
  /** page → background: forget the tokens and revoke them at the provider. */
  z.object({ type: z.literal('auth-sign-out') }),
]);
export type Message = z.infer<typeof messageSchema>;

interface Responses {
  'job-ready': undefined;
  'claim-job': QueuedJob | null;
  'auth-token': AuthAnswer<{ accessToken: string }>;
  'auth-sign-in': AuthAnswer<object>;
  'auth-sign-out': undefined;
}

/** Sign-in answers are values, never thrown: an error crossing the message boundary loses its kind. */
export type AuthAnswer<T> = ({ ok: true } & T) | { ok: false; failure: AuthFailure };

export async function sendMessage<M extends Message>(message: M): Promise<Responses[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<Responses[M['type']]>;
}

type Handlers = {
  [T in Message['type']]?: (message: Extract<Message, { type: T }>) => Promise<Responses[T]>;
};

/**
 * True only for our own extension pages. Code we inject into a web page also counts as "our extension" for
 * the browser, but its sender URL is the web page's, so the origin check keeps pages out.
 */
function fromOwnPage(sender: { id?: string; url?: string }): boolean {
  const ownOrigin = browser.runtime.getURL('/');
  return sender.id === browser.runtime.id && (sender.url?.startsWith(ownOrigin) ?? false);
}

/** Handles the listed message types; returns the unsubscribe. */
export function listenForMessages(handlers: Handlers): () => void {
  const listener = (raw: unknown, sender: { id?: string; url?: string }) => {
    if (!fromOwnPage(sender)) return undefined;
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success) return undefined;
    const message = parsed.data;
    const handler = handlers[message.type] as ((m: Message) => Promise<unknown>) | undefined;
    return handler ? handler(message) : undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

import { browser } from 'wxt/browser';
import { z } from 'zod';

/**
 * The signed-in session lives only in `storage.session`: in memory, gone when the browser closes, never
 * written to disk, to IndexedDB, to history or to an export. Our extension pages can read it (the panel shows
 * who is signed in); content scripts cannot (Chrome's default access level for this area).
 */
const KEY = 'signIn';

export const signedInUserSchema = z.object({
  sub: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
});
export type SignedInUser = z.infer<typeof signedInUserSchema>;

const storedSessionSchema = z.object({
  /** Which provider and client issued it: a policy that names another one makes it void. */
  issuer: z.string(),
  clientId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  /** Sent as `id_token_hint` when signing out. */
  idToken: z.string().optional(),
  receivedAt: z.number(),
  expiresAt: z.number(),
  user: signedInUserSchema,
});
export type StoredSession = z.infer<typeof storedSessionSchema>;

export async function readSession(): Promise<StoredSession | undefined> {
  const stored = (await browser.storage.session.get(KEY))[KEY];
  const parsed = storedSessionSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export async function writeSession(session: StoredSession): Promise<void> {
  await browser.storage.session.set({ [KEY]: session });
}

export async function clearSession(): Promise<void> {
  await browser.storage.session.remove(KEY);
}

/** Calls back with the signed-in user (or `undefined`) whenever the session changes; returns the unsubscribe. */
export function watchSignedInUser(onChange: (user: SignedInUser | undefined) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(KEY in changes)) return;
    const parsed = storedSessionSchema.safeParse(changes[KEY]?.newValue);
    onChange(parsed.success ? parsed.data.user : undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

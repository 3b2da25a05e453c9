import { browser } from 'wxt/browser';
import type { OidcConfig } from './config';
import { AuthError, toAuthFailure } from './errors';
import { openSignInTab, openSignInWindow } from './launch';
import { authorizationUrl, discover, finishSignIn, refreshSession, revokeSession } from './protocol';
import { needsRefresh } from './refresh-schedule';
import { clearSession, readSession, type StoredSession, writeSession } from './token-store';

/**
 * The signed-in session, run by the background only: one place renews tokens, so two pages never spend the
 * same refresh token (providers that rotate them would end the sign-in). Order of attempts when a token is
 * due: refresh token → silent sign-in (`prompt=none`) → ask the person.
 */

async function sessionFor(config: OidcConfig): Promise<StoredSession | undefined> {
  const session = await readSession();
  if (!session) return undefined;
  // A policy that now names another provider or client makes the old tokens worthless.
  if (session.issuer === config.issuer && session.clientId === config.clientId) return session;
  await clearSession();
  return undefined;
}

async function signInThrough(config: OidcConfig, how: 'window' | 'tab' | 'silent'): Promise<StoredSession> {
  const as = await discover(config.issuer);
  const redirectUri = browser.identity.getRedirectURL();
  const { url, pending } = await authorizationUrl(as, config, redirectUri, how === 'silent');
  const answer =
    how === 'tab' ? await openSignInTab(url, redirectUri) : await openSignInWindow(url, how === 'window');
  const session = await finishSignIn(as, config, answer, pending);
  await writeSession(session);
  return session;
}

async function renew(config: OidcConfig, session: StoredSession): Promise<StoredSession> {
  try {
    const as = await discover(config.issuer);
    const next = await refreshSession(as, config, session);
    await writeSession(next);
    return next;
  } catch (refreshFailed) {
    // A provider out of reach is not a sign-out: keep the session, the next request tries again.
    if (toAuthFailure(refreshFailed).kind === 'network') throw refreshFailed;
  }
  try {
    return await signInThrough(config, 'silent');
  } catch (silentFailed) {
    await clearSession();
    throw new AuthError('signed-out', `renewal failed: ${toAuthFailure(silentFailed).detail}`);
  }
}

let renewing: Promise<StoredSession> | undefined;

/**
 * A token the gateway will accept: the stored one while it is fresh, else a renewed one. `rejected` is a
 * token the gateway refused; it is renewed unless the stored one is already another.
 */
export async function accessToken(config: OidcConfig | undefined, rejected?: string): Promise<string> {
  if (!config) throw new AuthError('not-configured', 'gateway.auth.oidc needs issuer and clientId');
  const session = await sessionFor(config);
  if (!session) throw new AuthError('signed-out', 'not signed in');
  const refused = rejected !== undefined && rejected === session.accessToken;
  if (!refused && !needsRefresh(session, Date.now())) return session.accessToken;
  renewing ??= renew(config, session).finally(() => {
    renewing = undefined;
  });
  return (await renewing).accessToken;
}

export async function signIn(config: OidcConfig | undefined, inTab: boolean): Promise<void> {
  if (!config) throw new AuthError('not-configured', 'gateway.auth.oidc needs issuer and clientId');
  await signInThrough(config, inTab ? 'tab' : 'window');
}

/** Forgets the tokens here first, so signing out works even when the provider cannot be reached. */
export async function signOut(config: OidcConfig | undefined): Promise<void> {
  const session = await readSession();
  await clearSession();
  if (!config || !session) return;
  const as = await discover(config.issuer);
  await revokeSession(as, config, session);
}

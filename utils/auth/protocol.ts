import * as oauth from 'oauth4webapi';
import type { OidcConfig } from './config';
import { AuthError } from './errors';
import { expiryFrom } from './refresh-schedule';
import type { SignedInUser, StoredSession } from './token-store';

/**
 * OpenID Connect on `oauth4webapi`: discovery, the authorization code flow with PKCE (S256), `state` and
 * `nonce`, refresh and revocation. The library checks the responses (issuer, audience, nonce, expiry of the
 * ID token, the `iss` of the redirect); this file only says which requests to make. It runs in the service
 * worker, where MSAL.js cannot.
 */

/** Plain http is refused except to a provider on this PC (a developer's or the tests' own). */
function httpOptions(url: URL): { [oauth.allowInsecureRequests]?: true } {
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return url.protocol === 'http:' && loopback ? { [oauth.allowInsecureRequests]: true } : {};
}

const discovered = new Map<string, Promise<oauth.AuthorizationServer>>();

/** The provider's endpoints from `/.well-known/openid-configuration`, fetched once per worker. */
export function discover(issuer: string): Promise<oauth.AuthorizationServer> {
  const cached = discovered.get(issuer);
  if (cached) return cached;
  const url = new URL(issuer);
  const loading = oauth
    .discoveryRequest(url, { algorithm: 'oidc', ...httpOptions(url) })
    .then((response) => oauth.processDiscoveryResponse(url, response));
  discovered.set(issuer, loading);
  loading.catch(() => discovered.delete(issuer));
  return loading;
}

const clientOf = (config: OidcConfig): oauth.Client => ({ client_id: config.clientId });

/** What the sign-in needs to remember between opening the provider's page and its answer. */
export interface PendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
}

/** `silent`: `prompt=none`, for renewing a sign-in without showing anything. */
export async function authorizationUrl(
  as: oauth.AuthorizationServer,
  config: OidcConfig,
  redirectUri: string,
  silent: boolean,
): Promise<{ url: string; pending: PendingSignIn }> {
  if (!as.authorization_endpoint) throw new AuthError('refused', 'no authorization_endpoint');
  const pending: PendingSignIn = {
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    codeVerifier: oauth.generateRandomCodeVerifier(),
    redirectUri,
  };
  const url = new URL(as.authorization_endpoint);
  const params = url.searchParams;
  params.set('client_id', config.clientId);
  params.set('redirect_uri', redirectUri);
  params.set('response_type', 'code');
  params.set('scope', config.scopes.join(' '));
  params.set('state', pending.state);
  params.set('nonce', pending.nonce);
  params.set('code_challenge', await oauth.calculatePKCECodeChallenge(pending.codeVerifier));
  params.set('code_challenge_method', 'S256');
  if (config.audience) params.set('audience', config.audience);
  if (config.resource) params.set('resource', config.resource);
  if (silent) params.set('prompt', 'none');
  return { url: url.href, pending };
}

/** RFC 8707: naming the gateway at the token endpoint too gets an access token meant for it. */
function tokenParameters(config: OidcConfig): Record<string, string> {
  return config.resource ? { resource: config.resource } : {};
}

function userFrom(claims: oauth.IDToken): SignedInUser {
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  const preferred = text(claims.preferred_username);
  const email = text(claims.email) ?? (preferred?.includes('@') ? preferred : undefined);
  const name = text(claims.name) ?? preferred;
  return { sub: claims.sub, ...(name ? { name } : {}), ...(email ? { email } : {}) };
}

function sessionFrom(
  config: OidcConfig,
  result: oauth.TokenEndpointResponse,
  user: SignedInUser,
  previous?: StoredSession,
): StoredSession {
  const receivedAt = Date.now();
  const refreshToken = result.refresh_token ?? previous?.refreshToken;
  const idToken = result.id_token ?? previous?.idToken;
  return {
    issuer: config.issuer,
    clientId: config.clientId,
    accessToken: result.access_token,
    ...(refreshToken ? { refreshToken } : {}),
    ...(idToken ? { idToken } : {}),
    receivedAt,
    expiresAt: expiryFrom(receivedAt, result.expires_in),
    user,
  };
}

/** The provider's answer (the redirect URL) turned into tokens; every check is the library's. */
export async function finishSignIn(
  as: oauth.AuthorizationServer,
  config: OidcConfig,
  answer: string,
  pending: PendingSignIn,
): Promise<StoredSession> {
  const client = clientOf(config);
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, new URL(answer), pending.state);
  } catch (caught) {
    // `login_required`, `consent_required`, `access_denied`…: the provider's own code, never the URL.
    const code = caught instanceof oauth.AuthorizationResponseError ? caught.error : 'invalid response';
    throw new AuthError('refused', code);
  }
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    client,
    oauth.None(),
    params,
    pending.redirectUri,
    pending.codeVerifier,
    { additionalParameters: tokenParameters(config), ...httpOptions(new URL(config.issuer)) },
  );
  const result = await oauth.processAuthorizationCodeResponse(as, client, response, {
    expectedNonce: pending.nonce,
    requireIdToken: true,
  });
  const claims = oauth.getValidatedIdTokenClaims(result);
  if (!claims) throw new AuthError('refused', 'no ID token');
  return sessionFrom(config, result, userFrom(claims));
}

/** A new access token from the refresh token; the person stays who they were. */
export async function refreshSession(
  as: oauth.AuthorizationServer,
  config: OidcConfig,
  session: StoredSession,
): Promise<StoredSession> {
  if (!session.refreshToken) throw new AuthError('signed-out', 'no refresh token');
  const client = clientOf(config);
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), session.refreshToken, {
    additionalParameters: tokenParameters(config),
    ...httpOptions(new URL(config.issuer)),
  });
  const result = await oauth.processRefreshTokenResponse(as, client, response);
  const claims = oauth.getValidatedIdTokenClaims(result);
  return sessionFrom(config, result, claims ? userFrom(claims) : session.user, session);
}

/** Tells the provider to forget the tokens, where it offers revocation (RFC 7009); otherwise nothing. */
export async function revokeSession(
  as: oauth.AuthorizationServer,
  config: OidcConfig,
  session: StoredSession,
): Promise<void> {
  if (!as.revocation_endpoint) return;
  const client = clientOf(config);
  const options = httpOptions(new URL(config.issuer));
  // The refresh token first: most providers then end the whole grant.
  for (const token of [session.refreshToken, session.accessToken]) {
    if (!token) continue;
    const response = await oauth.revocationRequest(as, client, oauth.None(), token, options);
    await oauth.processRevocationResponse(response);
  }
}

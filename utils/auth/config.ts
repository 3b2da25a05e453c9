import type { Settings } from '../settings/schema';

/** What the sign-in needs from the policy (`gateway.auth.oidc`), once it is complete enough to use. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  scopes: string[];
  audience: string;
  resource: string;
}

/** True when the policy asks each person to sign in, whether or not the rest is filled in yet. */
export function usesSignIn(settings: Settings): boolean {
  return settings.gateway.auth.source === 'oidc';
}

/** The sign-in settings in force, or `undefined` when sign-in is not asked for or lacks issuer/client id. */
export function oidcConfigFrom(settings: Settings): OidcConfig | undefined {
  if (!usesSignIn(settings)) return undefined;
  const { issuer, clientId, scopes, audience, resource } = settings.gateway.auth.oidc;
  if (!issuer.trim() || !clientId.trim()) return undefined;
  // `openid` makes it OpenID Connect: without it there is no ID token and so no name to show.
  const withOpenId = scopes.includes('openid') ? scopes : ['openid', ...scopes];
  return { issuer: issuer.trim(), clientId: clientId.trim(), scopes: withOpenId, audience, resource };
}

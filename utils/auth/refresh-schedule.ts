/**
 * When to renew an access token: before it runs out, early enough that a request leaving now is not refused
 * on the way. A fifth of its lifetime, at most a minute: a one-hour token is renewed at 59 minutes, a
 * 20-second one (tests, strict providers) at 16 seconds.
 */
const MAX_MARGIN_MS = 60_000;

export interface TokenTimes {
  /** `Date.now()` when the token was received. */
  receivedAt: number;
  /** `Date.now()` when the provider says it expires. */
  expiresAt: number;
}

export function refreshDueAt({ receivedAt, expiresAt }: TokenTimes): number {
  const lifetime = Math.max(0, expiresAt - receivedAt);
  return expiresAt - Math.min(MAX_MARGIN_MS, lifetime / 5);
}

export function needsRefresh(times: TokenTimes, now: number): boolean {
  return now >= refreshDueAt(times);
}

/** Seconds from the provider's `expires_in`; a provider that names none gets five minutes, then a renewal. */
export function expiryFrom(receivedAt: number, expiresInSeconds: number | undefined): number {
  const seconds = expiresInSeconds !== undefined && expiresInSeconds > 0 ? expiresInSeconds : 300;
  return receivedAt + seconds * 1000;
}

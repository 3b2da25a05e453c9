/**
 * Why no token could be had, as a value the panel can explain. Never carries a token or a code:
 * `detail` is for the details line (the provider's error code, an HTTP status).
 */
export type AuthFailureKind =
  /** The policy asks for sign-in but names no issuer or client id. */
  | 'not-configured'
  /** Nobody is signed in (or the sign-in ran out and could not be renewed silently). */
  | 'signed-out'
  /** The user closed the sign-in window. */
  | 'cancelled'
  /** The provider refused (an error in the redirect, a failed token request). */
  | 'refused'
  /** The provider could not be reached. */
  | 'network';

export interface AuthFailure {
  kind: AuthFailureKind;
  detail: string;
}

export class AuthError extends Error {
  override readonly name = 'AuthError';
  constructor(
    readonly kind: AuthFailureKind,
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/** An error from anywhere in the sign-in path as a failure the UI can explain; unknown errors are `refused`. */
export function toAuthFailure(caught: unknown): AuthFailure {
  if (caught instanceof AuthError) return { kind: caught.kind, detail: caught.detail };
  if (caught instanceof TypeError) return { kind: 'network', detail: caught.message.slice(0, 200) };
  // oauth4webapi's ResponseBodyError: the provider's own `error` and `error_description`.
  if (caught instanceof Error && 'error' in caught && typeof caught.error === 'string') {
    const description = 'error_description' in caught ? caught.error_description : undefined;
    const detail = typeof description === 'string' ? `${caught.error}: ${description}` : caught.error;
    return { kind: 'refused', detail: detail.slice(0, 200) };
  }
  const detail = caught instanceof Error ? caught.message : String(caught);
  return { kind: 'refused', detail: detail.slice(0, 200) };
}

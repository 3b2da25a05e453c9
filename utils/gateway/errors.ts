/**
 * Every way a gateway request can fail, as a value the UI can explain in the user's language.
 * `partial` on a thrown error is never needed: callers keep what they already received.
 */
export type GatewayErrorKind =
  | 'bad-url'
  | 'permission'
  | 'auth'
  | 'forbidden'
  | 'model-not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'aborted'
  | 'rejected'
  | 'bad-response';

export class GatewayError extends Error {
  override readonly name = 'GatewayError';
  constructor(
    readonly kind: GatewayErrorKind,
    /** Technical detail for the "details" line (status, gateway message); never the main message. */
    readonly detail: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(`${kind}: ${detail}`);
  }
}

/**
 * Every way a gateway request can fail, as a value the UI can explain in the user's language.
 * `partial` on a thrown error is never needed: callers keep what they already received.
 */
export type GatewayErrorKind =
  | 'bad-url'
  | 'permission'
  | 'auth'
  /** Sign-in is required and nobody is signed in, or the sign-in ran out and could not be renewed. */
  | 'signed-out'
  /** Signed in, but the gateway refused the person's token even after renewing it. */
  | 'token-refused'
  | 'forbidden'
  | 'model-not-found'
  | 'rate-limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'rejected'
  | 'bad-response'
  /** Not a failure of the request: the answer reached the server's length limit and can be continued. */
  | 'cut-off';

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

/** Shown on the details line; gateways sometimes answer with a whole HTML page. */
const DETAIL_LIMIT = 300;

function trimDetail(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DETAIL_LIMIT ? `${flat.slice(0, DETAIL_LIMIT - 1)}…` : flat;
}

/** The base URL as the SDKs need it, or `bad-url` before anything is sent. */
export function checkedBaseUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new GatewayError('bad-url', trimDetail(`not a URL: "${trimmed}"`));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new GatewayError('bad-url', trimDetail(`not http(s): "${trimmed}"`));
  }
  return trimmed;
}

/** The gateway's own words from an error body, whichever of the usual shapes it uses. */
export function gatewayMessage(body: unknown): string | undefined {
  // An HTML error page from a proxy reads better without its tags.
  if (typeof body === 'string')
    return (/^\s*</.test(body) ? body.replace(/<[^>]*>/g, ' ') : body).trim() || undefined;
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  for (const key of ['message', 'detail', 'error'] as const) {
    const found = gatewayMessage(fields[key]);
    if (found) return found;
  }
  return undefined;
}

/** `retry-after-ms` (OpenAI style) first, then `Retry-After` in seconds or as an HTTP date. */
function retryAfterMs(headers: Headers | undefined): number | undefined {
  const milliseconds = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return Math.round(milliseconds);
  const value = headers?.get('retry-after')?.trim();
  if (!value) return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** LiteLLM and others answer an unknown model with a 400 whose text says so. */
const UNKNOWN_MODEL =
  /\b(invalid|unknown|unsupported|no such)\s+model\b|\bmodel\b[^.]{0,80}?\b(not found|does not exist|is invalid|not supported|not available)|model identifier is invalid/i;

/**
 * What an error status means for the user. `where` names the source for the details line: the HTTP status,
 * or an error event inside a stream that had already started with 200.
 */
export function gatewayErrorForStatus(
  status: number,
  message: string,
  model: string,
  headers?: Headers,
  where = `HTTP ${status}`,
): GatewayError {
  // SDK messages start with the status ("502 <html>…"); the details line names it once.
  const said = gatewayMessage(message.replace(/^\d{3}\s+/, '')) ?? message;
  const detail = (text: string) => trimDetail(`${where}: ${text}`);
  if (status === 401) return new GatewayError('auth', detail(said), status);
  if (status === 402 || status === 403) return new GatewayError('forbidden', detail(said), status);
  if (status === 404 || (status === 400 && UNKNOWN_MODEL.test(said))) {
    return new GatewayError('model-not-found', detail(`model "${model}": ${said}`), status);
  }
  if (status === 429) return new GatewayError('rate-limited', detail(said), status, retryAfterMs(headers));
  if (status >= 500) return new GatewayError('server', detail(said), status);
  return new GatewayError('rejected', detail(said), status);
}

/** Error messages with their causes, e.g. "fetch failed: connect ECONNREFUSED 127.0.0.1:8787". */
function describeCauses(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = 'code' in current && typeof current.code === 'string' ? current.code : '';
    const text = code && !current.message.includes(code) ? `${current.message} (${code})` : current.message;
    const clean = text.replace(/\.$/, '');
    if (clean && !parts.includes(clean)) parts.push(clean);
    current = current.cause;
  }
  return parts.join(': ') || String(error);
}

export const CLOSED_MID_ANSWER = 'the connection closed mid-answer';

/**
 * Everything that is not an HTTP error status: the user's Stop, a timeout, a broken connection, a stream
 * we cannot read. `midAnswer` says the gateway had already started answering.
 */
export function gatewayErrorForFailure(
  caught: unknown,
  signal: AbortSignal,
  midAnswer: boolean,
): GatewayError {
  if (caught instanceof GatewayError) return caught;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    // AbortSignal.timeout() is our own deadline, not the user's Stop: the gateway did not answer in time.
    if (reason instanceof Error && reason.name === 'TimeoutError') {
      return new GatewayError('network', trimDetail(`timed out: ${reason.message}`));
    }
    return new GatewayError('aborted', 'stopped before the answer was complete');
  }
  if (caught instanceof SyntaxError) {
    return new GatewayError('bad-response', trimDetail(`unreadable stream event: ${caught.message}`));
  }
  const causes = describeCauses(caught);
  return new GatewayError('network', trimDetail(midAnswer ? `${CLOSED_MID_ANSWER}: ${causes}` : causes));
}

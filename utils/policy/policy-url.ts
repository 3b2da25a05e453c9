/** The policy an organisation can publish at `policyUrl`, fetched by the background and kept offline. */
export interface PolicyUrlCache {
  url: string;
  etag?: string;
  /** When the last good copy was fetched. */
  fetchedAt?: number;
  /** The last policy that arrived as valid JSON (its keys are validated later, one by one). */
  body?: unknown;
  /** Why the latest attempt failed, in words; the last good copy stays in use. */
  error?: string;
}

export const POLICY_URL_TIMEOUT_MS = 10_000;
/** A policy is a few kilobytes; anything much larger is a mistake or an attack. */
export const POLICY_URL_MAX_BYTES = 256 * 1024;

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Error(`larger than ${Math.round(maxBytes / 1024)} KB`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Fetches the policy once. Never throws: a failure keeps the previous copy and records why. An unchanged
 * policy (304 for our ETag) costs the server nothing.
 */
export async function fetchPolicyUrl(
  url: string,
  previous: PolicyUrlCache | undefined,
  options: { timeoutMs?: number; maxBytes?: number; now?: number } = {},
): Promise<PolicyUrlCache> {
  const kept: PolicyUrlCache = previous?.url === url ? { ...previous } : { url };
  const headers: Record<string, string> = { accept: 'application/json' };
  if (kept.etag && kept.body !== undefined) headers['if-none-match'] = kept.etag;
  try {
    const response = await fetch(url, {
      headers,
      cache: 'no-store',
      credentials: 'omit',
      signal: AbortSignal.timeout(options.timeoutMs ?? POLICY_URL_TIMEOUT_MS),
    });
    if (response.status === 304) return { ...kept, error: undefined, fetchedAt: options.now ?? Date.now() };
    if (!response.ok) return { ...kept, error: `HTTP ${response.status}` };
    const text = await readCapped(response, options.maxBytes ?? POLICY_URL_MAX_BYTES);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return { ...kept, error: 'not JSON' };
    }
    return {
      url,
      body,
      etag: response.headers.get('etag') ?? undefined,
      fetchedAt: options.now ?? Date.now(),
    };
  } catch (error) {
    const reason =
      error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
        ? `no answer within ${Math.round((options.timeoutMs ?? POLICY_URL_TIMEOUT_MS) / 1000)} s`
        : error instanceof Error
          ? error.message
          : String(error);
    return { ...kept, error: reason };
  }
}

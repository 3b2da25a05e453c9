import { checkedBaseUrl, GatewayError, gatewayErrorForFailure, gatewayErrorForStatus } from './errors';
import type { GatewayTarget } from './types';

type ModelList = { ok: true; ids: string[] } | { ok: false; error: GatewayError };

/**
 * The model ids an OpenAI-format gateway serves (`GET {baseUrl}/models`: LiteLLM, Portkey, OpenRouter,
 * Azure v1…), with the same key and headers a chat request carries.
 */
export async function listGatewayModels(target: GatewayTarget, signal: AbortSignal): Promise<ModelList> {
  try {
    const url = `${checkedBaseUrl(target.baseUrl).replace(/\/+$/, '')}/models`;
    // The same headers a chat sends; loaded on use, like the SDK they live beside (see index.ts).
    const { requestHeaders } = await import('./openai');
    const headers = Object.fromEntries(
      Object.entries(requestHeaders(target)).filter((entry): entry is [string, string] => entry[1] !== null),
    );
    // A redirect to another origin would carry the key there: only the gateway may have it.
    const response = await fetch(url, { headers, signal, redirect: 'error' });
    const text = await response.text();
    if (!response.ok) {
      return { ok: false, error: gatewayErrorForStatus(response.status, text, '', response.headers) };
    }
    const body: unknown = JSON.parse(text);
    const data = (body as { data?: unknown }).data;
    if (!Array.isArray(data)) throw new GatewayError('bad-response', 'no "data" list in the /models answer');
    const ids = data
      .map((entry) => (entry as { id?: unknown })?.id)
      .filter((id): id is string => typeof id === 'string' && id !== '');
    return { ok: true, ids: [...new Set(ids)] };
  } catch (caught) {
    if (caught instanceof SyntaxError) {
      return { ok: false, error: new GatewayError('bad-response', 'the /models answer is not JSON') };
    }
    return { ok: false, error: gatewayErrorForFailure(caught, signal, false) };
  }
}

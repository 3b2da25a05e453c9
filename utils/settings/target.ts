import { DEFAULT_MAX_INPUT_CHARS } from '../actions/long-input';
import { requestAccessToken } from '../auth/client';
import type { Deadlines } from '../gateway/deadline';
import type { GatewayTarget } from '../gateway/types';
import type { ApiFormat, ModelEntry, Settings } from './schema';

/**
 * The models the picker offers. When the administrator lists models, only those; otherwise the user's
 * list, with a default model that is not listed put first.
 */
export function availableModels(settings: Settings, modelsForced = false): ModelEntry[] {
  const listed = settings.models;
  if (!modelsForced && settings.defaultModel && !listed.some((model) => model.id === settings.defaultModel)) {
    return [{ id: settings.defaultModel }, ...listed];
  }
  return listed;
}

export function defaultModelId(settings: Settings): string {
  return settings.defaultModel || settings.models[0]?.id || '';
}

function originOf(url: string): string | null {
  return URL.canParse(url) ? new URL(url).origin : null;
}

/**
 * A model may live behind its own base URL and API format (e.g. Claude via an Anthropic endpoint). The key
 * was issued for the gateway's origin and goes to that origin only: a model on another host gets no key.
 */
export function gatewayTargetFor(settings: Settings, modelId: string): GatewayTarget {
  const model = settings.models.find((entry) => entry.id === modelId);
  const { gateway } = settings;
  const baseUrl = model?.baseUrl || gateway.baseUrl;
  const keyOrigin = originOf(gateway.baseUrl);
  const sameOrigin = keyOrigin !== null && originOf(baseUrl) === keyOrigin;
  // A model's own headers win over the gateway's (e.g. a per-format `x-portkey-provider`).
  const headers = { ...gateway.headers, ...model?.headers };
  const apiFormat = model?.apiFormat ?? gateway.apiFormat;
  if (gateway.auth.source === 'oidc') {
    // The person's own token, `Authorization: Bearer` unless the policy names another header, in both
    // formats, and like a key only to the gateway's origin. No user id header: the gateway learns who
    // asked from the token, not from our say-so.
    const header = gateway.auth.header.trim();
    return {
      baseUrl,
      apiFormat,
      apiKey: '',
      authHeader: header || 'Authorization',
      authScheme: header ? gateway.auth.scheme : gateway.auth.scheme.trim() || 'Bearer',
      headers,
      ...(sameOrigin ? { accessToken: requestAccessToken } : {}),
    };
  }
  const key = { user: settings.apiKey, policy: gateway.auth.value, none: '' }[gateway.auth.source];
  const apiKey = sameOrigin ? key : '';
  const { header: attributionHeader } = gateway.userAttribution;
  return {
    baseUrl,
    apiFormat,
    apiKey,
    authHeader: gateway.auth.header,
    authScheme: gateway.auth.scheme,
    headers:
      attributionHeader && settings.userId ? { ...headers, [attributionHeader]: settings.userId } : headers,
  };
}

/** Who asked, for the request body, when the organisation wants it there (never with sign-in: see above). */
export function requestUser(settings: Settings): string | undefined {
  if (settings.gateway.auth.source === 'oidc') return undefined;
  return settings.gateway.userAttribution.bodyUser && settings.userId ? settings.userId : undefined;
}

/** The user is to enter a key (`gateway.auth.source: "user"`) and has not: nothing can be sent yet. */
export function isApiKeyMissing(settings: Settings): boolean {
  return settings.gateway.auth.source === 'user' && settings.apiKey.trim() === '';
}

export function isGatewayConfigured(settings: Settings): boolean {
  return settings.gateway.baseUrl.trim() !== '' && defaultModelId(settings) !== '';
}

/** The API formats the offered models are served in (the gateway's own first). */
export function usedApiFormats(settings: Settings, modelsForced = false): ApiFormat[] {
  const formats = availableModels(settings, modelsForced).map(
    (model) => gatewayTargetFor(settings, model.id).apiFormat,
  );
  return [...new Set([settings.gateway.apiFormat, ...formats])];
}

/** How much text the model takes at once: the policy's figure for it, else a size most models accept. */
export function maxInputCharsFor(settings: Settings, modelId: string): number {
  return settings.models.find((entry) => entry.id === modelId)?.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
}

export function deadlinesFor(settings: Settings): Deadlines {
  return {
    firstByteMs: settings.gateway.firstByteTimeoutSeconds * 1000,
    stallMs: settings.gateway.stallTimeoutSeconds * 1000,
  };
}

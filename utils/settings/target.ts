import type { GatewayTarget } from '../gateway/types';
import type { ModelEntry, Settings } from './schema';

/** The models the picker offers; the default model first if it is not listed. */
export function availableModels(settings: Settings): ModelEntry[] {
  const listed = settings.models;
  if (settings.defaultModel && !listed.some((model) => model.id === settings.defaultModel)) {
    return [{ id: settings.defaultModel }, ...listed];
  }
  return listed;
}

export function defaultModelId(settings: Settings): string {
  return settings.defaultModel || settings.models[0]?.id || '';
}

/** A model may live behind its own base URL and API format (e.g. Claude via an Anthropic endpoint). */
export function gatewayTargetFor(settings: Settings, modelId: string): GatewayTarget {
  const model = settings.models.find((entry) => entry.id === modelId);
  const { gateway } = settings;
  return {
    baseUrl: model?.baseUrl || gateway.baseUrl,
    apiFormat: model?.apiFormat ?? gateway.apiFormat,
    apiKey: gateway.auth.source === 'none' ? '' : settings.apiKey,
    authHeader: gateway.auth.header,
    authScheme: gateway.auth.scheme,
    headers: gateway.headers,
  };
}

export function isGatewayConfigured(settings: Settings): boolean {
  return settings.gateway.baseUrl.trim() !== '' && defaultModelId(settings) !== '';
}

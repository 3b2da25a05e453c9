import type { ApiFormat, GatewaySettings } from '../settings/schema';

/**
 * Known gateways as data: what an administrator would otherwise look up in each vendor's documentation.
 * Every value was checked against the documentation listed in `docs`; a field we could not confirm is left
 * empty (or `false`) rather than guessed. docs/gateways.md is the same table for people.
 *
 * `{name}` in `baseUrl` and header values is a placeholder the administrator fills in (see `placeholders`).
 */
export interface GatewayPreset {
  id: GatewayPresetId;
  /** The product's own name. */
  name: string;
  /** The `gateway` settings this gateway needs, except the key itself (source and value stay as they are). */
  gateway: {
    baseUrl: string;
    apiFormat: ApiFormat;
    auth: Pick<GatewaySettings['auth'], 'header' | 'scheme'>;
    headers: Record<string, string>;
    userAttribution: GatewaySettings['userAttribution'];
  };
  placeholders: Record<string, PlaceholderDoc>;
  /** One or two sentences for the options page: what the model ids look like, what to watch for. */
  note: { ja: string; en: string };
  /** Where the values above were checked. */
  docs: string[];
}

interface PlaceholderDoc {
  ja: string;
  en: string;
  example: string;
}

export type GatewayPresetId =
  | 'litellm'
  | 'portkey'
  | 'azure-openai'
  | 'azure-api-management'
  | 'cloudflare-ai-gateway'
  | 'openrouter';

export const GATEWAY_PRESETS: readonly GatewayPreset[] = [
  {
    id: 'litellm',
    name: 'LiteLLM Proxy',
    gateway: {
      baseUrl: 'https://{host}/v1',
      apiFormat: 'openai',
      auth: { header: 'Authorization', scheme: 'Bearer' },
      headers: {},
      // LiteLLM reads this header first; it also reads `user` and Anthropic's `metadata.user_id` from the body.
      userAttribution: { header: 'x-litellm-end-user-id', bodyUser: false },
    },
    placeholders: {
      host: {
        ja: 'LiteLLM プロキシのホスト名（既定のポートは 4000）',
        en: 'Host of the LiteLLM proxy (default port 4000)',
        example: 'litellm.example.lg.jp:4000',
      },
    },
    note: {
      ja: 'キーは LiteLLM の仮想キー（sk-…）。モデルIDは config.yaml の model_name。/v1/messages（Anthropic 形式）も使えます。',
      en: 'The key is a LiteLLM virtual key (sk-…). Model ids are the model_name entries of config.yaml. /v1/messages (Anthropic format) is served too.',
    },
    docs: [
      'https://docs.litellm.ai/docs/proxy/api_key_auth',
      'https://docs.litellm.ai/docs/proxy/customers',
      'https://docs.litellm.ai/docs/anthropic_unified/',
    ],
  },
  {
    id: 'portkey',
    name: 'Portkey',
    gateway: {
      baseUrl: 'https://api.portkey.ai/v1',
      apiFormat: 'openai',
      auth: { header: 'x-portkey-api-key', scheme: '' },
      headers: {},
      // Portkey copies the body's `user` into the `_user` metadata; its x-portkey-metadata header wants JSON,
      // which a plain attribution header cannot carry.
      userAttribution: { header: '', bodyUser: true },
    },
    placeholders: {},
    note: {
      ja: 'キーは Portkey の API キー。モデルIDは Model Catalog の「@プロバイダー/モデル」（例: @openai-prod/gpt-4o）。自前で動かすオープンソース版は docs/gateways.md を参照。',
      en: 'The key is a Portkey API key. Model ids are Model Catalog ids "@provider/model" (e.g. @openai-prod/gpt-4o). For the self-hosted open-source gateway see docs/gateways.md.',
    },
    docs: [
      'https://portkey.ai/docs/api-reference/inference-api/headers',
      'https://portkey.ai/docs/product/model-catalog',
      'https://portkey.ai/docs/aigw/product/observability/metadata',
    ],
  },
  {
    id: 'azure-openai',
    name: 'Azure OpenAI (v1 API)',
    gateway: {
      baseUrl: 'https://{resource}.openai.azure.com/openai/v1',
      apiFormat: 'openai',
      auth: { header: 'api-key', scheme: '' },
      headers: {},
      userAttribution: { header: '', bodyUser: false },
    },
    placeholders: {
      resource: {
        ja: 'Azure OpenAI リソース名',
        en: 'Azure OpenAI resource name',
        example: 'yaita-aoai',
      },
    },
    note: {
      ja: 'v1 API は api-version 不要。モデルIDはデプロイ名。キーはリソースの API キー（Entra ID のトークンは期限が切れるため保存するキーには向きません）。',
      en: 'The v1 API needs no api-version. Model ids are deployment names. The key is the resource API key (Entra ID tokens expire, so they do not suit a stored key).',
    },
    docs: [
      'https://learn.microsoft.com/azure/foundry/openai/api-version-lifecycle',
      'https://learn.microsoft.com/azure/api-management/api-management-authenticate-authorize-azure-openai',
    ],
  },
  {
    id: 'azure-api-management',
    name: 'Azure API Management',
    gateway: {
      baseUrl: 'https://{apimName}.azure-api.net/{apiPath}/openai/v1',
      apiFormat: 'openai',
      auth: { header: 'Ocp-Apim-Subscription-Key', scheme: '' },
      headers: {},
      userAttribution: { header: '', bodyUser: false },
    },
    placeholders: {
      apimName: {
        ja: 'API Management インスタンス名',
        en: 'API Management instance name',
        example: 'yaita-apim',
      },
      apiPath: {
        ja: 'API をインポートしたときのベースパス',
        en: 'Base path given when the API was imported',
        example: 'aoai',
      },
    },
    note: {
      ja: 'Azure OpenAI を「Azure OpenAI v1」互換で取り込んだ API 向け。キーはサブスクリプションキー（ヘッダー名は API ごとに変更可）。利用者IDは自組織のポリシーで読むヘッダーを決め、userAttribution.header に設定します。',
      en: 'For Azure OpenAI imported with the "Azure OpenAI v1" compatibility option. The key is a subscription key (its header name can be changed per API). Pick the header your own policy reads for the user id and put it in userAttribution.header.',
    },
    docs: [
      'https://learn.microsoft.com/azure/api-management/azure-ai-foundry-api',
      'https://learn.microsoft.com/azure/api-management/azure-openai-api-from-specification',
      'https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy',
    ],
  },
  {
    id: 'cloudflare-ai-gateway',
    name: 'Cloudflare AI Gateway',
    gateway: {
      baseUrl: 'https://gateway.ai.cloudflare.com/v1/{accountId}/{gatewayId}/compat',
      apiFormat: 'openai',
      // With the provider keys stored in the gateway (BYOK), the gateway token is the only secret sent.
      auth: { header: 'cf-aig-authorization', scheme: 'Bearer' },
      headers: {},
      // cf-aig-metadata wants a JSON object; the body's `user` lands in the logged request instead.
      userAttribution: { header: '', bodyUser: true },
    },
    placeholders: {
      accountId: {
        ja: 'Cloudflare アカウントID',
        en: 'Cloudflare account id',
        example: '0123456789abcdef0123456789abcdef',
      },
      gatewayId: {
        ja: 'AI Gateway の名前（ID）',
        en: 'AI Gateway name (id)',
        example: 'yaita-ai',
      },
    },
    note: {
      ja: 'キーは AI Gateway の認証トークン。プロバイダーのキーは Cloudflare 側に保存（BYOK）。モデルIDは「プロバイダー/モデル」（例: openai/gpt-4o-mini）。',
      en: 'The key is the AI Gateway authentication token; provider keys are stored in Cloudflare (BYOK). Model ids are "provider/model" (e.g. openai/gpt-4o-mini).',
    },
    docs: [
      'https://developers.cloudflare.com/ai-gateway/chat-completion/',
      'https://developers.cloudflare.com/ai-gateway/configuration/authentication/',
      'https://developers.cloudflare.com/ai-gateway/configuration/bring-your-own-keys/',
      'https://developers.cloudflare.com/ai-gateway/observability/custom-metadata/',
    ],
  },
  {
    id: 'openrouter',
    name: 'OpenRouter',
    gateway: {
      baseUrl: 'https://openrouter.ai/api/v1',
      apiFormat: 'openai',
      auth: { header: 'Authorization', scheme: 'Bearer' },
      // No HTTP-Referer / X-OpenRouter-Title: those put the app into OpenRouter's public rankings.
      headers: {},
      userAttribution: { header: '', bodyUser: true },
    },
    placeholders: {},
    note: {
      ja: 'キーは OpenRouter の API キー。モデルIDは「提供元/モデル」（例: openai/gpt-4o）。インターネット上のサービスです。',
      en: 'The key is an OpenRouter API key. Model ids are "vendor/model" (e.g. openai/gpt-4o). A service on the public internet.',
    },
    docs: [
      'https://openrouter.ai/docs/guides/administration/user-tracking',
      'https://openrouter.ai/docs/app-attribution',
    ],
  },
];

const PLACEHOLDER = /\{(\w+)\}/g;

/** Placeholder names used in a preset's base URL and header values, in order of appearance. */
export function presetPlaceholders(preset: GatewayPreset): string[] {
  const texts = [preset.gateway.baseUrl, ...Object.values(preset.gateway.headers)];
  return [
    ...new Set(texts.flatMap((text) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? ''))),
  ];
}

/** The `gateway` settings a preset fills in, as policy paths (a path the policy sets stays as it is). */
export const PRESET_PATHS = [
  'gateway.baseUrl',
  'gateway.apiFormat',
  'gateway.auth.header',
  'gateway.auth.scheme',
  'gateway.headers',
  'gateway.userAttribution.header',
  'gateway.userAttribution.bodyUser',
] as const;
type PresetPath = (typeof PRESET_PATHS)[number];

type AppliedPreset =
  | {
      ok: true;
      gateway: GatewaySettings /** Paths left alone because the policy sets them. */;
      kept: PresetPath[];
    }
  | { ok: false; missing: string[] };

/**
 * The gateway settings with a preset applied and its placeholders filled in. The preset replaces the base URL,
 * format, auth header and scheme, extra headers and attribution; where the key comes from is left alone, and
 * so is every path `isLocked` says an administrator's policy sets.
 */
export function applyGatewayPreset(
  gateway: GatewaySettings,
  preset: GatewayPreset,
  values: Record<string, string>,
  isLocked: (path: PresetPath) => boolean = () => false,
): AppliedPreset {
  const kept = PRESET_PATHS.filter(isLocked);
  const free = (path: PresetPath) => !kept.includes(path);
  const usedTexts = [
    ...(free('gateway.baseUrl') ? [preset.gateway.baseUrl] : []),
    ...(free('gateway.headers') ? Object.values(preset.gateway.headers) : []),
  ];
  const missing = presetPlaceholders(preset).filter(
    (name) => usedTexts.some((text) => text.includes(`{${name}}`)) && !values[name]?.trim(),
  );
  if (missing.length > 0) return { ok: false, missing };
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => values[name]?.trim() ?? '');
  const { baseUrl, apiFormat, auth, headers, userAttribution } = preset.gateway;
  const pick = <T>(path: PresetPath, fromPreset: T, current: T): T => (free(path) ? fromPreset : current);
  return {
    ok: true,
    kept,
    gateway: {
      baseUrl: pick('gateway.baseUrl', fill(baseUrl), gateway.baseUrl),
      apiFormat: pick('gateway.apiFormat', apiFormat, gateway.apiFormat),
      auth: {
        ...gateway.auth,
        header: pick('gateway.auth.header', auth.header, gateway.auth.header),
        scheme: pick('gateway.auth.scheme', auth.scheme, gateway.auth.scheme),
      },
      headers: pick(
        'gateway.headers',
        Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, fill(value)])),
        gateway.headers,
      ),
      userAttribution: {
        header: pick(
          'gateway.userAttribution.header',
          userAttribution.header,
          gateway.userAttribution.header,
        ),
        bodyUser: pick(
          'gateway.userAttribution.bodyUser',
          userAttribution.bodyUser,
          gateway.userAttribution.bodyUser,
        ),
      },
      // Timeouts are the organisation's choice, not the gateway product's.
      firstByteTimeoutSeconds: gateway.firstByteTimeoutSeconds,
      stallTimeoutSeconds: gateway.stallTimeoutSeconds,
    },
  };
}

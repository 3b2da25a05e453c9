import type { GatewaySettings } from '../../settings/schema';
import { azureApiManagement } from './azure-api-management';
import { azureOpenai } from './azure-openai';
import { cloudflareAiGateway } from './cloudflare-ai-gateway';
import { litellm } from './litellm';
import { openrouter } from './openrouter';
import { portkey } from './portkey';
import type { GatewayPreset } from './types';

export type { GatewayPreset } from './types';

/**
 * Known gateways, in the order the options page offers them. Adding one is a file in this folder (see
 * litellm.ts) and an entry here; the options page's picker reads this list, and a test keeps
 * docs/gateways.md naming every preset.
 */
export const GATEWAY_PRESETS = [
  litellm,
  portkey,
  azureOpenai,
  azureApiManagement,
  cloudflareAiGateway,
  openrouter,
] as const satisfies readonly GatewayPreset[];

export type GatewayPresetId = (typeof GATEWAY_PRESETS)[number]['id'];

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

import { z } from 'zod';
import { settingsSchema } from '../../settings/schema';
import { isSection, leafMeta } from '../leaves';
import { POLICY_KEYS } from '../policy-keys';

/**
 * Where each policy key lives under `…\3rdparty\extensions\<id>\policy` on Windows, in the forms Chromium
 * reads there: sections as subkeys, booleans and whole numbers as REG_DWORD, text as REG_SZ, lists of text
 * as a subkey of numbered values, maps of text as a subkey of named values, and lists of objects (models,
 * templates…) as one JSON text, which Chromium parses for array and object policies.
 */
export type RegistryForm =
  | { kind: 'boolean' }
  | { kind: 'integer' }
  | { kind: 'text' }
  | { kind: 'choice'; options: string[] }
  | { kind: 'text-list' }
  | { kind: 'text-map' }
  | { kind: 'json' };

export interface RegistryEntry {
  /** Dotted key, e.g. `gateway.auth.source`. */
  path: string;
  /** Subkey below `policy` holding the value (`gateway\auth`), '' for the policy key itself. */
  key: string;
  valueName: string;
  form: RegistryForm;
  ja: string;
  description: string;
  sensitive: boolean;
}

const unwrap = (schema: z.ZodType): z.ZodType =>
  schema instanceof z.ZodOptional ? unwrap(schema.unwrap() as z.ZodType) : schema;

function formOf(schema: z.ZodType): RegistryForm {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodBoolean) return { kind: 'boolean' };
  if (inner instanceof z.ZodNumber) return { kind: 'integer' };
  if (inner instanceof z.ZodEnum) return { kind: 'choice', options: inner.options.map(String) };
  if (inner instanceof z.ZodString) return { kind: 'text' };
  if (inner instanceof z.ZodRecord) return { kind: 'text-map' };
  if (inner instanceof z.ZodArray)
    return unwrap(inner.element as z.ZodType) instanceof z.ZodString
      ? { kind: 'text-list' }
      : { kind: 'json' };
  return { kind: 'json' };
}

function collect(section: z.ZodObject, prefix: string[], into: RegistryEntry[]): RegistryEntry[] {
  for (const [name, schema] of Object.entries(section.shape) as [string, z.ZodType][]) {
    const meta = leafMeta(schema);
    if (meta.userOnly) continue;
    if (isSection(schema)) {
      collect(schema, [...prefix, name], into);
      continue;
    }
    into.push({
      path: [...prefix, name].join('.'),
      key: prefix.join('\\'),
      valueName: name,
      form: formOf(schema),
      ja: meta.ja ?? '',
      description: meta.description ?? '',
      sensitive: meta.sensitive ?? false,
    });
  }
  return into;
}

export const REGISTRY_ENTRIES: readonly RegistryEntry[] = [
  ...collect(settingsSchema, [], []),
  {
    path: POLICY_KEYS,
    key: '',
    valueName: POLICY_KEYS,
    form: { kind: 'text-list' },
    ja: '届いたか確かめる最上位キーの一覧',
    description: 'Top-level keys the extension checks for arrival',
    sensitive: false,
  },
];

/** Chromium's policy keys for the extension and its force-install, per browser. */
export const BROWSERS = {
  chrome: { label: 'Google Chrome', root: 'Software\\Policies\\Google\\Chrome' },
  edge: { label: 'Microsoft Edge', root: 'Software\\Policies\\Microsoft\\Edge' },
} as const;
export type WindowsBrowser = keyof typeof BROWSERS;

export const policyKeyPath = (browser: WindowsBrowser, id: string) =>
  `${BROWSERS[browser].root}\\3rdparty\\extensions\\${id}\\policy`;

export const extensionSettingsKeyPath = (browser: WindowsBrowser, id: string) =>
  `${BROWSERS[browser].root}\\ExtensionSettings\\${id}`;

/**
 * Keeping the toolbar button visible is named differently: Chrome's `toolbar_pin: "force_pinned"`, Edge's
 * `toolbar_state: "force_shown"` (each vendor's ExtensionSettings documentation).
 */
export const TOOLBAR_PIN = {
  chrome: { valueName: 'toolbar_pin', value: 'force_pinned' },
  edge: { valueName: 'toolbar_state', value: 'force_shown' },
} as const;

/** The `ExtensionSettings` entry that force-installs the extension from the organisation's server. */
export function forceInstallEntry(browser: WindowsBrowser, updateUrl: string): Record<string, unknown> {
  return {
    installation_mode: 'force_installed',
    update_url: updateUrl,
    override_update_url: true,
    [TOOLBAR_PIN[browser].valueName]: TOOLBAR_PIN[browser].value,
  };
}

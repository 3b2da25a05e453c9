import { z } from 'zod';
import { settingsSchema } from '../settings/schema';

/**
 * `policyKeys`: the top-level keys a policy holds, written into the policy by `policy:check --write-keys`
 * and the generated templates. Chromium silently drops a top-level key whose value has the wrong type
 * (measured on Chromium 156; `chrome://policy` does not list it either), so without this list a typo such
 * as `"retentionDays": "30"` would unlock the setting without a word. A listed key that does not arrive
 * keeps its last good value, locked, and the options page names it.
 */
export const POLICY_KEYS = 'policyKeys';

export const POLICY_KEYS_DOC = {
  ja: 'このポリシーに書いた最上位のキーの一覧（policy:check と生成テンプレートが書き込みます）。届かなかったキーは前回の値を保ち、オプション画面に表示されます',
  description:
    'The top-level keys this policy holds (written by policy:check and the generated templates); a listed key that does not arrive keeps its last good value and is named on the options page',
};

/** Top-level keys a policy may set (the user-only ones excluded): what `policyKeys` may name. */
export const TOP_LEVEL_KEYS: readonly string[] = Object.keys(settingsSchema.shape).filter(
  (key) =>
    !(settingsSchema.shape[key as keyof typeof settingsSchema.shape].meta() as { userOnly?: boolean })
      ?.userOnly,
);

/** The `policyKeys` entry for a policy: its own top-level keys that the schema knows, sorted. */
export function policyKeysFor(policy: Record<string, unknown>): string[] {
  return Object.keys(policy)
    .filter((key) => TOP_LEVEL_KEYS.includes(key))
    .sort();
}

/** Splits `policyKeys` off a policy: the list (only names the schema knows) and the policy without it. */
export function splitPolicyKeys(raw: unknown): { listed: string[]; policy: unknown } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !Object.hasOwn(raw, POLICY_KEYS)) {
    return { listed: [], policy: raw };
  }
  const { [POLICY_KEYS]: keys, ...policy } = raw as Record<string, unknown>;
  const parsed = z.array(z.string()).safeParse(keys);
  return { listed: parsed.success ? parsed.data.filter((key) => TOP_LEVEL_KEYS.includes(key)) : [], policy };
}

import { DEFAULT_SETTINGS, type Settings } from '../settings/schema';
import { findLeaf, getPath, SETTING_LEAVES, setPath } from './leaves';
import { splitPolicyKeys } from './policy-keys';
import { type PolicyProblem, type PolicySource, validateLeaves } from './validate';

/** The last valid value of each key, per source, kept so that a broken policy never undoes a good one. */
export type LastGood = Partial<Record<PolicySource, Record<string, unknown>>>;

export interface PolicyInputs {
  /** The user's own settings as stored. */
  user: unknown;
  /** The policy fetched from `policyUrl`, if any. */
  url: unknown;
  /** Why the policy URL could not be fetched this time (its last copy, if any, is still in `url`). */
  urlProblem?: PolicyProblem;
  /** `storage.managed` (Chrome/Edge enterprise policy, Firefox policies.json). */
  managed: unknown;
  lastGood: LastGood;
}

export interface EffectiveSettings {
  /** What the extension uses: defaults ← user ← policy URL ← managed policy. */
  settings: Settings;
  /** The user's own values over the defaults: what the options page edits. */
  user: Settings;
  /** Keys a policy sets, and which policy: shown locked. */
  forced: Record<string, PolicySource>;
  problems: PolicyProblem[];
  /** User settings that were unreadable and fell back to the default. */
  resetKeys: string[];
  lastGood: LastGood;
}

function applyValues(target: Settings, values: Map<string, unknown>): void {
  for (const [path, value] of values)
    setPath(target as unknown as Record<string, unknown>, path, structuredClone(value));
}

/**
 * Remembered values come back from storage: check them again, so that one written before a schema change
 * (or tampered with) never reaches the settings or a path outside the schema such as `__proto__`.
 */
function rememberedValues(remembered: unknown): Map<string, unknown> {
  const values = new Map<string, unknown>();
  if (typeof remembered !== 'object' || remembered === null || Array.isArray(remembered)) return values;
  for (const [path, value] of Object.entries(remembered)) {
    const leaf = findLeaf(path);
    const parsed = leaf && !leaf.userOnly ? leaf.schema.safeParse(value) : undefined;
    if (parsed?.success) values.set(path, parsed.data);
  }
  return values;
}

/** An invalid section (`"history": "30"`) or a policy that is not an object covers the keys inside it. */
const isWithin = (path: string, invalidPath: string) =>
  invalidPath === '' || path === invalidPath || path.startsWith(`${invalidPath}.`);

export function resolveSettings(inputs: PolicyInputs): EffectiveSettings {
  const user = structuredClone(DEFAULT_SETTINGS);
  const userLeaves = validateLeaves(inputs.user ?? {}, 'user');
  applyValues(user, userLeaves.values);
  const resetKeys = userLeaves.problems.map((problem) => problem.path);

  const settings = structuredClone(user);
  const forced: Record<string, PolicySource> = {};
  const problems: PolicyProblem[] = inputs.urlProblem ? [inputs.urlProblem] : [];
  const lastGood: LastGood = {};

  // Weakest first, so the managed policy wins. A withdrawn policy (`{}`) forces nothing: defaults and the
  // user's own settings apply again, and nothing is remembered for it.
  for (const source of ['url', 'managed'] as const) {
    if (inputs[source] === undefined || inputs[source] === null) continue;
    const previous = rememberedValues(inputs.lastGood[source]);
    const { listed, policy } = splitPolicyKeys(inputs[source]);
    const validated = validateLeaves(policy, source);
    problems.push(...validated.problems);
    const kept = new Map(validated.values);
    const keepPrevious = (within: string) => {
      for (const [path, value] of previous) if (isWithin(path, within)) kept.set(path, value);
    };
    for (const problem of validated.problems) if (problem.kind === 'invalid') keepPrevious(problem.path);
    // A listed key that did not arrive was dropped by the browser for a wrong-typed value inside it.
    for (const key of listed) {
      if (Object.hasOwn(policy as object, key)) continue;
      problems.push({
        source,
        path: key,
        kind: 'dropped',
        expected: 'listed in policyKeys',
        found: 'nothing',
      });
      keepPrevious(key);
    }
    applyValues(settings, kept);
    for (const path of kept.keys()) forced[path] = source;
    lastGood[source] = Object.fromEntries(kept);
  }
  return { settings, user, forced, problems, resetKeys, lastGood };
}

/** True when a key, or a section containing it, is set by a policy. */
export function forcedBy(
  effective: Pick<EffectiveSettings, 'forced'>,
  path: string,
): PolicySource | undefined {
  return effective.forced[path];
}

/** Every setting with its effective value and where it comes from, for the options page. */
export function describeSources(effective: EffectiveSettings) {
  return SETTING_LEAVES.map((leaf) => {
    const value = getPath(effective.settings, leaf.path);
    const userValue = getPath(effective.user, leaf.path);
    const source =
      effective.forced[leaf.path] ??
      (JSON.stringify(userValue) !== JSON.stringify(getPath(DEFAULT_SETTINGS, leaf.path))
        ? 'user'
        : 'default');
    return { leaf, value, source };
  });
}

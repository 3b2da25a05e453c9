import { browser } from 'wxt/browser';
import { type Settings, settingsSchema } from '../settings/schema';
import { SETTING_LEAVES } from './leaves';
import type { PolicyUrlCache } from './policy-url';
import { type EffectiveSettings, type LastGood, resolveSettings } from './resolve';

const USER_KEY = 'settings';
const URL_CACHE_KEY = 'policyUrlCache';
const LAST_GOOD_KEY = 'policyLastGood';
/**
 * Only the background writes the last good policy, right after resolving with it: a change of it is not a
 * reason to resolve everything again.
 */
const WATCHED_LOCAL_KEYS = [USER_KEY, URL_CACHE_KEY];
/** Policy values Chrome hides in chrome://policy (the organisation's key) never go to disk: memory only. */
const SENSITIVE_PATHS = SETTING_LEAVES.filter((leaf) => leaf.sensitive && !leaf.userOnly).map(
  (leaf) => leaf.path,
);

async function readManaged(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    // Firefox without a policies.json entry, or a browser without managed storage.
    return undefined;
  }
}

export async function readPolicyUrlCache(): Promise<PolicyUrlCache | undefined> {
  const stored = await browser.storage.local.get(URL_CACHE_KEY);
  return stored[URL_CACHE_KEY] as PolicyUrlCache | undefined;
}

export async function writePolicyUrlCache(cache: PolicyUrlCache): Promise<void> {
  await browser.storage.local.set({ [URL_CACHE_KEY]: cache });
}

export async function loadEffectiveSettings(): Promise<EffectiveSettings> {
  const [local, session, managed] = await Promise.all([
    browser.storage.local.get([...WATCHED_LOCAL_KEYS, LAST_GOOD_KEY]),
    browser.storage.session.get(LAST_GOOD_KEY),
    readManaged(),
  ]);
  const user = local[USER_KEY];
  const lastGood = joinLastGood(local[LAST_GOOD_KEY], session[LAST_GOOD_KEY]);
  const withoutUrl = resolveSettings({ user, url: undefined, managed, lastGood });
  const cache = local[URL_CACHE_KEY] as PolicyUrlCache | undefined;
  const policyUrl = withoutUrl.settings.policyUrl;
  if (!policyUrl || cache?.url !== policyUrl) return withoutUrl;
  return resolveSettings({
    user,
    url: cache.body,
    urlProblem: cache.error
      ? { source: 'url', path: '', kind: 'unavailable', expected: policyUrl, found: cache.error }
      : undefined,
    managed,
    lastGood,
  });
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The two halves of the last good policy, put together (each is checked again when resolving). */
function joinLastGood(onDisk: unknown, inMemory: unknown): LastGood {
  const joined: Record<string, unknown> = {};
  for (const source of ['url', 'managed'] as const) {
    const disk = isRecord(onDisk) ? onDisk[source] : undefined;
    const memory = isRecord(inMemory) ? inMemory[source] : undefined;
    if (disk === undefined && memory === undefined) continue;
    joined[source] = { ...(isRecord(disk) ? disk : {}), ...(isRecord(memory) ? memory : {}) };
  }
  return joined as LastGood;
}

/** Splits the last good policy into what may be stored on disk and the sensitive values kept in memory. */
function splitLastGood(lastGood: LastGood): { onDisk: LastGood; inMemory: LastGood } {
  const onDisk: LastGood = {};
  const inMemory: LastGood = {};
  for (const [source, values] of Object.entries(lastGood) as [keyof LastGood, Record<string, unknown>][]) {
    const entries = Object.entries(values);
    onDisk[source] = Object.fromEntries(entries.filter(([path]) => !SENSITIVE_PATHS.includes(path)));
    const secret = entries.filter(([path]) => SENSITIVE_PATHS.includes(path));
    if (secret.length > 0) inMemory[source] = Object.fromEntries(secret);
  }
  return { onDisk, inMemory };
}

/** JSON with object keys sorted: storage hands objects back in its own key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Remembers each policy key's last valid value; only the background calls this, to avoid races. The
 * organisation's key (`gateway.auth.value`) goes to session storage, which lives in memory only: a
 * browser restart reads it from the policy again.
 */
export async function rememberLastGood(effective: EffectiveSettings): Promise<void> {
  const { onDisk, inMemory } = splitLastGood(effective.lastGood);
  const [local, session] = await Promise.all([
    browser.storage.local.get(LAST_GOOD_KEY),
    browser.storage.session.get(LAST_GOOD_KEY),
  ]);
  // An unchanged value is not written again, so storage listeners elsewhere are not woken for nothing.
  const writes: Promise<void>[] = [];
  if (canonicalJson(local[LAST_GOOD_KEY] ?? {}) !== canonicalJson(onDisk))
    writes.push(browser.storage.local.set({ [LAST_GOOD_KEY]: onDisk }));
  if (canonicalJson(session[LAST_GOOD_KEY] ?? {}) !== canonicalJson(inMemory))
    writes.push(browser.storage.session.set({ [LAST_GOOD_KEY]: inMemory }));
  await Promise.all(writes);
}

/** The user's own settings; values a policy forces are stored too but never win over the policy. */
export async function saveUserSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [USER_KEY]: settingsSchema.parse(settings) });
}

/** Calls back with fresh effective settings after any change of user settings or policy. */
export function watchEffectiveSettings(onChange: (effective: EffectiveSettings) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    const relevant =
      area === 'managed' || (area === 'local' && WATCHED_LOCAL_KEYS.some((key) => key in changes));
    if (relevant) void loadEffectiveSettings().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

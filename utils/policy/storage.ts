import { browser } from 'wxt/browser';
import { type Settings, settingsSchema } from '../settings/schema';
import type { PolicyUrlCache } from './policy-url';
import { type EffectiveSettings, type LastGood, resolveSettings } from './resolve';

const USER_KEY = 'settings';
const URL_CACHE_KEY = 'policyUrlCache';
const LAST_GOOD_KEY = 'policyLastGood';
const WATCHED_LOCAL_KEYS = [USER_KEY, URL_CACHE_KEY, LAST_GOOD_KEY];

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
  const [local, managed] = await Promise.all([browser.storage.local.get(WATCHED_LOCAL_KEYS), readManaged()]);
  const user = local[USER_KEY];
  const lastGood = (local[LAST_GOOD_KEY] ?? {}) as LastGood;
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

/** Remembers each policy key's last valid value; only the background calls this, to avoid races. */
/** JSON with object keys sorted: storage hands objects back in its own key order. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

export async function rememberLastGood(effective: EffectiveSettings): Promise<void> {
  const stored = await browser.storage.local.get(LAST_GOOD_KEY);
  // Writing triggers our own change listener; an unchanged value must not, or it would loop forever.
  if (canonicalJson(stored[LAST_GOOD_KEY] ?? {}) === canonicalJson(effective.lastGood)) return;
  await browser.storage.local.set({ [LAST_GOOD_KEY]: effective.lastGood });
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

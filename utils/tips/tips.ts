import { browser } from 'wxt/browser';
import { fetchPolicyUrl, type PolicyUrlCache } from '../policy/policy-url';
import { type Tip, tipSchema } from '../settings/schema';

/**
 * "今週のヒント": the policy's `tips` plus those published at `tipsUrl`. The URL is fetched by the background
 * exactly like the policy URL (same size cap, timeout, ETag and last-good copy), and each tip is validated
 * on its own so one broken entry does not hide the others.
 */
const URL_CACHE_KEY = 'tipsUrlCache';
const READ_KEY = 'tipsRead';

/** A tip has no id; its date and title identify it for the read state. */
export const tipKey = (tip: Pick<Tip, 'date' | 'title'>) => `${tip.date}|${tip.title}`;

/** Tips from a tips URL body: an array of tips, or `{ "tips": [...] }`. Invalid entries are skipped. */
export function tipsFromBody(body: unknown): Tip[] {
  const list = Array.isArray(body)
    ? body
    : typeof body === 'object' && body !== null && Array.isArray((body as { tips?: unknown }).tips)
      ? (body as { tips: unknown[] }).tips
      : [];
  return list.flatMap((entry) => {
    const parsed = tipSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Both sources together, newest first, each tip once (the policy's copy wins). */
export function mergeTips(policyTips: readonly Tip[], urlTips: readonly Tip[]): Tip[] {
  const seen = new Set<string>();
  const merged: Tip[] = [];
  for (const tip of [...policyTips, ...urlTips]) {
    if (seen.has(tipKey(tip))) continue;
    seen.add(tipKey(tip));
    merged.push(tip);
  }
  return merged.sort((a, b) => b.date.localeCompare(a.date));
}

export function unreadTips(tips: readonly Tip[], read: ReadonlySet<string>): Tip[] {
  return tips.filter((tip) => !read.has(tipKey(tip)));
}

export async function readTipsUrlCache(): Promise<PolicyUrlCache | undefined> {
  const stored = await browser.storage.local.get(URL_CACHE_KEY);
  return stored[URL_CACHE_KEY] as PolicyUrlCache | undefined;
}

/** Called by the background at start, when `tipsUrl` changes and on the policy alarm. */
export async function refreshTipsUrl(tipsUrl: string): Promise<void> {
  if (!tipsUrl) return;
  const previous = await readTipsUrlCache();
  await browser.storage.local.set({ [URL_CACHE_KEY]: await fetchPolicyUrl(tipsUrl, previous) });
}

export async function readTipsRead(): Promise<Set<string>> {
  const stored = await browser.storage.local.get(READ_KEY);
  const keys = stored[READ_KEY];
  return new Set(Array.isArray(keys) ? keys.filter((key): key is string => typeof key === 'string') : []);
}

export async function markTipsRead(tips: readonly Tip[]): Promise<void> {
  const read = await readTipsRead();
  for (const tip of tips) read.add(tipKey(tip));
  await browser.storage.local.set({ [READ_KEY]: [...read] });
}

/** Calls back when the tips URL copy or the read state changes. */
export function watchTips(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && (URL_CACHE_KEY in changes || READ_KEY in changes)) onChange();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

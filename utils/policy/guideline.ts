import { browser } from 'wxt/browser';
import type { Settings } from '../settings/schema';

/** Kept on this PC only: which version of the guideline the user accepted, and when. */
export interface GuidelineAcceptance {
  version: string;
  acceptedAt: number;
}

const KEY = 'guidelineAcceptance';

export async function readAcceptance(): Promise<GuidelineAcceptance | undefined> {
  const stored = await browser.storage.local.get(KEY);
  const value = stored[KEY] as GuidelineAcceptance | undefined;
  return typeof value?.version === 'string' && typeof value.acceptedAt === 'number' ? value : undefined;
}

export async function acceptGuideline(version: string, now = Date.now()): Promise<void> {
  await browser.storage.local.set({ [KEY]: { version, acceptedAt: now } satisfies GuidelineAcceptance });
}

/** Nothing may be sent while this is true. A new version asks again. */
export function mustAcceptGuideline(
  guideline: Settings['guideline'],
  acceptance: GuidelineAcceptance | undefined,
) {
  return guideline.requireAcceptance && acceptance?.version !== guideline.version;
}

export function watchAcceptance(onChange: (acceptance: GuidelineAcceptance | undefined) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) void readAcceptance().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

import { browser } from 'wxt/browser';

/** Whether the first-run tour was closed, in storage.local (per browser profile, never synced). */
const KEY = 'onboarding';

export interface OnboardingState {
  tourDismissed: boolean;
}

export async function readOnboarding(): Promise<OnboardingState> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as Partial<OnboardingState> | undefined;
  return { tourDismissed: stored?.tourDismissed === true };
}

export async function writeOnboarding(state: OnboardingState): Promise<void> {
  await browser.storage.local.set({ [KEY]: state });
}

import { browser } from 'wxt/browser';
import { type ActionId, actionIdSchema } from '../actions/registry';

/** The action the keyboard shortcut runs: the one used last, summarise before any was used. */
const KEY = 'lastAction';

export async function readLastAction(): Promise<ActionId> {
  const stored = await browser.storage.local.get(KEY);
  const parsed = actionIdSchema.safeParse(stored[KEY]);
  return parsed.success ? parsed.data : 'summarize';
}

export async function rememberLastAction(action: ActionId): Promise<void> {
  await browser.storage.local.set({ [KEY]: action });
}

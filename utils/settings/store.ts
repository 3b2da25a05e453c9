import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, type Settings, settingsSchema } from './schema';

const KEY = 'settings';

export interface LoadedSettings {
  settings: Settings;
  /** Keys whose stored value was unreadable and fell back to the default. */
  resetKeys: string[];
}

/** Parses each key on its own so that one damaged value never loses the others. */
export function parseStoredSettings(raw: unknown): LoadedSettings {
  const stored = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const settings: Record<string, unknown> = structuredClone(DEFAULT_SETTINGS);
  const resetKeys: string[] = [];
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    if (!(key in stored)) continue;
    const parsed = schema.safeParse(stored[key]);
    if (parsed.success) settings[key] = parsed.data;
    else resetKeys.push(key);
  }
  return { settings: settings as Settings, resetKeys };
}

export async function loadSettings(): Promise<LoadedSettings> {
  const stored = await browser.storage.local.get(KEY);
  return parseStoredSettings(stored[KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settingsSchema.parse(settings) });
}

/** Calls back with fresh settings whenever they change, from any page. Returns the unsubscribe. */
export function watchSettings(onChange: (loaded: LoadedSettings) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[KEY];
    if (area === 'local' && change) onChange(parseStoredSettings(change.newValue));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

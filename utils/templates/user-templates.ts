import { browser } from 'wxt/browser';
import { type Template, templateSchema } from '../settings/schema';

/** A member of staff's own templates, on this PC only (storage.local); never part of any policy. */
const KEY = 'userTemplates';

export async function readUserTemplates(): Promise<Template[]> {
  const stored = await browser.storage.local.get(KEY);
  const parsed = templateSchema.array().safeParse(stored[KEY]);
  return parsed.success ? parsed.data : [];
}

export async function saveUserTemplate(template: Template): Promise<void> {
  const others = (await readUserTemplates()).filter((entry) => entry.id !== template.id);
  await browser.storage.local.set({ [KEY]: [...others, templateSchema.parse(template)] });
}

export async function deleteUserTemplate(id: string): Promise<void> {
  const kept = (await readUserTemplates()).filter((entry) => entry.id !== id);
  await browser.storage.local.set({ [KEY]: kept });
}

export function watchUserTemplates(onChange: (templates: Template[]) => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KEY in changes) void readUserTemplates().then(onChange);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

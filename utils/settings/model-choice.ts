import { browser } from 'wxt/browser';
import type { ActionId } from '../actions/types';
import type { ModelEntry, Settings } from './schema';
import { defaultModelId } from './target';

/** What a model is chosen for: each right-click action, and the chat. */
export type ModelUse = ActionId | 'chat';
/** The user's last explicit choice per use, kept in this browser's `storage.local`. */
export type LastModels = Partial<Record<ModelUse, string>>;

const STORAGE_KEY = 'lastModels';

/**
 * The model a use starts on. The user's last explicit choice for it wins while it is still offered; then the
 * administrator's model for that action (`actions.<id>.model`); then the default model.
 */
export function modelForUse(
  settings: Settings,
  offered: ModelEntry[],
  last: LastModels,
  use: ModelUse,
): string {
  const isOffered = (id: string | undefined): id is string =>
    Boolean(id) && offered.some((model) => model.id === id);
  const remembered = last[use];
  if (isOffered(remembered)) return remembered;
  const actionModel = use === 'chat' ? '' : settings.actions[use].model;
  if (actionModel) return actionModel;
  const fallback = defaultModelId(settings);
  return isOffered(fallback) || offered.length === 0 ? fallback : (offered[0]?.id ?? fallback);
}

/** "PLaMo（国産） — 日本語の公用文": the label and purpose when the administrator gave them, else the id. */
/** What staff read for a model: the policy's label ("ChatGPT"), its id only when there is none. */
export function modelLabel(models: readonly ModelEntry[], id: string): string {
  return models.find((model) => model.id === id)?.label || id;
}

export function modelTitle(model: ModelEntry | undefined, id = model?.id ?? ''): string {
  if (!model?.label) return model?.purpose ? `${id} — ${model.purpose}` : id;
  return model.purpose ? `${model.label} — ${model.purpose}` : model.label;
}

export async function loadLastModels(): Promise<LastModels> {
  const stored = (await browser.storage.local.get(STORAGE_KEY))[STORAGE_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as LastModels) : {};
}

export async function rememberModel(use: ModelUse, modelId: string): Promise<LastModels> {
  const next = { ...(await loadLastModels()), [use]: modelId };
  await browser.storage.local.set({ [STORAGE_KEY]: next });
  return next;
}

import type { MessageKey, UiLanguage } from '../i18n';
import type { TextLanguage } from './language';
import type { TranslateTarget } from './translate-targets';

export type { ActionId } from './registry';

export interface ActionContext {
  uiLanguage: UiLanguage;
  /** Language of the selected text. */
  textLanguage: TextLanguage;
  translateTarget: TranslateTarget;
}

/** One right-click action, in one file; `registry.ts` lists them. */
export interface ActionDefinition<Id extends string = string> {
  id: Id;
  /** The menu entry and card title; the key must be in both `_locales` (a test checks it). */
  title: MessageKey;
  /** What the model is asked to do with the fenced document, in English (models follow it best). */
  instructions(context: ActionContext): string;
}

export const LANGUAGE_NAMES: Record<UiLanguage, string> = { ja: 'Japanese', en: 'English' };

/** Keeps the action's id as its literal type, so the registry can derive the id list from the actions. */
export function defineAction<const Id extends string>(action: ActionDefinition<Id>): ActionDefinition<Id> {
  return action;
}

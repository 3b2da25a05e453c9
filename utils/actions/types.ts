import { z } from 'zod';
import type { MessageKey, UiLanguage } from '../i18n';
import type { TextLanguage } from './language';
import type { TranslateTarget } from './translate-targets';

export const actionIdSchema = z.enum(['summarize', 'polite', 'proofread', 'translate']);
export type ActionId = z.infer<typeof actionIdSchema>;

export interface ActionContext {
  uiLanguage: UiLanguage;
  /** Language of the selected text. */
  textLanguage: TextLanguage;
  translateTarget: TranslateTarget;
}

export interface ActionDefinition {
  id: ActionId;
  title: MessageKey;
  /** What the model is asked to do with the fenced document, in English (models follow it best). */
  instructions(context: ActionContext): string;
}

export const LANGUAGE_NAMES: Record<UiLanguage, string> = { ja: 'Japanese', en: 'English' };

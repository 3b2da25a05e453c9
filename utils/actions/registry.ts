import { z } from 'zod';
import { polite } from './polite';
import { proofread } from './proofread-action';
import { summarize } from './summarize';
import { translate } from './translate';
import type { ActionDefinition } from './types';

/**
 * Every right-click action, in menu order. Adding an action is one file (see summarize.ts) and one entry
 * here: the ids, the menu, the policy schema (`actions.<id>`), managed_schema.json and the admin reference
 * all come from this list. docs/architecture.md says what else a new action may want.
 */
const ACTION_LIST = [summarize, polite, proofread, translate] as const;

export type ActionId = (typeof ACTION_LIST)[number]['id'];
export const ACTION_ORDER: ActionId[] = ACTION_LIST.map((action) => action.id);
export const ACTIONS = Object.fromEntries(ACTION_LIST.map((action) => [action.id, action])) as Record<
  ActionId,
  ActionDefinition<ActionId>
>;
export const actionIdSchema = z.enum(ACTION_ORDER as [ActionId, ...ActionId[]]);

/** An object with one entry per action, e.g. the policy's `actions` (see settings/schema.ts). */
export function perAction<T>(make: (id: ActionId) => T): Record<ActionId, T> {
  return Object.fromEntries(ACTION_ORDER.map((id) => [id, make(id)])) as Record<ActionId, T>;
}

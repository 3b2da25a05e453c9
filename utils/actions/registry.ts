import { polite } from './polite';
import { proofread } from './proofread-action';
import { summarize } from './summarize';
import { translate } from './translate';
import type { ActionDefinition, ActionId } from './types';

/** Every right-click action, in menu order. Adding an action: one file and one line here. */
export const ACTIONS: Record<ActionId, ActionDefinition> = { summarize, polite, proofread, translate };

export const ACTION_ORDER = Object.keys(ACTIONS) as ActionId[];

import type { ActionDefinition } from './types';

export const translate: ActionDefinition = {
  id: 'translate',
  title: 'action_translate',
  instructions: ({ translateTarget }) =>
    `Translate the document into ${translateTarget.promptName}. Keep the meaning, names, dates, amounts and ` +
    'line breaks. Output only the translation.',
};

import { defineAction } from './types';

export const translate = defineAction({
  id: 'translate',
  title: 'action_translate',
  instructions: ({ translateTarget }) =>
    `Translate the document into ${translateTarget.promptName}. Keep the meaning, names, dates, amounts and ` +
    'line breaks. Output only the translation.',
});

import { defineAction, LANGUAGE_NAMES } from './types';

export const summarize = defineAction({
  id: 'summarize',
  title: 'action_summarize',
  instructions: ({ uiLanguage }) =>
    `Summarise the document as a short Markdown bulleted list of 3 to 5 points, in ${LANGUAGE_NAMES[uiLanguage]}. ` +
    'Keep names, dates, amounts and deadlines exactly as written. Output only the bullets.',
});

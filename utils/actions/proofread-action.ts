import { defineAction, LANGUAGE_NAMES } from './types';

/** The answer format is a contract with `parseProofread` in ./proofread.ts. */
export const proofread = defineAction({
  id: 'proofread',
  title: 'action_proofread',
  instructions: ({ uiLanguage }) =>
    'Proofread the document. Fix typos, wrong kanji (誤字脱字・変換ミス), particles, inconsistent notation ' +
    '(表記ゆれ), punctuation and grammar. Keep the meaning, tone and line breaks; do not rewrite beyond ' +
    'corrections. Answer in exactly this format and nothing else:\n' +
    '<corrected>\n(the full corrected text)\n</corrected>\n<changes>\n- (each change and why, one per line)\n</changes>\n' +
    `Write the change list in ${LANGUAGE_NAMES[uiLanguage]}. If nothing needs correcting, return the text ` +
    'unchanged and a single change line saying so.',
});

import { defineAction } from './types';

export const polite = defineAction({
  id: 'polite',
  title: 'action_polite',
  instructions: ({ textLanguage }) =>
    textLanguage === 'en'
      ? 'Rewrite the document in polite, plain English suited to a letter from a public office. ' +
        'Keep every fact, name, date and number. Output only the rewritten text.'
      : 'Rewrite the document in polite Japanese suited to a Japanese municipal office: です・ます調 with correct ' +
        '敬語 (尊敬語 for residents, 謙譲語 for the office), following 公用文 conventions (「公用文作成の考え方」: ' +
        'clear and concise, one point per sentence, no ambiguous or overly stiff wording). Keep every fact, ' +
        'name, date and number. Output only the rewritten text.',
});

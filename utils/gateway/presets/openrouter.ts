import { definePreset } from './types';

export const openrouter = definePreset({
  id: 'openrouter',
  name: 'OpenRouter',
  gateway: {
    baseUrl: 'https://openrouter.ai/api/v1',
    apiFormat: 'openai',
    auth: { header: 'Authorization', scheme: 'Bearer' },
    // No HTTP-Referer / X-OpenRouter-Title: those put the app into OpenRouter's public rankings.
    headers: {},
    userAttribution: { header: '', bodyUser: true },
  },
  placeholders: {},
  note: {
    ja: 'キーは OpenRouter の API キー。モデルIDは「提供元/モデル」（例: openai/gpt-4o）。インターネット上のサービスです。',
    en: 'The key is an OpenRouter API key. Model ids are "vendor/model" (e.g. openai/gpt-4o). A service on the public internet.',
  },
  docs: [
    'https://openrouter.ai/docs/guides/administration/user-tracking',
    'https://openrouter.ai/docs/app-attribution',
  ],
});

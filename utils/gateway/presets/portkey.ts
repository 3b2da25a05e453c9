import { definePreset } from './types';

export const portkey = definePreset({
  id: 'portkey',
  name: 'Portkey',
  gateway: {
    baseUrl: 'https://api.portkey.ai/v1',
    apiFormat: 'openai',
    auth: { header: 'x-portkey-api-key', scheme: '' },
    headers: {},
    // Portkey copies the body's `user` into the `_user` metadata; its x-portkey-metadata header wants JSON,
    // which a plain attribution header cannot carry.
    userAttribution: { header: '', bodyUser: true },
  },
  placeholders: {},
  note: {
    ja: 'キーは Portkey の API キー。モデルIDは Model Catalog の「@プロバイダー/モデル」（例: @openai-prod/gpt-4o）。自前で動かすオープンソース版は docs/gateways.md を参照。',
    en: 'The key is a Portkey API key. Model ids are Model Catalog ids "@provider/model" (e.g. @openai-prod/gpt-4o). For the self-hosted open-source gateway see docs/gateways.md.',
  },
  docs: [
    'https://portkey.ai/docs/api-reference/inference-api/headers',
    'https://portkey.ai/docs/product/model-catalog',
    'https://portkey.ai/docs/aigw/product/observability/metadata',
  ],
});

import { definePreset } from './types';

export const litellm = definePreset({
  id: 'litellm',
  name: 'LiteLLM Proxy',
  gateway: {
    baseUrl: 'https://{host}/v1',
    apiFormat: 'openai',
    auth: { header: 'Authorization', scheme: 'Bearer' },
    headers: {},
    // LiteLLM reads this header first; it also reads `user` and Anthropic's `metadata.user_id` from the body.
    userAttribution: { header: 'x-litellm-end-user-id', bodyUser: false },
  },
  placeholders: {
    host: {
      ja: 'LiteLLM プロキシのホスト名（既定のポートは 4000）',
      en: 'Host of the LiteLLM proxy (default port 4000)',
      example: 'litellm.example.lg.jp:4000',
    },
  },
  note: {
    ja: 'キーは LiteLLM の仮想キー（sk-…）。モデルIDは config.yaml の model_name。/v1/messages（Anthropic 形式）も使えます。',
    en: 'The key is a LiteLLM virtual key (sk-…). Model ids are the model_name entries of config.yaml. /v1/messages (Anthropic format) is served too.',
  },
  docs: [
    'https://docs.litellm.ai/docs/proxy/api_key_auth',
    'https://docs.litellm.ai/docs/proxy/customers',
    'https://docs.litellm.ai/docs/anthropic_unified/',
  ],
});

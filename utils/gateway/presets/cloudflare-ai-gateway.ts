import { definePreset } from './types';

export const cloudflareAiGateway = definePreset({
  id: 'cloudflare-ai-gateway',
  name: 'Cloudflare AI Gateway',
  gateway: {
    baseUrl: 'https://gateway.ai.cloudflare.com/v1/{accountId}/{gatewayId}/compat',
    apiFormat: 'openai',
    // With the provider keys stored in the gateway (BYOK), the gateway token is the only secret sent.
    auth: { header: 'cf-aig-authorization', scheme: 'Bearer' },
    headers: {},
    // cf-aig-metadata wants a JSON object; the body's `user` lands in the logged request instead.
    userAttribution: { header: '', bodyUser: true },
  },
  placeholders: {
    accountId: {
      ja: 'Cloudflare アカウントID',
      en: 'Cloudflare account id',
      example: '0123456789abcdef0123456789abcdef',
    },
    gatewayId: {
      ja: 'AI Gateway の名前（ID）',
      en: 'AI Gateway name (id)',
      example: 'yaita-ai',
    },
  },
  note: {
    ja: 'キーは AI Gateway の認証トークン。プロバイダーのキーは Cloudflare 側に保存（BYOK）。モデルIDは「プロバイダー/モデル」（例: openai/gpt-4o-mini）。',
    en: 'The key is the AI Gateway authentication token; provider keys are stored in Cloudflare (BYOK). Model ids are "provider/model" (e.g. openai/gpt-4o-mini).',
  },
  docs: [
    'https://developers.cloudflare.com/ai-gateway/chat-completion/',
    'https://developers.cloudflare.com/ai-gateway/configuration/authentication/',
    'https://developers.cloudflare.com/ai-gateway/configuration/bring-your-own-keys/',
    'https://developers.cloudflare.com/ai-gateway/observability/custom-metadata/',
  ],
});

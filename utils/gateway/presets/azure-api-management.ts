import { definePreset } from './types';

export const azureApiManagement = definePreset({
  id: 'azure-api-management',
  name: 'Azure API Management',
  gateway: {
    baseUrl: 'https://{apimName}.azure-api.net/{apiPath}/openai/v1',
    apiFormat: 'openai',
    auth: { header: 'Ocp-Apim-Subscription-Key', scheme: '' },
    headers: {},
    userAttribution: { header: '', bodyUser: false },
  },
  placeholders: {
    apimName: {
      ja: 'API Management インスタンス名',
      en: 'API Management instance name',
      example: 'yaita-apim',
    },
    apiPath: {
      ja: 'API をインポートしたときのベースパス',
      en: 'Base path given when the API was imported',
      example: 'aoai',
    },
  },
  note: {
    ja: 'Azure OpenAI を「Azure OpenAI v1」互換で取り込んだ API 向け。キーはサブスクリプションキー（ヘッダー名は API ごとに変更可）。利用者IDは自組織のポリシーで読むヘッダーを決め、userAttribution.header に設定します。',
    en: 'For Azure OpenAI imported with the "Azure OpenAI v1" compatibility option. The key is a subscription key (its header name can be changed per API). Pick the header your own policy reads for the user id and put it in userAttribution.header.',
  },
  docs: [
    'https://learn.microsoft.com/azure/api-management/azure-ai-foundry-api',
    'https://learn.microsoft.com/azure/api-management/azure-openai-api-from-specification',
    'https://learn.microsoft.com/azure/api-management/llm-emit-token-metric-policy',
  ],
});

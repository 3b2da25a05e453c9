import { definePreset } from './types';

export const azureOpenai = definePreset({
  id: 'azure-openai',
  name: 'Azure OpenAI (v1 API)',
  gateway: {
    baseUrl: 'https://{resource}.openai.azure.com/openai/v1',
    apiFormat: 'openai',
    auth: { header: 'api-key', scheme: '' },
    headers: {},
    userAttribution: { header: '', bodyUser: false },
  },
  placeholders: {
    resource: {
      ja: 'Azure OpenAI リソース名',
      en: 'Azure OpenAI resource name',
      example: 'yaita-aoai',
    },
  },
  note: {
    ja: 'v1 API は api-version 不要。モデルIDはデプロイ名。キーはリソースの API キー（Entra ID のトークンは期限が切れるため保存するキーには向きません）。',
    en: 'The v1 API needs no api-version. Model ids are deployment names. The key is the resource API key (Entra ID tokens expire, so they do not suit a stored key).',
  },
  docs: [
    'https://learn.microsoft.com/azure/foundry/openai/api-version-lifecycle',
    'https://learn.microsoft.com/azure/api-management/api-management-authenticate-authorize-azure-openai',
  ],
});

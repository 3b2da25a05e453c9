import { defineConfig } from 'wxt';

// Public half of the signing key: it fixes the extension ID (kncpofkhcggbomfiiagidabljfiifemb) on every
// machine, which admins need for policy and force-install. The private key is never committed.
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzVVNygXQ6h2rzJL/3fnP4pveorv90ZdNeFzr14zOX47E+YD7aW+cnxmVnuizw9KTSKMUKRBXsQCiu7w8piu2UlS3d0FTDTZJvx2IcBbnMXl+MgooQwJF+kJHiViA0BlaJB+FvKla1d5HmgOCuKPh+o7U9NVKVazOx8fC/qjebyFShllYuHbbPySDfCuhe5WsJqUhXA4P9ReukTo++5/RUuqGBvZQlRSsLCDhijFCICJthxKIiRHmILMMcot6LadvFD/YyBGxxkNUJ2dJLYHF45AjHrVEJeE+cvnE2d22pcyHopxmtQFnEFQfdwdKcWJK9fYON5hWLw7bUegrMqRC6QIDAQAB';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ja',
    key: MANIFEST_KEY,
    permissions: ['storage', 'contextMenus', 'sidePanel', 'activeTab', 'scripting', 'alarms'],
    // Chrome and Edge read the enterprise policy against this schema (generated from utils/settings/schema.ts).
    storage: { managed_schema: 'managed_schema.json' },
    // Local gateways (LiteLLM or Ollama on the same PC) and the tests; any other gateway origin is asked
    // for at run time, exactly, with one click.
    host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
  },
});

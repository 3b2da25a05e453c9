import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig, type UserManifest } from 'wxt';
import { nameListsFromPackage, PII_NAMES_FILE } from './scripts/pii-names';
import { FIREFOX_EXTENSION_ID } from './utils/extension-ids';

// Public half of the signing key: it fixes the extension ID (kncpofkhcggbomfiiagidabljfiifemb) on every
// machine, which admins need for policy and force-install. The private key is never committed.
const MANIFEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzVVNygXQ6h2rzJL/3fnP4pveorv90ZdNeFzr14zOX47E+YD7aW+cnxmVnuizw9KTSKMUKRBXsQCiu7w8piu2UlS3d0FTDTZJvx2IcBbnMXl+MgooQwJF+kJHiViA0BlaJB+FvKla1d5HmgOCuKPh+o7U9NVKVazOx8fC/qjebyFShllYuHbbPySDfCuhe5WsJqUhXA4P9ReukTo++5/RUuqGBvZQlRSsLCDhijFCICJthxKIiRHmILMMcot6LadvFD/YyBGxxkNUJ2dJLYHF45AjHrVEJeE+cvnE2d22pcyHopxmtQFnEFQfdwdKcWJK9fYON5hWLw7bUegrMqRC6QIDAQAB';

// Firefox 140 (an ESR) is the first to read `data_collection_permissions`; it also has everything else we
// use in MV3 (storage.session, scripting, host permissions granted at install, sidebarAction). docs/firefox.md.
const FIREFOX_MIN_VERSION = '140.0';

/**
 * Keyboard shortcuts: open the panel, and run the last-used action on the selection. Users change them at
 * chrome://extensions/shortcuts (Firefox: about:addons → ⚙ → Manage Extension Shortcuts); the panel and the
 * options page show the binding in force from `commands.getAll()`.
 */
const runLastAction = {
  'run-last-action': {
    suggested_key: { default: 'Alt+Shift+Y' },
    description: '__MSG_commandRunLastAction__',
  },
};
const openPanelShortcut = {
  suggested_key: { default: 'Alt+Shift+K' },
  description: '__MSG_commandOpenPanel__',
};

/** What every browser gets. The side panel page becomes `side_panel` (Chrome, Edge) or `sidebar_action` (Firefox). */
const identity = {
  name: '__MSG_extName__',
  description: '__MSG_extDescription__',
  default_locale: 'ja',
} satisfies UserManifest;

const access = {
  // Local gateways (LiteLLM or Ollama on the same PC) and the tests; any other gateway origin is asked
  // for at run time, exactly, with one click.
  host_permissions: ['http://127.0.0.1/*', 'http://localhost/*'],
  optional_host_permissions: ['https://*/*', 'http://*/*'],
  action: { default_title: '__MSG_extName__' },
  // Model output is untrusted: our pages load no remote images, frames or plugins. connect-src stays open,
  // because the gateway is whatever origin the organisation runs.
  content_security_policy: {
    extension_pages:
      "script-src 'self'; object-src 'none'; base-uri 'none'; img-src 'self' data:; media-src 'none'; font-src 'self'; " +
      "style-src 'self'; frame-src 'none'; worker-src 'self'; form-action 'none'",
  },
} satisfies UserManifest;

const chromium = {
  ...identity,
  key: MANIFEST_KEY,
  // `identity`: the sign-in window for `gateway.auth.source: "oidc"` (utils/auth/launch.ts). No warning at install.
  permissions: ['storage', 'contextMenus', 'sidePanel', 'activeTab', 'scripting', 'alarms', 'identity'],
  // Chrome and Edge read the enterprise policy against this schema (generated from utils/settings/schema.ts).
  storage: { managed_schema: 'managed_schema.json' },
  // The toolbar action opens the side panel (setPanelBehavior), so its shortcut does too.
  commands: { _execute_action: openPanelShortcut, ...runLastAction },
  ...access,
} satisfies UserManifest;

const firefox = {
  ...identity,
  // No `sidePanel` (the sidebar needs no permission); `contextMenus` is Firefox's alias of `menus` and keeps
  // `browser.contextMenus` working. Firefox reads policy from policies.json, so there is no managed_schema.
  permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', 'alarms', 'identity'],
  commands: { _execute_sidebar_action: openPanelShortcut, ...runLastAction },
  ...access,
  browser_specific_settings: {
    gecko: {
      id: FIREFOX_EXTENSION_ID,
      strict_min_version: FIREFOX_MIN_VERSION,
      // What reaches the organisation's gateway when staff use it: selected page text and their own
      // chat messages. Nothing goes to us.
      data_collection_permissions: { required: ['websiteContent', 'personalCommunications'] },
    },
  },
} satisfies UserManifest;

/**
 * pdf.js needs, as files of the extension: its worker (the CSP allows no blob: workers), the CMaps that turn
 * Japanese CID fonts into text, and the standard font data. They are copied from the package at build time
 * to `pdfjs/` (utils/documents/pdf.ts loads them from there), so they always match the installed version.
 */
function pdfjsAssets(): { absoluteSrc: string; relativeDest: string }[] {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folder = (name: string) =>
    readdirSync(join(root, name)).map((file) => ({
      absoluteSrc: join(root, name, file),
      relativeDest: `pdfjs/${name}/${file}`,
    }));
  return [
    { absoluteSrc: join(root, 'legacy/build/pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' },
    ...folder('cmaps'),
    ...folder('standard_fonts'),
  ];
}

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  // Firefox gets MV3 too: the same `action`, `scripting` and (optional) host permissions as Chrome; WXT's MV2
  // conversion would drop `optional_host_permissions`, which the gateway permission button needs.
  manifestVersion: 3,
  manifest: ({ browser }) => (browser === 'firefox' ? firefox : chromium),
  zip: {
    // The sources zip is for Firefox's reviewers: what `npm ci && npm run build:firefox` needs, nothing else.
    excludeSources: [
      'test/**',
      'bench/**',
      'test-results/**',
      'docs/*.png',
      '**/*.pem',
      '**/*.zip',
      '**/*.xpi',
    ],
  },
  hooks: {
    // Residents' names are recognised with IPADIC's name entries, taken from the analyser's package at build
    // time (a few hundred KB), not its whole 18 MB dictionary: the panel fetches them when it opens.
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: PII_NAMES_FILE, contents: JSON.stringify(nameListsFromPackage()) });
      files.push(...pdfjsAssets());
    },
  },
});

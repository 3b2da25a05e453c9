import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, FIREFOX_EXTENSION_ID } from '../../utils/extension-ids';

// The built packages, as shipped: Chrome's is also Edge's.
const OUTPUT = resolve(import.meta.dirname, '../../.output');
const packageVersion = (
  JSON.parse(readFileSync(resolve(OUTPUT, '../package.json'), 'utf8')) as { version: string }
).version;

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  browser_specific_settings?: {
    gecko?: {
      id?: string;
      strict_min_version?: string;
      data_collection_permissions?: { required?: string[] };
    };
  };
};

function built(target: string) {
  const dir = join(OUTPUT, target);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`No build in ${dir}: run \`npm run build:all\` first.`);
  return { dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest };
}

/** Chrome's rule: the ID is the first 32 hex digits of sha256(public key), each digit 0-f written as a-p. */
function idFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

// `identity`: the sign-in window when the policy asks each person to sign in (gateway.auth.source "oidc").
const EVERY_BROWSER_PERMISSIONS = ['activeTab', 'alarms', 'contextMenus', 'identity', 'scripting', 'storage'];

describe.each([
  { target: 'chrome-mv3', browser: 'Chrome and Edge' },
  { target: 'firefox-mv3', browser: 'Firefox' },
])('the $browser package ($target)', ({ target }) => {
  const { dir, manifest } = built(target);

  it('is Manifest V3 with the version from package.json', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.version).toBe(packageVersion);
  });

  it('puts nothing into web pages until staff act: no content scripts, no blanket host access', () => {
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
  });

  it('has its name and description in Japanese and English, every message the manifest names in both', () => {
    expect(manifest.default_locale).toBe('ja');
    expect(readdirSync(join(dir, '_locales')).sort()).toEqual(['en', 'ja']);
    const used = [...JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)].map((match) => match[1] ?? '');
    expect(used).toContain('extName');
    for (const locale of ['ja', 'en']) {
      const messages = JSON.parse(
        readFileSync(join(dir, '_locales', locale, 'messages.json'), 'utf8'),
      ) as Record<string, { message?: string }>;
      const missing = used.filter((name) => !messages[name]?.message?.trim());
      expect(missing, `${locale} lacks messages the manifest uses`).toEqual([]);
    }
  });
});

describe('the Chrome and Edge package', () => {
  const { dir, manifest } = built('chrome-mv3');

  it('asks for exactly the permissions it uses, including the side panel', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(
      [...EVERY_BROWSER_PERMISSIONS, 'sidePanel'].sort(),
    );
  });

  it('keeps the fixed extension ID that policies and force-install lists name', () => {
    expect(typeof manifest.key).toBe('string');
    expect(idFromKey(manifest.key as string)).toBe(EXTENSION_ID);
  });

  it('opens in the side panel and validates enterprise policy against the shipped schema', () => {
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(existsSync(join(dir, 'managed_schema.json'))).toBe(true);
    expect(manifest.browser_specific_settings).toBeUndefined();
  });
});

describe('the Firefox package', () => {
  const { manifest } = built('firefox-mv3');
  const gecko = manifest.browser_specific_settings?.gecko;

  it('asks for the same permissions minus the side panel, which Firefox does not have', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(EVERY_BROWSER_PERMISSIONS);
  });

  it('has the fixed add-on ID that policies.json names, and a minimum Firefox that reads data consent', () => {
    expect(gecko?.id).toBe(FIREFOX_EXTENSION_ID);
    expect(Number.parseFloat(gecko?.strict_min_version ?? '0')).toBeGreaterThanOrEqual(140);
    expect(manifest.key).toBeUndefined();
  });

  it('declares what reaches the gateway in Firefox data consent', () => {
    expect(gecko?.data_collection_permissions?.required).toEqual([
      'websiteContent',
      'personalCommunications',
    ]);
  });

  it('opens in the Firefox sidebar from an event page', () => {
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html' });
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.background).toEqual({ scripts: ['background.js'] });
  });
});

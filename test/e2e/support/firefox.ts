import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX_EXTENSION_ID } from '../../../utils/extension-ids';
import { FIREFOX_LOOPBACK_ONLY_PREFS } from '../../support/loopback';

export const FIREFOX_EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/firefox-mv3');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

// A moz-extension:// origin is random per profile; this pref fixes ours so the tests can open our pages.
const EXTENSION_UUID = '6f0c3c52-8d1e-4c3a-9a51-7b3f2a1d0e11';
export const FIREFOX_EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Where Debian's Firefox reads enterprise policy (root only; it applies to every Firefox on the machine). */
const POLICY_FILE = '/etc/firefox/policies/policies.json';

/** The few `browser.*` calls the Firefox tests evaluate inside our pages. */
export interface FirefoxPageApis {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  storage: { session: { set(items: Record<string, unknown>): Promise<void> } };
  windows: { getCurrent(): Promise<{ id?: number }> };
  sidebarAction: { getPanel(details: object): Promise<string>; isOpen(details: object): Promise<boolean> };
}

export interface LoadedFirefoxExtension {
  browser: Browser;
  /** Opens one of our pages (sidepanel.html, options.html) as a normal tab. */
  openPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Firefox ESR, headless, driven over WebDriver BiDi by puppeteer-core (playwright needs its own
 * patched Firefox, which cannot be downloaded here), with the built extension installed as a temporary add-on.
 */
export async function launchFirefoxExtension(): Promise<LoadedFirefoxExtension> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}: \`apt-get install -y firefox-esr\` or set FIREFOX_PATH.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Without it, WebDriver BiDi refuses to navigate a tab to a moz-extension:// page.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_EXTENSION_ID]: EXTENSION_UUID }),
      ...FIREFOX_LOOPBACK_ONLY_PREFS,
    },
  });
  await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return {
    browser,
    async openPage(path) {
      const page = await browser.newPage();
      const consoleErrors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      const url = `${FIREFOX_EXTENSION_ORIGIN}/${path}`;
      // Firefox moves the tab into the extension process, and the driver may never see that navigation's
      // load event; the driver's own waits (waitForFunction) never resolve on such a page with Firefox ESR
      // 140. So: navigate without waiting, then ask the page itself with plain evaluations.
      void page.goto(url).catch(() => undefined);
      const loaded = await pollPage(page, url, 20_000);
      if (loaded.ok) return page;
      throw new Error(
        `${path} did not load in Firefox within 20 s. Last seen: ${loaded.lastSeen}. ` +
          `Console errors: ${consoleErrors.length ? consoleErrors.join(' | ') : 'none'}.`,
      );
    },
    close: () => browser.close(),
  };
}

/**
 * Asks the page where it is and whether it has loaded until it says `url` and `complete`. An evaluation can
 * fail while the tab changes process (the driver loses the page's realm): that is asked again, never awaited
 * through the driver's own waiting helpers.
 */
async function pollPage(
  page: Page,
  url: string,
  timeoutMs: number,
): Promise<{ ok: boolean; lastSeen: string }> {
  const deadline = Date.now() + timeoutMs;
  let seen = 'no evaluation answered';
  let lastError = '';
  while (Date.now() < deadline) {
    const state = await Promise.race([
      page
        .evaluate(() => ({ href: location.href, readyState: document.readyState }))
        .catch((error: unknown) => ({ error: error instanceof Error ? error.message : String(error) })),
      new Promise<{ error: string }>((resolve) =>
        setTimeout(() => resolve({ error: 'an evaluation did not answer within 2 s' }), 2_000),
      ),
    ]);
    if ('href' in state) {
      seen = `URL ${state.href}, readyState ${state.readyState}`;
      if (state.href === url && state.readyState === 'complete') return { ok: true, lastSeen: seen };
    } else {
      lastError = state.error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const lastSeen = lastError ? `${seen}; last error: ${lastError}` : seen;
  return { ok: false, lastSeen };
}

// Firefox reads only `policies`; this marks a file a killed test run left behind, so the next run may replace it.
const WRITTEN_BY_TESTS = 'Tatakidai end-to-end tests';

/** Writes a real policies.json for our extension, as an administrator would. Firefox reads it at start. */
export function writeFirefoxPolicy(policy: Record<string, unknown>): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`Writing ${POLICY_FILE} needs root (CI runs as root); run this test as root.`);
  }
  if (existsSync(POLICY_FILE) && !readFileSync(POLICY_FILE, 'utf8').includes(WRITTEN_BY_TESTS)) {
    throw new Error(`${POLICY_FILE} exists: this machine has a real Firefox policy; not overwriting it.`);
  }
  mkdirSync(dirname(POLICY_FILE), { recursive: true });
  const policies = { policies: { '3rdparty': { Extensions: { [FIREFOX_EXTENSION_ID]: policy } } } };
  writeFileSync(POLICY_FILE, JSON.stringify({ writtenBy: WRITTEN_BY_TESTS, ...policies }, null, 2));
}

export function removeFirefoxPolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}

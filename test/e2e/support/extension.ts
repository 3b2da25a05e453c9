import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { EXTENSION_ID } from '../../../utils/extension-ids';
import { CHROMIUM_LOOPBACK_ONLY } from '../../support/loopback';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  /** Opens one of our pages (sidepanel.html, options.html) as a normal tab. */
  openPage(path: string): Promise<Page>;
  /** The browser profile folder: launch again with it to simulate a browser restart. */
  profile: string;
  /** Closes the browser; the profile is deleted unless it is kept for a restart. */
  close(options?: { keepProfile: boolean }): Promise<void>;
}

export async function launchExtension(
  options: {
    profile?: string;
    /** More Chromium switches, e.g. a network log. */
    args?: string[];
    /** A window on this X display (see x-display.ts), for tests that press real keys. */
    display?: string;
  } = {},
): Promise<LoadedExtension> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'tatakidai-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.display === undefined,
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
    locale: 'ja-JP',
    viewport: { width: 420, height: 760 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=ja',
      CHROMIUM_LOOPBACK_ONLY,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...(options.args ?? []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return {
    context,
    worker,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${EXTENSION_ID}/${path}`);
      return page;
    },
    profile,
    async close({ keepProfile } = { keepProfile: false }) {
      await context.close();
      if (!keepProfile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_LOOPBACK_ONLY } from '../../support/loopback';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const POLICY_FILE = '/etc/chromium/policies/managed/tatakidai-e2e-selfhost.json';

/**
 * Writes a whole Chromium policy file, as an administrator's deployment would (ExtensionSettings and the
 * extension's 3rdparty policy together). Machine-global: remove it in a finally, and run under the e2e lock.
 */
export function writePolicyFile(policy: Record<string, unknown>): void {
  if (process.getuid?.() !== 0) throw new Error(`Writing ${POLICY_FILE} needs root (CI runs as root).`);
  mkdirSync('/etc/chromium/policies/managed', { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify(policy, null, 2));
}

export function removePolicyFile(): void {
  rmSync(POLICY_FILE, { force: true });
}

export interface PolicyBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Chromium started the way a managed PC starts it: no --load-extension, extensions and background
 * networking on (the driver's own launch turns both off, and a force-install then never happens). Only the
 * loopback resolves. The driver connects over the DevTools port Chromium picks and writes to the profile.
 * Debian's launcher adds `--enable-remote-extensions` and an empty `--load-extension=` (its system extension
 * folder is empty); `installType: "admin"` in the test is what shows the policy, not a load, installed ours.
 */
export async function launchPolicyBrowser(profile: string): Promise<PolicyBrowser> {
  rmSync(join(profile, 'DevToolsActivePort'), { force: true });
  const child: ChildProcess = spawn(
    CHROMIUM,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--lang=ja',
      `--user-data-dir=${profile}`,
      '--remote-debugging-port=0',
      '--remote-debugging-address=127.0.0.1',
      CHROMIUM_LOOPBACK_ONLY,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  const portFile = join(profile, 'DevToolsActivePort');
  const deadline = Date.now() + 30_000;
  while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
    if (Date.now() > deadline || child.exitCode !== null) {
      child.kill();
      throw new Error('Chromium did not open its DevTools port within 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const port = readFileSync(portFile, 'utf8').split('\n')[0];
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
    },
  };
}

import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './support/extension';
import { launchPolicyBrowser, removePolicyFile, writePolicyFile } from './support/policy-browser';

const ROOT = resolve(import.meta.dirname, '../..');
/** Screenshots for docs/deploy.md when TATAKIDAI_SCREENSHOTS=1. */
const SHOOT = process.env.TATAKIDAI_SCREENSHOTS === '1';
const work = mkdtempSync(join(tmpdir(), 'tatakidai-selfhost-'));
/** What the intranet web server serves now: the first package, later the update. */
let served = '';
let server: Server;
let baseUrl = '';

function packageSelfhost(source: string, out: string, keyPath: string) {
  const run = spawnSync(
    'npx',
    [
      'tsx',
      'scripts/package-selfhost.ts',
      '--key',
      keyPath,
      '--base-url',
      baseUrl,
      '--out',
      out,
      '--source',
      source,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`package:selfhost failed: ${run.stderr}`);
  const id = /extension ID: ([a-p]{32})/.exec(run.stdout)?.[1];
  if (!id) throw new Error(`package:selfhost printed no extension ID: ${run.stdout}`);
  return id;
}

/** The built extension with its version raised, as the next release would be. */
function nextRelease(): { dir: string; version: string } {
  const dir = join(work, 'next-build');
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  const parts = manifest.version.split('.').map(Number);
  const version = [parts[0] ?? 0, parts[1] ?? 0, (parts[2] ?? 0) + 1].join('.');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, version }));
  return { dir, version };
}

async function extensionWorker(context: BrowserContext, id: string, version?: string): Promise<Worker> {
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    for (const worker of context.serviceWorkers()) {
      if (!worker.url().startsWith(`chrome-extension://${id}/`)) continue;
      const self = await worker.evaluate(() => chrome.management.getSelf()).catch(() => undefined);
      if (self && (!version || self.version === version)) return worker;
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`No service worker of ${id}${version ? ` at version ${version}` : ''} within 45 s`);
}

let id = '';
let firstVersion = '';
const next = { dir: '', version: '' };

beforeAll(async () => {
  server = createServer((request, response) => {
    const name = (request.url ?? '/').split('?')[0]?.replace(/^\//, '') ?? '';
    try {
      const body = readFileSync(join(served, name));
      response.writeHead(200, {
        'content-type': name.endsWith('.xml') ? 'text/xml' : 'application/x-chrome-extension',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tatakidai/`;
  // A key made for this run only, as an organisation makes its own once; never stored in the repo.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const keyPath = join(work, 'org-signing-key.pem');
  writeFileSync(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  id = packageSelfhost(EXTENSION_DIR, join(work, 'release-1'), keyPath);
  firstVersion = (
    JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { version: string }
  ).version;
  // The checksum file verifies with the tool an IT section would use.
  const verify = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], {
    cwd: join(work, 'release-1'),
    encoding: 'utf8',
  });
  expect(verify.stdout).toMatch(/tatakidai-[\d.]+\.crx: OK/);
  Object.assign(next, nextRelease());
  expect(packageSelfhost(next.dir, join(work, 'release-2'), keyPath)).toBe(id);
}, 120_000);

afterAll(async () => {
  removePolicyFile();
  await new Promise((done) => server?.close(done));
  rmSync(work, { recursive: true, force: true });
});

describe('force-installed from the organisation’s own server by policy, then updated', () => {
  it('installs by policy with no --load-extension, reads the managed policy, and updates to the higher version', async () => {
    // The web server answers for /tatakidai/…: serve the release folder there.
    served = join(work, 'release-1');
    const serve = (release: string) => {
      served = join(work, 'srv');
      rmSync(served, { recursive: true, force: true });
      cpSync(join(work, release), join(served, 'tatakidai'), { recursive: true });
    };
    serve('release-1');
    const profile = mkdtempSync(join(tmpdir(), 'tatakidai-managed-pc-'));
    writePolicyFile({
      ExtensionSettings: {
        [id]: { installation_mode: 'force_installed', update_url: `${baseUrl}update.xml` },
      },
      // Without it DevTools may not attach to a policy-installed extension (its tab closes, its worker hides).
      DeveloperToolsAvailability: 1,
      '3rdparty': {
        extensions: {
          [id]: { pii: { mode: 'block' }, history: { retentionDays: 30 }, policyKeys: ['history', 'pii'] },
        },
      },
    });
    const pc = await launchPolicyBrowser(profile);
    try {
      const context = pc.browser.contexts()[0];
      if (!context) throw new Error('no browser context');
      const worker = await extensionWorker(context, id);
      expect(await worker.evaluate(() => chrome.management.getSelf())).toEqual(
        expect.objectContaining({ id, version: firstVersion, installType: 'admin' }),
      );
      await expect
        .poll(
          () =>
            worker.evaluate(async () => {
              const stored = (await chrome.storage.local.get('policyLastGood')).policyLastGood as
                | { managed?: Record<string, unknown> }
                | undefined;
              return stored?.managed;
            }),
          { timeout: 30_000 },
        )
        .toEqual({ 'pii.mode': 'block', 'history.retentionDays': 30 });
      const options = await context.newPage();
      await options.goto(`chrome-extension://${id}/options.html`);
      // Set by the policy, so shown locked.
      await expect.poll(() => options.locator('.setting.locked').count()).toBeGreaterThan(0);
      if (SHOOT) {
        // What docs/deploy.md tells an IT section to look at on one PC.
        const policyPage = await context.newPage();
        await policyPage.setViewportSize({ width: 1100, height: 800 });
        await policyPage.goto('chrome://policy');
        // The page is built of web components: the driver's text locator looks inside them.
        await expect
          .poll(() => policyPage.getByText('ExtensionSettings', { exact: true }).count())
          .toBeGreaterThan(0);
        await policyPage.screenshot({ path: resolve(ROOT, 'docs/screenshot-deploy-policy.png') });
        await policyPage.close();
      }

      serve('release-2');
      // Chrome downloads the update, then installs it when the extension is idle or reloads (its docs:
      // runtime.onUpdateAvailable); the test reloads it rather than waiting for idle.
      await options.close();
      const check = await worker.evaluate(async () => {
        const downloaded = new Promise<{ version: string }>((done) =>
          chrome.runtime.onUpdateAvailable.addListener(done),
        );
        const { status } = await chrome.runtime.requestUpdateCheck();
        return { status, downloaded: await downloaded };
      });
      expect(check).toMatchObject({ status: 'update_available', downloaded: { version: next.version } });
      await worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
      const updated = await extensionWorker(context, id, next.version);
      expect(await updated.evaluate(() => chrome.management.getSelf())).toEqual(
        expect.objectContaining({ version: next.version, installType: 'admin' }),
      );
    } finally {
      await pc.close();
      removePolicyFile();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 180_000);
});

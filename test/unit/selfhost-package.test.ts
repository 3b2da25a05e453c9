import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../utils/extension-ids';
import {
  extensionIdFromPublicKey,
  normaliseBaseUrl,
  publicKeyDer,
  selfhostManifest,
  updateManifestXml,
} from '../../utils/release/selfhost';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'tatakidai-selfhost-unit-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('the extension ID an organisation’s key gives', () => {
  it('is the fixed project ID for the project’s public key in the manifest', () => {
    const config = readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8');
    const key = /'(MIIBIjAN[^']+)'/.exec(config)?.[1] ?? '';
    expect(extensionIdFromPublicKey(Buffer.from(key, 'base64'))).toBe(EXTENSION_ID);
  });

  it('differs for another key, and is 32 letters a–p', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const id = extensionIdFromPublicKey(publicKeyDer(privateKey));
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(id).not.toBe(EXTENSION_ID);
  });
});

describe('the packaged manifest and update manifest', () => {
  it('names the ID, version and CRX address for the browser’s update check', () => {
    const xml = updateManifestXml({
      id: EXTENSION_ID,
      version: '0.2.0',
      codebase: 'https://intranet.example.lg.jp/tatakidai/tatakidai-0.2.0.crx',
    });
    const app = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml).gupdate.app;
    expect(app).toEqual({
      appid: EXTENSION_ID,
      updatecheck: {
        codebase: 'https://intranet.example.lg.jp/tatakidai/tatakidai-0.2.0.crx',
        version: '0.2.0',
      },
    });
  });

  it('grants the gateway’s origin at install, so staff see no permission prompt', () => {
    const manifest = selfhostManifest(
      { version: '0.2.0', host_permissions: ['http://127.0.0.1/*'] },
      {
        publicKey: 'KEY',
        updateUrl: 'https://intranet.example.lg.jp/tatakidai/update.xml',
        gatewayOrigin: 'https://ai-gw.example.lg.jp/v1',
      },
    );
    expect(manifest).toMatchObject({
      key: 'KEY',
      update_url: 'https://intranet.example.lg.jp/tatakidai/update.xml',
      host_permissions: ['http://127.0.0.1/*', 'https://ai-gw.example.lg.jp/*'],
    });
  });

  it('refuses a plain http:// server other than this PC', () => {
    expect(() => normaliseBaseUrl('http://intranet.example.lg.jp/tatakidai')).toThrow(/https/);
    expect(normaliseBaseUrl('https://intranet.example.lg.jp/tatakidai')).toBe(
      'https://intranet.example.lg.jp/tatakidai/',
    );
  });
});

describe('npm run package:selfhost without a key', () => {
  it('refuses, says how to make a key and why it must be kept, and writes nothing', {
    timeout: 90_000,
  }, () => {
    const out = join(folder, 'out');
    const run = spawnSync(
      'npx',
      ['tsx', 'scripts/package-selfhost.ts', '--base-url', 'https://intranet.example.lg.jp/t/', '--out', out],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('openssl genpkey');
    expect(run.stderr).toContain('same key');
    expect(() => readFileSync(join(out, 'update.xml'))).toThrow();
  });

  it('refuses a key file that is not a private key', { timeout: 90_000 }, () => {
    const notKey = join(folder, 'public.pem');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(notKey, publicKey.export({ type: 'spki', format: 'pem' }));
    const run = spawnSync(
      'npx',
      [
        'tsx',
        'scripts/package-selfhost.ts',
        '--key',
        notKey,
        '--base-url',
        'https://x.example/',
        '--out',
        join(folder, 'o2'),
      ],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a private key');
  });
});

// Packs the Chrome/Edge extension for an organisation's own web server (no store needed):
//   npm run package:selfhost -- --key <private-key.pem> --base-url <https://intranet.example/tatakidai/> --out <dir>
//     [--gateway-origin <https://ai-gw.example.lg.jp>] [--source <built extension dir>]
// Writes <dir>/tatakidai-<version>.crx, update.xml, policies/ and SHA256SUMS, and prints the extension ID.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  extensionIdFromPublicKey,
  normaliseBaseUrl,
  publicKeyDer,
  selfhostManifest,
  sha256Line,
  updateManifestXml,
} from '../utils/release/selfhost';
import { writePolicyTemplates } from './policy-templates';

const NO_KEY = `No signing key given (--key <private-key.pem>).

The extension ID that your policies name is made from this key, and browsers accept an update only when it
is signed with the same key. So make one key once, keep it for as long as the extension is in use (in the
place where you keep other signing keys, with a backup), and never put it on the web server:

  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out tatakidai-signing-key.pem

Then run again with --key tatakidai-signing-key.pem. A lost key means a new ID: every PC would need the new
policy and staff would lose their local history.`;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    key: { type: 'string' },
    'base-url': { type: 'string' },
    out: { type: 'string' },
    'gateway-origin': { type: 'string' },
    source: { type: 'string' },
  },
});
if (!values.key) fail(NO_KEY);
if (!existsSync(values.key)) fail(`The key file ${values.key} does not exist.\n\n${NO_KEY}`);
if (!values['base-url'] || !values.out)
  fail('usage: npm run package:selfhost -- --key <key.pem> --base-url <https://…/> --out <dir>');

let privateKey: KeyObject;
try {
  privateKey = createPrivateKey(readFileSync(values.key));
} catch (error) {
  fail(`${values.key} is not a private key in PEM form (${error instanceof Error ? error.message : error}).`);
}
const baseUrl = normaliseBaseUrl(values['base-url']);
const out = resolve(values.out);

// Built from this checkout unless a built folder is given (the tests pass one with a higher version).
let source = values.source ? resolve(values.source) : resolve('.output/chrome-mv3');
if (!values.source) execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (!existsSync(join(source, 'manifest.json'))) fail(`No built extension in ${source}.`);

const der = publicKeyDer(privateKey);
const id = extensionIdFromPublicKey(der);
const staging = mkdtempSync(join(tmpdir(), 'tatakidai-selfhost-'));
try {
  cpSync(source, staging, { recursive: true });
  source = staging;
  const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const version = String(manifest.version);
  const updateUrl = new URL('update.xml', baseUrl).href;
  writeFileSync(
    join(staging, 'manifest.json'),
    JSON.stringify(
      selfhostManifest(manifest, {
        publicKey: der.toString('base64'),
        updateUrl,
        gatewayOrigin: values['gateway-origin'],
      }),
      null,
      2,
    ),
  );
  mkdirSync(out, { recursive: true });
  const crxName = `tatakidai-${version}.crx`;
  // crx3 1.x: CommonJS, runs on Node 20 (2.x needs Node 22). It signs with the key we hand it and never
  // creates one because the file exists (checked above).
  const crx3 = createRequire(import.meta.url)('crx3') as (
    files: string[],
    options: { keyPath: string; crxPath: string },
  ) => Promise<{ appId?: string }>;
  const packed = await crx3([join(staging, 'manifest.json')], {
    keyPath: resolve(values.key),
    crxPath: join(out, crxName),
  });
  if (packed.appId && packed.appId !== id) fail(`crx3 signed for ${packed.appId}, expected ${id}.`);
  writeFileSync(
    join(out, 'update.xml'),
    updateManifestXml({ id, version, codebase: new URL(crxName, baseUrl).href }),
  );
  const files = writePolicyTemplates(join(out, 'policies'), id, baseUrl);
  writeFileSync(join(out, 'SHA256SUMS'), sha256Line(crxName, readFileSync(join(out, crxName))));
  console.log(`extension ID: ${id}`);
  console.log(`version:      ${version}`);
  console.log(`update URL:   ${updateUrl}`);
  console.log(`wrote ${out}: ${crxName}, update.xml, SHA256SUMS, policies/ (${files.length} files)`);
} finally {
  rmSync(staging, { recursive: true, force: true });
}

import { createHash, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Chromium's extension ID: the first 32 hex digits of the SHA-256 of the DER public key (SubjectPublicKeyInfo),
 * each digit 0–f written as a letter a–p. The ID therefore follows the packing key, never the manifest.
 */
export function extensionIdFromPublicKey(der: Buffer): string {
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}

/** The DER public key of a private key, the form `manifest.key` (base64) and the ID use. */
export function publicKeyDer(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
}

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The gupdate manifest Chrome and Edge poll at `update_url`: which version exists, and where its CRX is. */
export function updateManifestXml(options: { id: string; version: string; codebase: string }): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${xmlText(options.id)}'>`,
    `    <updatecheck codebase='${xmlText(options.codebase)}' version='${xmlText(options.version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

/** `https://intranet.example/tatakidai` → `https://intranet.example/tatakidai/` (a URL to put files under). */
export function normaliseBaseUrl(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new Error(`--base-url must be https:// (http:// only for 127.0.0.1 or localhost): ${value}`);
  }
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

const isLoopback = (hostname: string) => ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);

/** `https://ai-gw.example.lg.jp/v1` → the match pattern `https://ai-gw.example.lg.jp/*`. */
export function gatewayHostPermission(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`--gateway-origin must be an http:// or https:// address: ${value}`);
  }
  return `${url.protocol}//${url.hostname}/*`;
}

export interface SelfhostManifestOptions {
  /** base64 DER public key of the organisation's packing key. */
  publicKey: string;
  updateUrl: string;
  gatewayOrigin?: string;
}

/**
 * The built manifest made the organisation's: its public key (so an unpacked copy has the same ID as the
 * CRX), its update server, and the gateway granted at install so staff never see a permission prompt.
 */
export function selfhostManifest(
  manifest: Record<string, unknown>,
  options: SelfhostManifestOptions,
): Record<string, unknown> {
  const hostPermissions = Array.isArray(manifest.host_permissions) ? [...manifest.host_permissions] : [];
  if (options.gatewayOrigin) {
    const permission = gatewayHostPermission(options.gatewayOrigin);
    if (!hostPermissions.includes(permission)) hostPermissions.push(permission);
  }
  return {
    ...manifest,
    key: options.publicKey,
    update_url: options.updateUrl,
    host_permissions: hostPermissions,
  };
}

/** `sha256sum` format, which `sha256sum -c` and PowerShell's Get-FileHash output can be compared with. */
export function sha256Line(fileName: string, bytes: Uint8Array): string {
  return `${createHash('sha256').update(bytes).digest('hex')}  ${fileName}\n`;
}

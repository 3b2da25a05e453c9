import { FIREFOX_EXTENSION_ID } from '../../extension-ids';
import { forceInstallEntry } from './registry-layout';

/** Chrome/Chromium/Edge on Linux: one JSON file in the browser's `policies/managed/` folder. */
export function linuxPolicyFile(options: {
  id: string;
  updateUrl: string;
  policy: Record<string, unknown>;
}): string {
  const file = {
    ExtensionSettings: { [options.id]: forceInstallEntry('chrome', options.updateUrl) },
    '3rdparty': { extensions: { [options.id]: options.policy } },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Firefox's policies.json: install from the organisation's server (a Mozilla-signed XPI; release Firefox
 * installs no unsigned add-on) and the extension's policy under `3rdparty.Extensions`.
 */
export function firefoxPoliciesFile(options: { xpiUrl: string; policy: Record<string, unknown> }): string {
  const file = {
    policies: {
      ExtensionSettings: {
        [FIREFOX_EXTENSION_ID]: { installation_mode: 'force_installed', install_url: options.xpiUrl },
      },
      '3rdparty': { Extensions: { [FIREFOX_EXTENSION_ID]: options.policy } },
    },
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plist(value: unknown, indent: string): string {
  if (typeof value === 'boolean') return `${indent}<${value}/>`;
  if (typeof value === 'number') return `${indent}<integer>${Math.trunc(value)}</integer>`;
  if (typeof value === 'string') return `${indent}<string>${xml(value)}</string>`;
  if (Array.isArray(value))
    return [`${indent}<array>`, ...value.map((item) => plist(item, `${indent}  `)), `${indent}</array>`].join(
      '\n',
    );
  const entries = Object.entries((value ?? {}) as Record<string, unknown>);
  return [
    `${indent}<dict>`,
    ...entries.flatMap(([key, item]) => [`${indent}  <key>${xml(key)}</key>`, plist(item, `${indent}  `)]),
    `${indent}</dict>`,
  ].join('\n');
}

/**
 * A macOS configuration profile: Chrome's and Edge's force-install (`com.google.Chrome`, `com.microsoft.Edge`)
 * and the extension's policy in each browser's extension domain (`<bundle id>.extensions.<id>`).
 * UUIDs are derived from the ID, so regenerating the profile updates the installed one instead of adding another.
 */
export function macProfile(options: {
  id: string;
  updateUrl: string;
  policy: Record<string, unknown>;
}): string {
  const uuid = (n: number) => {
    const hex = [...options.id].map((c) => (c.charCodeAt(0) - 97).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 31)}${n}`.toUpperCase();
  };
  const payload = (type: string, n: number, content: Record<string, unknown>) => ({
    PayloadType: type,
    PayloadIdentifier: `jp.tatakidai.${type}`,
    PayloadUUID: uuid(n),
    PayloadVersion: 1,
    ...content,
  });
  const profile = {
    PayloadDisplayName: 'Tatakidai',
    PayloadIdentifier: `jp.tatakidai.profile.${options.id}`,
    PayloadType: 'Configuration',
    PayloadUUID: uuid(0),
    PayloadVersion: 1,
    PayloadContent: [
      payload('com.google.Chrome', 1, {
        ExtensionSettings: { [options.id]: forceInstallEntry('chrome', options.updateUrl) },
      }),
      payload('com.microsoft.Edge', 2, {
        ExtensionSettings: { [options.id]: forceInstallEntry('edge', options.updateUrl) },
      }),
      payload(`com.google.Chrome.extensions.${options.id}`, 3, options.policy),
      payload(`com.microsoft.Edge.extensions.${options.id}`, 4, options.policy),
    ],
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    plist(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}

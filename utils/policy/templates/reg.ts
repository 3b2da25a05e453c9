import { getPath } from '../leaves';
import {
  extensionSettingsKeyPath,
  forceInstallEntry,
  policyKeyPath,
  REGISTRY_ENTRIES,
  type WindowsBrowser,
} from './registry-layout';

type RegValue = { type: 'sz'; data: string } | { type: 'dword'; data: number };

const quoted = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** A line break cannot be written in a quoted .reg string: such text goes as hex(1), REG_SZ in UTF-16LE. */
function regData(value: RegValue): string {
  if (value.type === 'dword') return `dword:${value.data.toString(16).padStart(8, '0')}`;
  if (!/[\r\n]/.test(value.data)) return quoted(value.data);
  const bytes = Buffer.from(`${value.data}\0`, 'utf16le');
  return `hex(1):${[...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join(',')}`;
}

/** The policy as registry keys and values, keyed by the subkey below `policy` ('' for `policy` itself). */
export function registryValues(policy: Record<string, unknown>): Map<string, Map<string, RegValue>> {
  const keys = new Map<string, Map<string, RegValue>>();
  const put = (key: string, name: string, value: RegValue) => {
    const values = keys.get(key) ?? new Map<string, RegValue>();
    values.set(name, value);
    keys.set(key, values);
  };
  for (const entry of REGISTRY_ENTRIES) {
    const value = getPath(policy, entry.path);
    if (value === undefined) continue;
    const subkey = entry.key ? `${entry.key}\\${entry.valueName}` : entry.valueName;
    switch (entry.form.kind) {
      case 'boolean':
        put(entry.key, entry.valueName, { type: 'dword', data: value ? 1 : 0 });
        break;
      case 'integer':
        put(entry.key, entry.valueName, { type: 'dword', data: Number(value) });
        break;
      case 'text':
      case 'choice':
        put(entry.key, entry.valueName, { type: 'sz', data: String(value) });
        break;
      case 'text-list':
        keys.set(subkey, keys.get(subkey) ?? new Map());
        for (const [index, item] of (value as string[]).entries())
          put(subkey, String(index + 1), { type: 'sz', data: item });
        break;
      case 'text-map':
        keys.set(subkey, keys.get(subkey) ?? new Map());
        for (const [name, item] of Object.entries(value as Record<string, string>))
          put(subkey, name, { type: 'sz', data: item });
        break;
      case 'json':
        put(entry.key, entry.valueName, { type: 'sz', data: JSON.stringify(value) });
        break;
    }
  }
  return keys;
}

/**
 * A complete `.reg` file for one browser: the force-install entry and the policy, for HKEY_LOCAL_MACHINE.
 * Written as UTF-16LE with a byte-order mark, the encoding regedit reads Japanese text from without loss.
 */
export function regFile(options: {
  browser: WindowsBrowser;
  id: string;
  updateUrl: string;
  policy: Record<string, unknown>;
}): Buffer {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  const block = (key: string, values: Iterable<[string, RegValue]>) => {
    lines.push(`[HKEY_LOCAL_MACHINE\\${key}]`);
    for (const [name, value] of values) lines.push(`${quoted(name)}=${regData(value)}`);
    lines.push('');
  };
  const install = Object.entries(forceInstallEntry(options.browser, options.updateUrl)).map(
    ([name, value]): [string, RegValue] =>
      typeof value === 'boolean'
        ? [name, { type: 'dword', data: value ? 1 : 0 }]
        : [name, { type: 'sz', data: String(value) }],
  );
  block(extensionSettingsKeyPath(options.browser, options.id), install);
  const root = policyKeyPath(options.browser, options.id);
  for (const [key, values] of registryValues(options.policy)) block(key ? `${root}\\${key}` : root, values);
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]);
}

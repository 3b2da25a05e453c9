import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../utils/extension-ids';
import { SETTING_LEAVES } from '../../utils/policy/leaves';
import { chromeManagedSchema } from '../../utils/policy/managed-schema';
import { policyTemplateFiles } from '../../utils/policy/templates';
import { validateLeaves } from '../../utils/policy/validate';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXAMPLE = JSON.parse(readFileSync(join(ROOT, 'docs/examples/city-hall-policy.json'), 'utf8')) as Record<
  string,
  unknown
>;
/** An organisation that packed with its own key gets another ID; every template must name that one. */
const ORG_ID = 'abcdefghijklmnopabcdefghijklmnop';
const BASE_URL = 'https://intranet.example.lg.jp/tatakidai/';

function templates(policy: Record<string, unknown> = EXAMPLE, id = ORG_ID) {
  const files = policyTemplateFiles({ id, baseUrl: BASE_URL, policy });
  return (path: string) => {
    const file = files.find((candidate) => candidate.path === path);
    if (!file) throw new Error(`no generated ${path}`);
    return file.content;
  };
}

type RegValue = { type: 'REG_SZ'; data: string } | { type: 'REG_DWORD'; data: number };

/** Reads a .reg file as regedit does: UTF-16LE after its byte-order mark, `[key]` then `"name"=data`. */
function readRegFile(bytes: Uint8Array): Map<string, Map<string, RegValue>> {
  expect([...bytes.slice(0, 2)], 'a .reg with Japanese text must be UTF-16LE with a BOM').toEqual([
    0xff, 0xfe,
  ]);
  const text = Buffer.from(bytes.slice(2)).toString('utf16le');
  const keys = new Map<string, Map<string, RegValue>>();
  let current: Map<string, RegValue> | undefined;
  for (const line of text.split('\r\n')) {
    const key = /^\[(.+)\]$/.exec(line);
    if (key?.[1]) {
      current = keys.get(key[1]) ?? new Map();
      keys.set(key[1], current);
      continue;
    }
    const value = /^"((?:[^"\\]|\\.)*)"=(.*)$/.exec(line);
    if (!value || !current) continue;
    const name = (value[1] ?? '').replace(/\\(.)/g, '$1');
    const data = value[2] ?? '';
    if (data.startsWith('dword:'))
      current.set(name, { type: 'REG_DWORD', data: Number.parseInt(data.slice(6), 16) });
    else if (data.startsWith('hex(1):')) {
      const raw = Buffer.from(
        data
          .slice(7)
          .split(',')
          .map((byte) => Number.parseInt(byte, 16)),
      );
      current.set(name, { type: 'REG_SZ', data: raw.toString('utf16le').replace(/\0$/, '') });
    } else if (data.startsWith('"'))
      current.set(name, { type: 'REG_SZ', data: data.slice(1, -1).replace(/\\(.)/g, '$1') });
    else throw new Error(`a value type Chromium does not read for policy: ${line}`);
  }
  return keys;
}

type SchemaNode = ReturnType<typeof chromeManagedSchema>;

/**
 * Chromium's rules for extension policy in the registry (REG_SZ and REG_DWORD only): booleans and integers
 * from DWORD, strings from REG_SZ, lists from a subkey of values 1, 2, 3… or from one JSON REG_SZ, objects
 * from a subkey or from one JSON REG_SZ. The schema guides the reading, as in Chromium.
 */
function readPolicy(keys: Map<string, Map<string, RegValue>>, key: string, schema: SchemaNode): unknown {
  const values = keys.get(key) ?? new Map<string, RegValue>();
  const subkeys = (prefix: string) => [...keys.keys()].filter((other) => other.startsWith(`${prefix}\\`));
  const convert = (value: RegValue, node: SchemaNode): unknown => {
    if (node.type === 'boolean') return value.type === 'REG_DWORD' ? value.data !== 0 : undefined;
    if (node.type === 'integer' || node.type === 'number')
      return value.type === 'REG_DWORD' ? value.data : undefined;
    if (value.type !== 'REG_SZ') return undefined;
    if (node.type === 'string') return value.data;
    return JSON.parse(value.data);
  };
  if (schema.type === 'array') {
    const items = schema.items ?? { type: 'string' };
    return [...values.entries()]
      .filter(([name]) => /^\d+$/.test(name))
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, value]) => convert(value, items));
  }
  const result: Record<string, unknown> = {};
  const names = new Set([
    ...values.keys(),
    ...subkeys(key).map((sub) => sub.slice(key.length + 1).split('\\')[0] ?? ''),
  ]);
  for (const name of names) {
    const child =
      schema.properties?.[name] ??
      schema.additionalProperties ??
      (name === 'policyKeys' ? { type: 'array' as const, items: { type: 'string' as const } } : undefined);
    if (!child) continue;
    const value = values.get(name);
    const read = value
      ? convert(value, child)
      : keys.has(`${key}\\${name}`) || subkeys(`${key}\\${name}`).length > 0
        ? readPolicy(keys, `${key}\\${name}`, child)
        : undefined;
    if (read !== undefined) result[name] = read;
  }
  return result;
}

describe('the .reg example turns back into the same policy under Chromium’s registry rules', () => {
  for (const browser of ['chrome', 'edge'] as const) {
    it(`${browser}: every key comes back with its value, and the schema finds nothing wrong`, () => {
      const keys = readRegFile(templates()(`windows/tatakidai-${browser}.reg`) as Uint8Array);
      const root = `HKEY_LOCAL_MACHINE\\Software\\Policies\\${browser === 'chrome' ? 'Google\\Chrome' : 'Microsoft\\Edge'}`;
      const policy = readPolicy(
        keys,
        `${root}\\3rdparty\\extensions\\${ORG_ID}\\policy`,
        chromeManagedSchema(),
      );
      const { policyKeys, ...settings } = policy as Record<string, unknown>;
      expect(settings).toEqual(EXAMPLE);
      expect(policyKeys).toEqual(Object.keys(EXAMPLE).sort());
      expect(validateLeaves(settings, 'managed').problems).toEqual([]);
      const install = keys.get(`${root}\\ExtensionSettings\\${ORG_ID}`);
      expect(install?.get('installation_mode')).toEqual({ type: 'REG_SZ', data: 'force_installed' });
      expect(install?.get('update_url')).toEqual({ type: 'REG_SZ', data: `${BASE_URL}update.xml` });
      expect(install?.get('override_update_url')).toEqual({ type: 'REG_DWORD', data: 1 });
    });
  }

  it('keeps Japanese text and line breaks in a value exactly', () => {
    const policy = { ...EXAMPLE, disclosure: { copySuffix: '（生成AIを利用して作成）\n情報政策課' } };
    const keys = readRegFile(templates(policy)('windows/tatakidai-chrome.reg') as Uint8Array);
    const read = readPolicy(
      keys,
      `HKEY_LOCAL_MACHINE\\Software\\Policies\\Google\\Chrome\\3rdparty\\extensions\\${ORG_ID}\\policy`,
      chromeManagedSchema(),
    ) as { disclosure: unknown };
    expect(read.disclosure).toEqual(policy.disclosure);
  });

  it("pins the button with each browser's own key", () => {
    const pinned = (browser: 'chrome' | 'edge', root: string) =>
      Object.fromEntries(
        readRegFile(templates()(`windows/tatakidai-${browser}.reg`) as Uint8Array).get(
          `HKEY_LOCAL_MACHINE\\Software\\Policies\\${root}\\ExtensionSettings\\${ORG_ID}`,
        ) ?? [],
      );
    expect(pinned('chrome', 'Google\\Chrome').toolbar_pin).toEqual({ type: 'REG_SZ', data: 'force_pinned' });
    expect(pinned('edge', 'Microsoft\\Edge').toolbar_state).toEqual({ type: 'REG_SZ', data: 'force_shown' });
    expect(pinned('edge', 'Microsoft\\Edge').toolbar_pin).toBeUndefined();
  });
});

describe('the Group Policy templates (ADMX with ja-JP and en-US ADML)', () => {
  const get = templates();
  const admx = get('windows/tatakidai.admx') as string;
  const adml = {
    ja: get('windows/ja-JP/tatakidai.adml') as string,
    en: get('windows/en-US/tatakidai.adml') as string,
  };
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

  it('are well-formed XML', () => {
    for (const text of [admx, adml.ja, adml.en]) expect(XMLValidator.validate(text)).toBe(true);
  });

  it('define every string and presentation the ADMX names, in both languages', () => {
    const strings = [...admx.matchAll(/\$\(string\.([^)]+)\)/g)].map((match) => match[1]);
    const presentations = [...admx.matchAll(/\$\(presentation\.([^)]+)\)/g)].map((match) => match[1]);
    for (const text of Object.values(adml)) {
      const tables = parser.parse(text).policyDefinitionResources.resources;
      const stringIds = new Set(
        ([] as { id: string }[]).concat(tables.stringTable.string).map((entry) => entry.id),
      );
      const presentationIds = new Set(
        ([] as { id: string }[]).concat(tables.presentationTable.presentation).map((entry) => entry.id),
      );
      expect(strings.filter((id) => !stringIds.has(id ?? ''))).toEqual([]);
      expect(presentations.filter((id) => !presentationIds.has(id ?? ''))).toEqual([]);
    }
    expect(adml.ja).toContain('個人情報の扱い');
  });

  it('offer every policy key of the schema for Chrome and for Edge, under their own registry paths', () => {
    const policies = ([] as { name: string; key: string; parentCategory: { ref: string } }[]).concat(
      parser.parse(admx).policyDefinitions.policies.policy,
    );
    for (const [browser, root] of [
      ['chrome', 'Software\\Policies\\Google\\Chrome'],
      ['edge', 'Software\\Policies\\Microsoft\\Edge'],
    ] as const) {
      const mine = policies.filter((policy) => policy.parentCategory.ref === `tatakidai_${browser}`);
      const names = new Set(mine.map((policy) => policy.name));
      const missing = SETTING_LEAVES.filter((leaf) => !leaf.userOnly)
        .map((leaf) => `${browser}_${leaf.path.replace(/\./g, '_')}`)
        .filter((name) => !names.has(name));
      expect(missing).toEqual([]);
      expect(names.has(`${browser}_policyKeys`)).toBe(true);
      for (const policy of mine) {
        expect(policy.key.startsWith(`${root}\\`)).toBe(true);
        expect(policy.key).toContain(ORG_ID);
      }
      expect(mine.find((policy) => policy.name === `${browser}_forceInstall`)?.key).toBe(
        `${root}\\ExtensionSettings\\${ORG_ID}`,
      );
    }
  });

  it('never write a user-only key such as the personal API key', () => {
    expect(admx).not.toContain('valueName="apiKey"');
  });
});

describe('the other platforms', () => {
  const get = templates();

  it('Linux: force-install and the policy in one file for the ID in use', () => {
    const file = JSON.parse(get('linux/tatakidai.json') as string);
    expect(file.ExtensionSettings[ORG_ID]).toMatchObject({ installation_mode: 'force_installed' });
    expect(file['3rdparty'].extensions[ORG_ID]).toMatchObject(EXAMPLE);
    expect(JSON.stringify(file)).not.toContain(EXTENSION_ID);
  });

  it('macOS: a well-formed profile with a payload per browser and per extension domain', () => {
    const profile = get('macos/tatakidai.mobileconfig') as string;
    expect(XMLValidator.validate(profile)).toBe(true);
    for (const domain of [
      'com.google.Chrome',
      'com.microsoft.Edge',
      `com.google.Chrome.extensions.${ORG_ID}`,
      `com.microsoft.Edge.extensions.${ORG_ID}`,
    ])
      expect(profile).toContain(`<string>${domain}</string>`);
  });

  it('Firefox: installs the signed XPI from the server and sets the policy for the add-on ID', () => {
    const file = JSON.parse(get('firefox/policies.json') as string);
    expect(file.policies.ExtensionSettings['tatakidai@tatakidai.dev']).toEqual({
      installation_mode: 'force_installed',
      install_url: `${BASE_URL}tatakidai.xpi`,
    });
    expect(file.policies['3rdparty'].Extensions['tatakidai@tatakidai.dev']).toMatchObject(EXAMPLE);
  });
});

describe('the templates in the repository', () => {
  it('are what the schema generates for the project’s own ID (npm run policy:generate)', async () => {
    const { templateFiles } = await import('../../scripts/policy-templates');
    for (const file of templateFiles(EXTENSION_ID, 'https://intranet.example.lg.jp/tatakidai/')) {
      const committed = readFileSync(join(ROOT, 'docs/policy-templates', file.path));
      expect(
        committed.equals(Buffer.from(file.content)),
        `docs/policy-templates/${file.path} is out of date: run npm run policy:generate`,
      ).toBe(true);
    }
  });
});

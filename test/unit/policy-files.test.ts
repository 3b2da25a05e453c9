import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../utils/extension-ids';
import { checkPolicyFile } from '../../utils/policy/check-file';
import { SETTING_LEAVES } from '../../utils/policy/leaves';
import { managedSchemaFile, withGeneratedReference } from '../../utils/policy/reference';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const STALE = 'is out of date: run `npm run policy:generate` and commit the result';

describe('generated files agree with the one settings schema', () => {
  it('public/managed_schema.json is what the schema generates', () => {
    expect(read('public/managed_schema.json'), `public/managed_schema.json ${STALE}`).toBe(
      managedSchemaFile(),
    );
  });

  it("the admin guide's policy reference is what the schema generates", () => {
    const guide = read('docs/admin.md');
    expect(guide, `docs/admin.md ${STALE}`).toBe(withGeneratedReference(guide));
  });
});

type SchemaNode = Record<string, unknown>;
const isNode = (value: unknown): value is SchemaNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every schema in the tree with its dotted location, the root included. */
function walk(node: SchemaNode, at = '(root)'): [string, SchemaNode][] {
  const found: [string, SchemaNode][] = [[at, node]];
  if (isNode(node.properties))
    for (const [key, child] of Object.entries(node.properties))
      if (isNode(child)) found.push(...walk(child, at === '(root)' ? key : `${at}.${key}`));
  if (isNode(node.items)) found.push(...walk(node.items, `${at}[]`));
  if (isNode(node.additionalProperties)) found.push(...walk(node.additionalProperties, `${at}{}`));
  return found;
}

describe("managed_schema.json stays inside the subset Chrome accepts (or the extension won't load)", () => {
  const schema: SchemaNode = JSON.parse(read('public/managed_schema.json'));
  const nodes = walk(schema);

  it('is an object at the top level, without additionalProperties', () => {
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(Object.keys(schema.properties as SchemaNode)).toContain('gateway');
  });

  it('gives every property a type Chrome knows', () => {
    for (const [at, node] of nodes)
      expect(['object', 'array', 'string', 'boolean', 'integer', 'number'], at).toContain(node.type);
  });

  it('has no default values anywhere', () => {
    for (const [at, node] of nodes) expect(node, at).not.toHaveProperty('default');
  });

  it('has no minimum or maximum on a number', () => {
    for (const [at, node] of nodes.filter(([, node]) => node.type === 'number')) {
      expect(node, at).not.toHaveProperty('minimum');
      expect(node, at).not.toHaveProperty('maximum');
    }
  });

  it('uses enum only on strings and integers', () => {
    for (const [at, node] of nodes.filter(([, node]) => 'enum' in node))
      expect(['string', 'integer'], at).toContain(node.type);
  });

  it("declares an array's items and an object's properties", () => {
    for (const [at, node] of nodes) {
      if (node.type === 'array') expect(isNode(node.items), at).toBe(true);
      if (node.type === 'object')
        expect(isNode(node.properties) || isNode(node.additionalProperties), at).toBe(true);
    }
  });

  it('hides the organisation key in chrome://policy', () => {
    const value = nodes.find(([at]) => at === 'gateway.auth.value')?.[1];
    expect(value).toMatchObject({ type: 'string', sensitiveValue: true });
    const marked = nodes.filter(([, node]) => node.sensitiveValue === true).map(([at]) => at);
    expect(marked).toEqual(['gateway.auth.value']);
  });

  it("does not offer the user's own API key to administrators", () => {
    expect(nodes.map(([at]) => at).filter((at) => /(^|\.)apiKey$/.test(at))).toEqual([]);
  });

  it('lists every setting a policy may set, at the same place', () => {
    const schemaLeaves = new Set(nodes.map(([at]) => at));
    for (const leaf of SETTING_LEAVES.filter((leaf) => !leaf.userOnly))
      expect(schemaLeaves.has(leaf.path), leaf.path).toBe(true);
  });
});

describe('every setting is documented for administrators', () => {
  it.each(SETTING_LEAVES.map((leaf) => [leaf.path, leaf]))(
    '%s has a Japanese and an English description',
    (_, leaf) => {
      expect(leaf.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      // The English may quote a Japanese term (取扱注意) but is itself English.
      expect(leaf.description).toMatch(/^["A-Z][^\u3040-\u30ff]*$/);
      expect(leaf.description).toMatch(/[a-z]{4}/);
    },
  );
});

/** The ```json blocks of the admin guide, in order. */
function jsonBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');
}

/** Chrome/Edge's `ExtensionSettings` policy: it installs and pins the extension and is not our own policy. */
function isExtensionSettings(text: string): boolean {
  const document: unknown = JSON.parse(text);
  return (
    isNode(document) && Object.values(document).some((entry) => isNode(entry) && 'installation_mode' in entry)
  );
}

function expectCleanPolicy(label: string, text: string): string {
  const report = checkPolicyFile(text);
  expect(report.ok, `${label}:\n${report.lines.join('\n')}`).toBe(true);
  const complaints = report.lines.filter((line) => /^(error|warning):/.test(line));
  expect(complaints, label).toEqual([]);
  const shape = /^read as: (\S+) policy; (\d+) valid key/.exec(report.lines[0] ?? '');
  expect(Number(shape?.[2]), `${label} has no valid keys`).toBeGreaterThan(0);
  return shape?.[1] ?? '';
}

describe('every policy example in the docs is a valid Tatakidai policy', () => {
  const blocks = jsonBlocks(read('docs/admin.md'));
  // The ExtensionSettings example (force-install and pinning) is Chrome's own policy, not ours: skip it
  // explicitly, and only it.
  const policies = blocks.filter((text) => !isExtensionSettings(text));

  it('finds the ExtensionSettings example and nothing else to skip', () => {
    expect(blocks.length - policies.length).toBe(1);
    expect(blocks.find(isExtensionSettings)).toContain(EXTENSION_ID);
  });

  it('covers the bare, Chrome, Google Admin console and Firefox forms', () => {
    const shapes = policies.map((text, index) =>
      expectCleanPolicy(`docs/admin.md json block ${index + 1}`, text),
    );
    expect(new Set(shapes)).toEqual(new Set(['bare', 'chrome', 'google-admin', 'firefox']));
  });

  const examples = readdirSync(join(ROOT, 'docs/examples')).filter((name) => name.endsWith('.json'));

  it('has at least the city hall example', () => {
    expect(examples).toContain('city-hall-policy.json');
  });

  it.each(examples)('docs/examples/%s passes the policy check', (name) => {
    expectCleanPolicy(`docs/examples/${name}`, read(`docs/examples/${name}`));
  });
});

/** A policy with the mistakes admins actually make. */
const BROKEN_POLICY = {
  gateway: {
    baseUrl: 'ai-gw.example.lg.jp/v1',
    apiFormat: 'azure',
    auth: { source: 'policy', value: 'sk-org-shiyakusho-0001' },
  },
  apiKey: 'sk-org-shiyakusho-0001',
  history: { enabled: 'はい', retentionDays: 30 },
  sites: { blocked: ['lgwan.example.jp'] },
  gatway: { baseUrl: 'https://ai-gw.example.lg.jp/v1' },
};

describe('policy:check on a broken policy', () => {
  const report = checkPolicyFile(JSON.stringify(BROKEN_POLICY));

  it('fails', () => {
    expect(report.ok).toBe(false);
    expect(report.lines).not.toContain('OK');
  });

  it('names each broken key with what it takes and what was found', () => {
    expect(report.lines).toEqual(
      expect.arrayContaining([
        'error: gateway.baseUrl: expected an http:// or https:// URL (or ""), found "ai-gw.example.lg.jp/v1"',
        'error: gateway.apiFormat: expected one of openai / anthropic, found "azure"',
        'error: history.enabled: expected true or false, found "はい"',
        expect.stringMatching(/^error: sites\.blocked: expected .*, found \["lgwan\.example\.jp"\]$/),
        'error: apiKey cannot be set by policy (each user enters it)',
        'warning: unknown key gatway (ignored; did you mean gateway?)',
      ]),
    );
  });

  it('counts the keys that are fine', () => {
    expect(report.lines[0]).toBe('read as: bare policy; 3 valid key(s)');
  });

  it('only warns about an unknown key', () => {
    const typo = checkPolicyFile(JSON.stringify({ defaultModel: 'gpt-4.1-mini', defualtModel: 'plamo' }));
    expect(typo.ok).toBe(true);
    expect(typo.lines).toContain('warning: unknown key defualtModel (ignored; did you mean defaultModel?)');
  });

  it('says when the file is not JSON at all', () => {
    const notJson = checkPolicyFile('{ "defaultModel": "gpt-4.1-mini", }');
    expect(notJson.ok).toBe(false);
    expect(notJson.lines[0]).toMatch(/^not valid JSON: /);
  });

  it('finds the mistakes inside a Chrome policy file too', () => {
    const chromeFile = { '3rdparty': { extensions: { [EXTENSION_ID]: { pii: { mode: 'mask' } } } } };
    const chrome = checkPolicyFile(JSON.stringify(chromeFile));
    expect(chrome.ok).toBe(false);
    expect(chrome.lines).toEqual([
      'read as: chrome policy; 0 valid key(s)',
      'error: pii.mode: expected one of off / warn / redact / block, found "mask"',
    ]);
  });
  it('fails for a Chrome policy file written for another extension ID, which would reach nobody', () => {
    const otherId = {
      '3rdparty': { extensions: { abcdefghijklmnopabcdefghijklmnop: { defaultModel: 'gpt-4.1-mini' } } },
    };
    const report = checkPolicyFile(JSON.stringify(otherId));
    expect(report.ok).toBe(false);
    expect(report.lines).toContain(
      `error: no policy for this extension's ID (${EXTENSION_ID} / tatakidai@tatakidai.dev) in this file; packed with your own key? run with --id <the ID package:selfhost printed>`,
    );
  });

  it("reads a Chrome policy file written for the organisation's own ID when told that ID", () => {
    const orgId = 'abcdefghijklmnopabcdefghijklmnop';
    const file = { '3rdparty': { extensions: { [orgId]: { defaultModel: 'gpt-4.1-mini' } } } };
    expect(checkPolicyFile(JSON.stringify(file), { chromeId: orgId })).toEqual({
      ok: true,
      lines: ['read as: chrome policy; 1 valid key(s)', 'OK'],
    });
  });

  it('fails for a Firefox policies.json naming another add-on', () => {
    const otherAddon = { policies: { '3rdparty': { Extensions: { 'uBlock0@raymondhill.net': {} } } } };
    expect(checkPolicyFile(JSON.stringify(otherAddon)).ok).toBe(false);
  });
});

describe('policy:check catches what passes the schema but fails in use', () => {
  const check = (policy: Record<string, unknown>, language: 'ja' | 'en' = 'en') =>
    checkPolicyFile(JSON.stringify(policy), { language });
  const MODELS = [
    { id: 'gpt-4.1-mini', label: 'ChatGPT', purpose: '要約・翻訳向き' },
    { id: 'claude-sonnet-4-5', label: 'Claude', purpose: '文書作成・校正向き' },
    { id: 'plamo-2.1-prime', label: 'PLaMo（国産）', purpos: '日本語の公用文' },
  ];

  it('a custom pattern that could freeze the browser, and one that is no regular expression', () => {
    const report = check({
      pii: {
        custom: [
          { name: '住民番号', pattern: '(a+)+$' },
          { name: '整理番号', pattern: '[' },
        ],
      },
    });
    expect(report.ok).toBe(false);
    expect(report.lines).toContainEqual(
      expect.stringMatching(/^error: pii\.custom\[0\]\.pattern: could take too long/),
    );
    expect(report.lines).toContainEqual(
      expect.stringMatching(/^error: pii\.custom\[1\]\.pattern: not a valid regular expression/),
    );
  });

  it('a default or action model that is not in models, with the closest one', () => {
    const report = check({
      models: MODELS,
      defaultModel: 'gpt-4.1-mni',
      actions: { proofread: { enabled: true, model: 'claude' } },
    });
    expect(report.ok).toBe(false);
    expect(report.lines).toContain(
      'error: defaultModel: "gpt-4.1-mni" is not in models — did you mean gpt-4.1-mini?',
    );
    expect(report.lines).toContain('error: actions.proofread.model: "claude" is not in models');
  });

  it('a misspelt key inside a model entry, by entry and field, in the admin’s language', () => {
    expect(check({ models: MODELS }).lines).toContain(
      'warning: models[2].purpos: unknown key (ignored) — did you mean purpose?',
    );
    expect(check({ models: MODELS }, 'ja').lines).toContain(
      '注意: models[2].purpos: 知らないキーです（無視されます）。purpose の誤りではありませんか？',
    );
  });

  it('an organisation key source with no key', () => {
    const report = check({ gateway: { auth: { source: 'policy' } } }, 'ja');
    expect(report.ok).toBe(false);
    expect(report.lines).toContainEqual(
      expect.stringMatching(/^誤り: gateway\.auth\.value: auth\.source が policy ですが/),
    );
  });

  it('a gateway address that ends in the endpoint', () => {
    const report = check({ gateway: { baseUrl: 'https://ai-gw.example.lg.jp/v1/chat/completions' } });
    expect(report.ok).toBe(false);
    expect(report.lines).toContainEqual(
      expect.stringMatching(/^error: gateway\.baseUrl: ends in an endpoint/),
    );
  });

  it('personal-data checks off with a plain http:// gateway, but not with https://', () => {
    expect(check({ gateway: { baseUrl: 'http://ai-gw.example.lg.jp/v1' }, pii: { mode: 'off' } }).ok).toBe(
      false,
    );
    expect(check({ gateway: { baseUrl: 'https://ai-gw.example.lg.jp/v1' }, pii: { mode: 'off' } }).ok).toBe(
      true,
    );
  });

  it('a policy URL over plain http://', () => {
    const report = check({ policyUrl: 'http://intranet.example.lg.jp/tatakidai/policy.json' });
    expect(report.lines).toContain(
      'error: policyUrl: expected an https:// URL (http:// only for 127.0.0.1 or localhost) (or ""), found "http://intranet.example.lg.jp/tatakidai/policy.json"',
    );
  });

  it('accepts the list of keys the templates write', () => {
    expect(check({ pii: { mode: 'redact' }, policyKeys: ['pii'] }).ok).toBe(true);
  });
});

describe('npm run policy:check as an administrator runs it', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tatakidai-policy-check-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const policyCheck = (file: string) =>
    spawnSync('npx', ['tsx', 'scripts/policy-check.ts', file], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('exits 0 for the city hall example', { timeout: 90_000 }, () => {
    const run = policyCheck(join(ROOT, 'docs/examples/city-hall-policy.json'));
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('OK');
  });

  it('exits 1 for a broken policy and names the broken key', { timeout: 90_000 }, () => {
    const file = join(folder, '市役所-policy.json');
    writeFileSync(file, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: BROKEN_POLICY } } }));
    const run = policyCheck(file);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toContain('read as: chrome policy');
    expect(run.stdout).toContain('gateway.apiFormat');
    expect(run.stdout).toContain('history.enabled');
    expect(run.stdout).not.toContain('OK');
  });
});

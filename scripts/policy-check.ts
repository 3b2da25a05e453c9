// Validates a policy file with the extension's own schema and says what is wrong, key by key.
// npm run policy:check -- [--lang ja|en] [--id <extension ID>] [--write-keys] policy.json
// Reads the bare policy, Chrome's {"3rdparty":…} file, the Google Admin console's {"Key":{"Value":…}} form
// and Firefox's policies.json. --id: the ID your own signing key gives (package:selfhost prints it).
// --write-keys: adds `policyKeys` (the policy's top-level keys) to the file, so a key the browser drops for
// a wrong-typed value keeps its last good value and is named on the options page.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { EXTENSION_ID } from '../utils/extension-ids';
import { checkPolicyFile, unwrapPolicy } from '../utils/policy/check-file';
import { POLICY_KEYS, policyKeysFor } from '../utils/policy/policy-keys';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { lang: { type: 'string' }, id: { type: 'string' }, 'write-keys': { type: 'boolean' } },
});
const path = positionals[0];
if (!path) {
  console.error(
    'usage: npm run policy:check -- [--lang ja|en] [--id <extension ID>] [--write-keys] <policy.json>',
  );
  process.exit(2);
}
// The admin's language: --lang, else the system's (LANG=ja_JP.UTF-8 → Japanese).
const language = (values.lang ?? process.env.LANG ?? '').startsWith('ja') ? 'ja' : 'en';
const chromeId = values.id ?? EXTENSION_ID;
const text = readFileSync(path, 'utf8');
const report = checkPolicyFile(text, { language, chromeId });
for (const line of report.lines) console.log(line);
if (values['write-keys'] && report.ok) {
  const document = JSON.parse(text) as Record<string, unknown>;
  const { policy } = unwrapPolicy(document, chromeId);
  const target = policy as Record<string, unknown>;
  target[POLICY_KEYS] = policyKeysFor(target);
  writeFileSync(path, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`${POLICY_KEYS}: ${JSON.stringify(target[POLICY_KEYS])} → ${path}`);
}
process.exit(report.ok ? 0 : 1);

// Validates a policy file with the extension's own schema and says what is wrong, key by key.
// npm run policy:check -- policy.json   (accepts the bare policy, Chrome's {"3rdparty":…} file, the Google
// Admin console's {"Key":{"Value":…}} form, and Firefox's policies.json)
import { readFileSync } from 'node:fs';
import { checkPolicyFile } from '../utils/policy/check-file';

const path = process.argv[2];
if (!path) {
  console.error('usage: npm run policy:check -- <policy.json>');
  process.exit(2);
}
const report = checkPolicyFile(readFileSync(path, 'utf8'));
for (const line of report.lines) console.log(line);
process.exit(report.ok ? 0 : 1);

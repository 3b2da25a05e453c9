// Writes public/managed_schema.json and the admin guide's policy reference from the one zod schema.
// `--check` changes nothing and fails if either committed file differs (CI runs the same check as a test).
import { readFileSync, writeFileSync } from 'node:fs';
import { managedSchemaFile, withGeneratedReference } from '../utils/policy/reference';

const files = {
  'public/managed_schema.json': () => managedSchemaFile(),
  'docs/admin.md': () => withGeneratedReference(readFileSync('docs/admin.md', 'utf8')),
};
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, generate] of Object.entries(files)) {
  const next = generate();
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current === next) continue;
  if (check) {
    console.error(`${path} is out of date: run npm run policy:generate`);
    stale++;
  } else {
    writeFileSync(path, next);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);

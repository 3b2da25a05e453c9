// Writes public/managed_schema.json, the admin guide's policy reference and the policy templates
// (docs/policy-templates/, for the project's own extension ID) from the one zod schema.
// `--check` changes nothing and fails if any committed file differs (CI runs the same check as a test).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXTENSION_ID } from '../utils/extension-ids';
import { managedSchemaFile, withGeneratedReference } from '../utils/policy/reference';
import { templateFiles } from './policy-templates';

/** The server address the committed templates show; package:selfhost writes them for the real one. */
export const EXAMPLE_BASE_URL = 'https://intranet.example.lg.jp/tatakidai/';

const files: Record<string, () => string | Uint8Array> = {
  'public/managed_schema.json': () => managedSchemaFile(),
  'docs/admin.md': () => withGeneratedReference(readFileSync('docs/admin.md', 'utf8')),
  ...Object.fromEntries(
    templateFiles(EXTENSION_ID, EXAMPLE_BASE_URL).map((file) => [
      `docs/policy-templates/${file.path}`,
      () => file.content,
    ]),
  ),
};
const check = process.argv.includes('--check');
let stale = 0;
for (const [path, generate] of Object.entries(files)) {
  const next = Buffer.from(generate());
  let current = Buffer.alloc(0);
  try {
    current = readFileSync(path);
  } catch {}
  if (current.equals(next)) continue;
  if (check) {
    console.error(`${path} is out of date: run npm run policy:generate`);
    stale++;
  } else {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, next);
    console.log(`wrote ${path}`);
  }
}
process.exit(stale > 0 ? 1 : 0);

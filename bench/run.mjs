// `npm run bench`: builds the extension once, then runs every bench/*.bench.{ts,mjs,js} file in turn.
// Each benchmark prints its own table and writes its own figures under bench/out/.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => /\.bench\.(ts|mjs|js)$/.test(name))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .sort();

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

if (run('npx', ['wxt', 'build']) !== 0) process.exit(1);
let failed = 0;
for (const name of files) {
  console.log(`\n▶ bench/${name}`);
  const status = name.endsWith('.ts')
    ? run('npx', ['tsx', join(here, name)])
    : run('node', [join(here, name)]);
  if (status !== 0) {
    console.error(`✖ bench/${name} exited with ${status}`);
    failed += 1;
  }
}
process.exit(failed === 0 ? 0 : 1);

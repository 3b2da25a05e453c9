// Writes <dir>/SHA256SUMS for the release files in <dir> (zips, CRX, XPI), in `sha256sum` format:
// an IT section verifies a download with `sha256sum -c SHA256SUMS` or PowerShell's Get-FileHash.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Line } from '../utils/release/selfhost';

const dir = process.argv[2] ?? '.output';
const files = readdirSync(dir)
  .filter((name) => /\.(zip|crx|xpi)$/.test(name))
  .sort();
writeFileSync(
  join(dir, 'SHA256SUMS'),
  files.map((name) => sha256Line(name, readFileSync(join(dir, name)))).join(''),
);
console.log(`wrote ${join(dir, 'SHA256SUMS')} (${files.length} files)`);

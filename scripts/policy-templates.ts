import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { policyTemplateFiles, type TemplateFile } from '../utils/policy/templates';

/** The example policy every template carries: the city-hall example from the admin guide. */
export const EXAMPLE_POLICY = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../docs/examples/city-hall-policy.json'), 'utf8'),
) as Record<string, unknown>;

export function templateFiles(id: string, baseUrl: string): TemplateFile[] {
  return policyTemplateFiles({ id, baseUrl, policy: EXAMPLE_POLICY });
}

export function writePolicyTemplates(dir: string, id: string, baseUrl: string): TemplateFile[] {
  const files = templateFiles(id, baseUrl);
  for (const file of files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return files;
}

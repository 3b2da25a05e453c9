import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'playwright-core';
import { EXTENSION_ID } from '../../../utils/extension-ids';

/** Where Debian's Chromium reads mandatory enterprise policy (root only; it applies to every Chromium here). */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'tatakidai-e2e.json');

/**
 * Writes a real enterprise policy file for our extension, as an administrator would. Chromium reads it at
 * start. Call `removeManagedPolicy` in a finally/afterAll: the file affects every Chromium on the machine.
 */
export function writeManagedPolicy(policy: Record<string, unknown>): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`Writing ${POLICY_FILE} needs root (CI runs as root); run this test as root.`);
  }
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(
    POLICY_FILE,
    JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: policy } } }, null, 2),
  );
}

export function removeManagedPolicy(): void {
  rmSync(POLICY_FILE, { force: true });
}

/**
 * Chromium hands the policy to extensions a few seconds after start; the extension records each key it
 * applied. Waiting for that is waiting for the browser, not a fixed delay.
 */
export async function waitForPolicyApplied(worker: Worker, key: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const applied = await worker.evaluate(async (name) => {
      const stored = (await chrome.storage.local.get('policyLastGood')).policyLastGood as
        | { managed?: Record<string, unknown> }
        | undefined;
      return stored?.managed !== undefined && name in stored.managed;
    }, key);
    if (applied) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The extension did not apply the managed policy key ${key} within 30 s`);
}

import { afterAll, describe, expect, it } from 'vitest';
import { launchExtension } from './support/extension';
import { removeManagedPolicy, waitForPolicyApplied, writeManagedPolicy } from './support/managed-policy';

type LastGood = { managed?: Record<string, unknown> } | undefined;

afterAll(() => {
  removeManagedPolicy();
});

/**
 * Three starts of the same PC, with the real policy file changed between them as an administrator would:
 * a good policy; then a typo that makes Chromium drop the `history` key; then no policy at all.
 */
describe('a managed policy file changed between browser starts', () => {
  it('keeps a dropped listed key locked and names it, and returns to the defaults when the policy is removed', async () => {
    const good = { history: { retentionDays: 30 }, pii: { mode: 'block' }, policyKeys: ['history', 'pii'] };
    writeManagedPolicy(good);
    let extension = await launchExtension();
    const profile = extension.profile;
    try {
      await waitForPolicyApplied(extension.worker, 'history.retentionDays');
      await extension.close({ keepProfile: true });

      // "30" as text: Chromium drops all of `history`, silently, and delivers the rest.
      writeManagedPolicy({ ...good, history: { retentionDays: '30' } });
      extension = await launchExtension({ profile });
      expect(
        await extension.worker.evaluate(() => new Promise((done) => chrome.storage.managed.get(done))),
      ).toEqual({
        pii: { mode: 'block' },
        policyKeys: ['history', 'pii'],
      });
      const options = await extension.openPage('options.html');
      await expect.poll(() => options.locator('.policy-problems').innerText()).toContain('「history」');
      await expect
        .poll(() =>
          extension.worker.evaluate(
            async () =>
              ((await chrome.storage.local.get('policyLastGood')).policyLastGood as LastGood)?.managed,
          ),
        )
        .toEqual({ 'history.retentionDays': 30, 'pii.mode': 'block' });
      await extension.close({ keepProfile: true });

      removeManagedPolicy();
      extension = await launchExtension({ profile });
      const withdrawn = await extension.openPage('options.html');
      await expect.poll(() => withdrawn.locator('.setting.locked').count()).toBe(0);
      expect(await withdrawn.locator('.policy-problems').count()).toBe(0);
      await expect
        .poll(() =>
          extension.worker.evaluate(
            async () =>
              ((await chrome.storage.local.get('policyLastGood')).policyLastGood as LastGood)?.managed,
          ),
        )
        .toEqual({});
    } finally {
      await extension.close();
      removeManagedPolicy();
    }
  }, 180_000);
});

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepRepeatingAlarm } from '../../utils/alarms';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the policy URL refresh alarm across service-worker starts', () => {
  it('keeps the time of the next refresh when the worker starts again', async () => {
    await fakeBrowser.alarms.create('policy-url', { periodInMinutes: 30, when: Date.now() + 60_000 });
    const before = await fakeBrowser.alarms.get('policy-url');
    await keepRepeatingAlarm('policy-url', 30);
    expect(await fakeBrowser.alarms.get('policy-url')).toEqual(before);
  });

  it('creates the alarm on the first start', async () => {
    await keepRepeatingAlarm('policy-url', 30);
    expect(await fakeBrowser.alarms.get('policy-url')).toMatchObject({
      name: 'policy-url',
      periodInMinutes: 30,
    });
  });
});

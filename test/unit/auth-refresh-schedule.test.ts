import { describe, expect, it } from 'vitest';
import { expiryFrom, needsRefresh, refreshDueAt } from '../../utils/auth/refresh-schedule';

const NINE_AM = Date.parse('2026-12-02T09:00:00+09:00');

describe('when an access token is renewed', () => {
  it('renews a one-hour token a minute before it runs out', () => {
    const times = { receivedAt: NINE_AM, expiresAt: NINE_AM + 3600_000 };
    expect(refreshDueAt(times)).toBe(NINE_AM + 3540_000);
    expect(needsRefresh(times, NINE_AM + 3539_999)).toBe(false);
    expect(needsRefresh(times, NINE_AM + 3540_000)).toBe(true);
  });

  it('renews a short-lived token a fifth of its life early, so a request leaving now is not refused', () => {
    const times = { receivedAt: NINE_AM, expiresAt: NINE_AM + 20_000 };
    expect(refreshDueAt(times)).toBe(NINE_AM + 16_000);
    expect(needsRefresh(times, NINE_AM + 10_000)).toBe(false);
    expect(needsRefresh(times, NINE_AM + 16_500)).toBe(true);
  });

  it('renews a token that has already run out at once', () => {
    expect(needsRefresh({ receivedAt: NINE_AM, expiresAt: NINE_AM + 60_000 }, NINE_AM + 61_000)).toBe(true);
  });

  it("takes the provider's expires_in in seconds, and five minutes when it names none", () => {
    expect(expiryFrom(NINE_AM, 3599)).toBe(NINE_AM + 3599_000);
    expect(expiryFrom(NINE_AM, undefined)).toBe(NINE_AM + 300_000);
    expect(expiryFrom(NINE_AM, 0)).toBe(NINE_AM + 300_000);
  });
});

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  clearSession,
  readSession,
  type StoredSession,
  watchSignedInUser,
  writeSession,
} from '../../utils/auth/token-store';

const TANAKA: StoredSession = {
  issuer: 'https://login.microsoftonline.com/0d1e2f3a-tenant/v2.0',
  clientId: '6f1c2a9e-tatakidai',
  accessToken: 'eyJhbGciOiJSUzI1NiJ9.access-for-tanaka.signature',
  refreshToken: 'refresh-for-tanaka-0001',
  idToken: 'eyJhbGciOiJSUzI1NiJ9.id-for-tanaka.signature',
  receivedAt: Date.parse('2026-12-02T09:00:00+09:00'),
  expiresAt: Date.parse('2026-12-02T10:00:00+09:00'),
  user: { sub: 'tanaka.hanako', name: '田中 花子', email: 'tanaka.hanako@city.yaita.lg.jp' },
};

async function everythingPersisted(): Promise<string> {
  const [local, sync] = await Promise.all([fakeBrowser.storage.local.get(), fakeBrowser.storage.sync.get()]);
  const databases = await indexedDB.databases();
  return JSON.stringify({ local, sync, databases });
}

describe('where the signed-in session is kept', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps the tokens in session storage only: nothing in local or sync storage, no database', async () => {
    await writeSession(TANAKA);
    expect(await readSession()).toEqual(TANAKA);
    const persisted = await everythingPersisted();
    expect(persisted).not.toContain('access-for-tanaka');
    expect(persisted).not.toContain('refresh-for-tanaka');
    expect(persisted).not.toContain('id-for-tanaka');
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).toContain('refresh-for-tanaka');
  });

  it('forgets everything on sign-out', async () => {
    await writeSession(TANAKA);
    await clearSession();
    expect(await readSession()).toBeUndefined();
    expect(JSON.stringify(await fakeBrowser.storage.session.get())).not.toContain('for-tanaka');
  });

  it('ignores a stored value of the wrong shape instead of sending it as a token', async () => {
    await fakeBrowser.storage.session.set({ signIn: { accessToken: 42, user: 'tanaka' } });
    expect(await readSession()).toBeUndefined();
  });

  it('tells the pages who signed in and out, without handing them the tokens', async () => {
    const seen: unknown[] = [];
    const stop = watchSignedInUser((user) => seen.push(user));
    await writeSession(TANAKA);
    await clearSession();
    stop();
    expect(seen).toEqual([TANAKA.user, undefined]);
  });
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redirectUriFor } from '../../utils/auth/redirect-uri';
import { EXTENSION_ID } from '../../utils/extension-ids';
import {
  GATEWAY_AUDIENCE,
  type OidcTestProvider,
  startOidcProvider,
  TEST_CLIENT_ID,
} from '../support/oidc-provider';
import { startTokenGateway, type TokenGateway } from '../support/token-gateway';
import { type LoadedExtension, launchExtension } from './support/extension';
import { removeManagedPolicy, waitForPolicyApplied, writeManagedPolicy } from './support/managed-policy';
import { type PageServer, startPageServer } from './support/pages';
import { clickMenuItem, selectElementText } from './support/panel';

/**
 * Sign-in for real: the built extension in Chromium, `gateway.auth.source: "oidc"` from a managed policy
 * file, a real OpenID provider's login and consent pages in the browser's sign-in window, and a gateway
 * that admits only tokens it can verify against the provider's keys.
 */
const TANAKA = { sub: 'tanaka.hanako', name: '田中 花子', email: 'tanaka.hanako@city.yaita.lg.jp' };
const SIGNED_IN = `${TANAKA.name}（${TANAKA.email}） でサインイン中`;
const ANSWER = '住民票の写しは、市民課の窓口またはコンビニ交付で取得できます。';

let provider: OidcTestProvider;
let gateway: TokenGateway;
let site: PageServer;
let extension: LoadedExtension;
let panel: Page;

function policy() {
  return {
    gateway: {
      baseUrl: gateway.url,
      apiFormat: 'openai',
      auth: {
        source: 'oidc',
        oidc: {
          issuer: provider.issuer,
          clientId: TEST_CLIENT_ID,
          scopes: ['openid', 'profile', 'email', 'offline_access'],
          resource: GATEWAY_AUDIENCE,
        },
      },
      // Ignored with sign-in: the gateway must learn who asked from the token alone.
      userAttribution: { header: 'x-litellm-end-user-id', bodyUser: true },
    },
    userId: 'someone.else@city.yaita.lg.jp',
    models: [{ id: 'gpt-4.1-mini', label: 'ChatGPT' }],
    defaultModel: 'gpt-4.1-mini',
  };
}

const chatBox = () => panel.getByRole('textbox', { name: /メッセージ/ });
const answers = () => panel.locator('.conversation article.message-assistant');

/** Presses サインイン and goes through the provider's own login and consent pages in the sign-in window. */
async function signInThroughProvider(): Promise<void> {
  const opened = extension.context.waitForEvent('page');
  await panel.getByRole('button', { name: 'サインイン', exact: true }).click();
  const window = await opened;
  await window.locator('input[name=login]').fill(TANAKA.sub);
  await window.locator('input[name=password]').fill('correct horse battery staple');
  await window.locator('button[type=submit]').click();
  // The consent page: the extension asks for the gateway and for staying signed in (offline_access).
  await window.locator('button[type=submit]').click();
  await expect.poll(() => panel.getByText(SIGNED_IN).count(), { timeout: 20_000 }).toBe(1);
}

/** Sends a question and waits for its whole answer, so no renewal is still under way when this returns. */
async function ask(question: string): Promise<void> {
  const before = await answers().count();
  await chatBox().fill(question);
  await panel.getByRole('button', { name: '送信' }).click();
  await expect.poll(() => answers().count(), { timeout: 20_000 }).toBe(before + 1);
  await expect.poll(() => answers().last().innerText(), { timeout: 40_000 }).toContain(ANSWER);
}

async function storedSession(): Promise<{ accessToken: string; expiresAt: number } | undefined> {
  return extension.worker.evaluate(
    async () =>
      (await chrome.storage.session.get('signIn')).signIn as
        | { accessToken: string; expiresAt: number }
        | undefined,
  );
}

/** The stored session, or a failure that says it is missing (a guess would let a timing test pass or fail by luck). */
async function signedInSession(): Promise<{ accessToken: string; expiresAt: number }> {
  const session = await storedSession();
  if (!session) throw new Error('no signed-in session in chrome.storage.session');
  return session;
}

/** Waits until the stored token has run out (by the browser's clock), then a little longer. */
async function pastExpiryOf(session: { expiresAt: number }): Promise<void> {
  await panel.waitForTimeout(Math.max(0, session.expiresAt - Date.now()) + 300);
  await expect
    .poll(() => extension.worker.evaluate((at) => Date.now() > at, session.expiresAt), { timeout: 5_000 })
    .toBe(true);
}

beforeAll(async () => {
  provider = await startOidcProvider({
    redirectUris: [await redirectUriFor('chromium', EXTENSION_ID)],
    webOrigins: [`chrome-extension://${EXTENSION_ID}`],
    staff: { [TANAKA.sub]: { name: TANAKA.name, email: TANAKA.email } },
  });
  // Short-lived access tokens: the conversation below outlives several of them.
  provider.accessTokenSeconds = 8;
  [gateway, site] = await Promise.all([
    startTokenGateway({ issuer: provider.issuer, audience: GATEWAY_AUDIENCE, keys: provider.jwksUrl }),
    startPageServer(),
  ]);
  gateway.setReply(ANSWER);
  writeManagedPolicy(policy());
  extension = await launchExtension();
  await waitForPolicyApplied(extension.worker, 'gateway.baseUrl');
  panel = await extension.openPage('sidepanel.html');
}, 60_000);

afterAll(async () => {
  removeManagedPolicy();
  await extension?.close();
  await Promise.all([gateway?.close(), site?.close(), provider?.close()]);
});

describe('signing in with the organisation’s identity provider', () => {
  it('asks to sign in (also in the first-run tour), and signs in through the provider’s own pages', async () => {
    await expect.poll(() => panel.getByRole('button', { name: 'サインイン', exact: true }).count()).toBe(1);
    await expect(panel.getByRole('heading', { name: '組織のアカウントでサインイン' }).count()).resolves.toBe(
      1,
    );
    // The redirect URI the browser uses is the one the admin guide tells administrators to register.
    const inUse = await extension.worker.evaluate(() => chrome.identity.getRedirectURL());
    expect(inUse).toBe(`https://${EXTENSION_ID}.chromiumapp.org/`);

    await signInThroughProvider();
    const stored = await extension.worker.evaluate(async () => ({
      local: JSON.stringify(await chrome.storage.local.get()),
      session: Object.keys(await chrome.storage.session.get()),
    }));
    expect(stored.session).toContain('signIn');
    const token = (await storedSession())?.accessToken ?? '';
    expect(token).toMatch(/^eyJ/);
    expect(stored.local).not.toContain(token);
    await panel.getByRole('button', { name: /使い方を閉じる/ }).click();
  }, 60_000);

  it('sends a chat and a right-click action through the checking gateway, which sees who asked', async () => {
    await ask('住民票の写しはどこで取れますか');
    await expect.poll(() => answers().last().innerText()).toContain('コンビニ交付');

    const article = await extension.context.newPage();
    await article.goto(`${site.url}/article.html`);
    await selectElementText(article, '#notice');
    await clickMenuItem(extension.worker, 'summarize', `${site.url}/article.html`);
    await expect
      .poll(() => panel.locator('article.result-card').innerText(), { timeout: 20_000 })
      .toContain('コンビニ交付');
    await article.close();

    const posts = gateway.requests.filter((request) => request.method === 'POST');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(gateway.subjects).toEqual(posts.map(() => TANAKA.sub));
    for (const post of posts) {
      expect(post.headers.authorization).toMatch(/^Bearer eyJ/);
      expect(post.headers['x-litellm-end-user-id']).toBeUndefined();
      expect(post.body?.user).toBeUndefined();
    }
    await panel.getByRole('button', { name: '新しい会話' }).click();
  }, 60_000);

  it('renews a token that runs out during a conversation, even mid-answer, and loses nothing', async () => {
    await ask('マイナンバーカードの受け取りに必要なものは');

    // Before: the token in hand has run out; the next question goes with a renewed one, never refused.
    const expired = await signedInSession();
    const refreshesBefore = provider.refreshRequests;
    const refusalsBefore = gateway.refusals.length;
    await pastExpiryOf(expired);
    expect((await signedInSession()).accessToken, 'nothing renewed the token while it ran out').toBe(
      expired.accessToken,
    );
    await ask('転出届はどこに出しますか');
    expect(provider.refreshRequests).toBe(refreshesBefore + 1);
    expect(gateway.refusals).toHaveLength(refusalsBefore);
    const renewed = await signedInSession();
    expect(renewed.accessToken).not.toBe(expired.accessToken);

    // Mid-answer: sent 2.5 s before the token runs out, the answer takes 6.4 s (16 pieces, 0.4 s apart).
    await panel.waitForTimeout(Math.max(0, renewed.expiresAt - 2_500 - Date.now()));
    gateway.chunkSize = 2;
    gateway.chunkDelayMs = 400;
    const question = '窓口の受付時間は';
    await ask(question);
    gateway.chunkSize = 3;
    gateway.chunkDelayMs = 2;
    expect((await answers().last().innerText()).split(ANSWER)).toHaveLength(2);
    // The gateway cut the first attempt when its token ran out; the renewed one was sent once more.
    const attempts = gateway.requests.filter((request) =>
      JSON.stringify(request.body?.messages ?? []).includes(question),
    );
    expect(attempts).toHaveLength(2);
    expect(attempts[0]?.headers.authorization).not.toBe(attempts[1]?.headers.authorization);

    // Every question and answer of the conversation is still there, each once.
    await expect(answers().count()).resolves.toBe(3);
    for (const asked of [
      'マイナンバーカードの受け取りに必要なものは',
      '転出届はどこに出しますか',
      question,
    ]) {
      await expect(panel.getByText(asked, { exact: true }).count()).resolves.toBe(1);
    }
  }, 90_000);

  it('says clearly when the provider has withdrawn the sign-in, and keeps the message being written', async () => {
    await provider.revokeEverythingFor(TANAKA.sub);
    // Once the access token in hand runs out, renewal (refresh, then silent sign-in) fails.
    await pastExpiryOf(await signedInSession());
    await chatBox().fill('転入届の手続きを教えて');
    await panel.getByRole('button', { name: '送信' }).click();
    await expect
      .poll(() => panel.getByText(/サインインが必要です/).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect(panel.getByRole('button', { name: 'サインイン', exact: true }).count()).resolves.toBe(1);
    expect(await storedSession()).toBeUndefined();

    const draft = '児童手当の申請に必要な書類は何ですか';
    await chatBox().fill(draft);
    await signInThroughProvider();
    await expect(chatBox().inputValue()).resolves.toBe(draft);
  }, 90_000);

  it('has a gateway that refuses a forged or an expired token (negative control)', async () => {
    const { accessToken: token, expiresAt } = await signedInSession();
    const [header, payload] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: 'kacho.admin' })).toString(
      'base64url',
    );
    const forged = `${header}.${forgedPayload}.${token.split('.')[2]}`;
    const post = (bearer: string) =>
      fetch(`${gateway.url}/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'gpt-4.1-mini', messages: [{ role: 'user', content: 'ping' }] }),
      });
    expect((await post(forged)).status).toBe(401);
    expect(gateway.refusals.at(-1)).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, expiresAt - Date.now()) + 1_500));
    expect((await post(token)).status).toBe(401);
    expect(gateway.refusals.at(-1)).toBe('ERR_JWT_EXPIRED');
    expect(gateway.subjects).not.toContain('kacho.admin');
  }, 60_000);

  it('asks to sign in again after the browser restarts: the tokens lived only in memory', async () => {
    const profile = extension.profile;
    await extension.close({ keepProfile: true });
    extension = await launchExtension({ profile });
    await waitForPolicyApplied(extension.worker, 'gateway.baseUrl');
    panel = await extension.openPage('sidepanel.html');
    await expect.poll(() => panel.getByRole('button', { name: 'サインイン', exact: true }).count()).toBe(1);
    expect(await storedSession()).toBeUndefined();
    const requestsBefore = gateway.requests.length;
    await chatBox().fill('国民健康保険の加入手続きは');
    await panel.getByRole('button', { name: '送信' }).click();
    await expect
      .poll(() => panel.getByText(/サインインが必要です/).count(), { timeout: 20_000 })
      .toBeGreaterThan(0);
    expect(gateway.requests.length).toBe(requestsBefore);
  }, 90_000);
});

import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { streamReply } from '../../utils/conversation/stream-reply';
import { GatewayError } from '../../utils/gateway/errors';
import { streamChat } from '../../utils/gateway/index';
import type { GatewayRequest, GatewayTarget } from '../../utils/gateway/types';
import { startTokenGateway, type TokenGateway } from '../support/token-gateway';

const ISSUER = 'https://login.example.lg.jp/realms/yaita';
const AUDIENCE = 'https://ai-gw.example.lg.jp/';
const REPLY = '住民票の写しは、市民課の窓口またはコンビニ交付で取得できます。';
const REQUEST: GatewayRequest = {
  model: 'gpt-4.1-mini',
  system: '',
  messages: [{ role: 'user', content: '住民票の取り方を教えて' }],
};

let gateway: TokenGateway;
let sign: (claims: { sub: string; lifetimeSeconds: number; audience?: string }) => Promise<string>;
let forge: (sub: string) => Promise<string>;

beforeEach(async () => {
  const provider = await generateKeyPair('RS256', { extractable: true });
  const stranger = await generateKeyPair('RS256');
  const publicJwk = { ...(await exportJWK(provider.publicKey)), kid: 'k1', alg: 'RS256' };
  const mint = (key: CryptoKey, sub: string, lifetimeSeconds: number, audience = AUDIENCE) =>
    new SignJWT({ scope: 'openid' })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + lifetimeSeconds)
      .sign(key);
  sign = ({ sub, lifetimeSeconds, audience }) => mint(provider.privateKey, sub, lifetimeSeconds, audience);
  forge = (sub) => mint(stranger.privateKey, sub, 600);
  gateway = await startTokenGateway({
    issuer: ISSUER,
    audience: AUDIENCE,
    keys: createLocalJWKSet({ keys: [publicJwk] }),
  });
  gateway.setReply(REPLY);
});
afterEach(() => gateway.close());

/** The background's part, as far as the gateway path sees it: a token now, a renewed one when refused. */
function tokenSource(first: () => Promise<string>, renewed: () => Promise<string>) {
  const asked: (string | undefined)[] = [];
  const accessToken = async (rejected?: string) => {
    asked.push(rejected);
    return rejected ? renewed() : first();
  };
  return { asked, accessToken };
}

function target(accessToken: GatewayTarget['accessToken']): GatewayTarget {
  return {
    baseUrl: gateway.url,
    apiFormat: 'openai',
    apiKey: '',
    authHeader: 'Authorization',
    authScheme: 'Bearer',
    headers: {},
    accessToken,
  };
}

async function collect(stream: AsyncIterable<{ type: string; text?: string }>): Promise<string> {
  let text = '';
  for await (const delta of stream) if (delta.type === 'text') text += delta.text;
  return text;
}

describe('a gateway that checks each person’s token', () => {
  it('answers with the signed-in person’s token and learns who asked from it', async () => {
    const source = tokenSource(
      () => sign({ sub: 'tanaka.hanako', lifetimeSeconds: 600 }),
      () => sign({ sub: 'tanaka.hanako', lifetimeSeconds: 600 }),
    );
    const text = await collect(streamChat(target(source.accessToken), REQUEST, new AbortController().signal));
    expect(text).toBe(REPLY);
    expect(gateway.subjects).toEqual(['tanaka.hanako']);
    expect(gateway.requests[0]?.headers.authorization).toMatch(/^Bearer eyJ/);
    expect(source.asked).toEqual([undefined]);
  });

  it('renews a refused token once and sends the request again', async () => {
    const expired = await sign({ sub: 'tanaka.hanako', lifetimeSeconds: -30 });
    const source = tokenSource(
      async () => expired,
      () => sign({ sub: 'tanaka.hanako', lifetimeSeconds: 600 }),
    );
    const text = await collect(streamChat(target(source.accessToken), REQUEST, new AbortController().signal));
    expect(text).toBe(REPLY);
    expect(gateway.refusals).toEqual(['ERR_JWT_EXPIRED']);
    expect(source.asked).toEqual([undefined, expired]);
    expect(gateway.subjects).toEqual(['tanaka.hanako']);
  });

  it('starts the answer again when the token runs out mid-answer, so nothing is doubled or lost', async () => {
    gateway.chunkSize = 2;
    gateway.chunkDelayMs = 150;
    const shortLived = await sign({ sub: 'tanaka.hanako', lifetimeSeconds: 2 });
    const source = tokenSource(
      async () => shortLived,
      () => sign({ sub: 'tanaka.hanako', lifetimeSeconds: 600 }),
    );
    const shown: string[] = [];
    const outcome = await streamReply(
      target(source.accessToken),
      REQUEST,
      new AbortController().signal,
      (soFar) => shown.push(soFar),
    );
    expect(outcome.status).toBe('complete');
    expect(outcome.text).toBe(REPLY);
    // Part of the first answer was shown, then cleared when the renewed request began.
    expect(shown).toContain('');
    expect(source.asked).toEqual([undefined, shortLived]);
    expect(gateway.subjects).toEqual(['tanaka.hanako', 'tanaka.hanako']);
  }, 20_000);

  it('gives up after one renewal with a clear kind, and never shows the token in the details', async () => {
    const wrongAudience = await sign({
      sub: 'tanaka.hanako',
      lifetimeSeconds: 600,
      audience: 'https://other/',
    });
    const source = tokenSource(
      async () => wrongAudience,
      async () => wrongAudience,
    );
    const error = await collect(
      streamChat(target(source.accessToken), REQUEST, new AbortController().signal),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).kind).toBe('token-refused');
    expect((error as GatewayError).detail).not.toContain(wrongAudience);
    expect(gateway.refusals).toEqual(['ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWT_CLAIM_VALIDATION_FAILED']);
  });

  it('refuses a token signed with another key (negative control for the double)', async () => {
    const forged = await forge('tanaka.hanako');
    const source = tokenSource(
      async () => forged,
      async () => forged,
    );
    await expect(
      collect(streamChat(target(source.accessToken), REQUEST, new AbortController().signal)),
    ).rejects.toMatchObject({ kind: 'token-refused' });
    expect(gateway.subjects).toEqual([]);
    expect(gateway.refusals[0]).toMatch(/ERR_JWS_SIGNATURE_VERIFICATION_FAILED|ERR_JWKS_NO_MATCHING_KEY/);
  });
});

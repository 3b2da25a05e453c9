import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { type Adapter, type AdapterPayload } from 'oidc-provider';

/**
 * A real, certified OpenID provider (`oidc-provider`) on 127.0.0.1, as a city's Keycloak or Entra ID would
 * be for the extension: discovery, its own login and consent pages (the development ones: any login name
 * and password are accepted, the login name becomes the `sub`), PKCE, refresh tokens with rotation,
 * revocation, and access tokens as JWTs for one resource server, the AI gateway.
 */

export const TEST_CLIENT_ID = 'tatakidai-test';
export const GATEWAY_AUDIENCE = 'https://ai-gw.test.lg.jp/';

export interface StaffMember {
  name: string;
  email: string;
}

export interface OidcTestProvider {
  issuer: string;
  jwksUrl: string;
  /** Seconds an access token lives (read at each issue, so a test can shorten it mid-way). */
  accessTokenSeconds: number;
  /** Ends everything the provider issued for this person: grants, refresh tokens, login sessions. */
  revokeEverythingFor(sub: string): Promise<void>;
  /** Refresh-token requests the provider answered, successful or not. */
  refreshRequests: number;
  close(): Promise<void>;
}

/** Everything oidc-provider stores, in one map, so a test can end a person's sessions like an admin would. */
const stores = new Map<string, AdapterPayload & { kind: string }>();

class MemoryStore implements Adapter {
  constructor(private readonly kind: string) {}
  private key(id: string) {
    return `${this.kind}:${id}`;
  }
  async upsert(id: string, payload: AdapterPayload) {
    stores.set(this.key(id), { ...payload, kind: this.kind });
  }
  async find(id: string) {
    return stores.get(this.key(id));
  }
  async findByUserCode(userCode: string) {
    return [...stores.values()].find((entry) => entry.kind === this.kind && entry.userCode === userCode);
  }
  async findByUid(uid: string) {
    return [...stores.values()].find((entry) => entry.kind === this.kind && entry.uid === uid);
  }
  async consume(id: string) {
    const entry = stores.get(this.key(id));
    if (entry) entry.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    stores.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string) {
    for (const [key, entry] of stores) if (entry.grantId === grantId) stores.delete(key);
  }
}

export async function startOidcProvider(options: {
  redirectUris: string[];
  /** Origins allowed to call the token endpoint from a browser (Keycloak's "Web origins"). */
  webOrigins: string[];
  staff: Record<string, StaffMember>;
}): Promise<OidcTestProvider> {
  const server: Server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };

  const handle: OidcTestProvider = {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    accessTokenSeconds: 600,
    refreshRequests: 0,
    revokeEverythingFor: async (sub) => {
      for (const [key, entry] of stores) {
        if (entry.accountId === sub || (entry.kind === 'Session' && entry.accountId === sub))
          stores.delete(key);
      }
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };

  const provider = new Provider(issuer, {
    adapter: MemoryStore,
    clients: [
      {
        client_id: TEST_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: ['tatakidai-test-cookie-key'] },
    claims: { openid: ['sub'], profile: ['name'], email: ['email'] },
    findAccount: async (_ctx, sub) => ({
      accountId: sub,
      claims: async () => ({ sub, ...options.staff[sub] }),
    }),
    features: {
      devInteractions: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: async () => GATEWAY_AUDIENCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async () => ({
          scope: 'openid profile email offline_access',
          audience: GATEWAY_AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: handle.accessTokenSeconds,
        }),
      },
    },
    // Like Keycloak's "Web origins" and Entra's SPA registration: the token endpoint answers a browser only
    // for the origins named, here the extension's own (chrome-extension://<id>).
    clientBasedCORS: (_ctx, origin) => options.webOrigins.includes(origin),
    conformIdTokenClaims: false,
    // oidc-provider keeps `offline_access` only with `prompt=consent` (OpenID Connect Core §11). Entra ID and
    // Keycloak give a public client refresh tokens without forcing consent each time, and so does this
    // provider: the extension never sends `prompt=consent`, which many tenants forbid to staff.
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  });
  provider.on('grant.success', (ctx) => {
    if (ctx.oidc.params?.grant_type === 'refresh_token') handle.refreshRequests++;
  });
  provider.on('grant.error', (ctx) => {
    if (ctx.oidc.params?.grant_type === 'refresh_token') handle.refreshRequests++;
  });
  server.on('request', provider.callback());
  return handle;
}

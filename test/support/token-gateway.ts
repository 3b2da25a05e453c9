import type { IncomingMessage } from 'node:http';
import { createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type GatewayServer, startGatewayServer } from './gateway-server';

/**
 * The gateway double for sign-in: like an API Management `validate-jwt` policy or a token-checking proxy
 * in front of LiteLLM, it admits a request only with `Authorization: Bearer <JWT>` whose signature checks
 * against the provider's keys and whose issuer, audience and expiry are right; anything else gets 401.
 * During a streamed answer it re-checks the expiry, so a token that runs out mid-answer ends the stream
 * with a 401 error event.
 */
export interface TokenGateway extends GatewayServer {
  /** The `sub` of every admitted request, in order: who the gateway saw. */
  subjects: string[];
  /** Why each refused request was refused (jose's error code, or "no bearer token"). */
  refusals: string[];
}

export async function startTokenGateway(options: {
  issuer: string;
  audience: string;
  /** The provider's JWKS URL, or a key set for a test that signs its own tokens. */
  keys: string | JWTVerifyGetKey;
}): Promise<TokenGateway> {
  const keys = typeof options.keys === 'string' ? createRemoteJWKSet(new URL(options.keys)) : options.keys;
  const expiries = new WeakMap<IncomingMessage, number>();
  const subjects: string[] = [];
  const refusals: string[] = [];
  const refuse = (why: string) => {
    refusals.push(why);
    return {
      status: 401,
      headers: { 'www-authenticate': `Bearer error="invalid_token", error_description="${why}"` },
      body: { error: { message: `invalid token: ${why}`, type: 'authentication_error', code: 401 } },
    };
  };
  const server = await startGatewayServer({
    admit: async (request) => {
      if (request.method !== 'POST') return undefined;
      const bearer = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
      if (!bearer) return refuse('no bearer token');
      try {
        const { payload } = await jwtVerify(bearer, keys, {
          issuer: options.issuer,
          audience: options.audience,
        });
        subjects.push(String(payload.sub));
        expiries.set(request, (payload.exp ?? 0) * 1000);
        return undefined;
      } catch (caught) {
        const code = (caught as { code?: string }).code ?? 'unverifiable';
        return refuse(code);
      }
    },
    stillAdmitted: (request) => (expiries.get(request) ?? Number.POSITIVE_INFINITY) > Date.now(),
  });
  return Object.assign(server, { subjects, refusals });
}

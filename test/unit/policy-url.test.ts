import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fetchPolicyUrl, type PolicyUrlCache } from '../../utils/policy/policy-url';

/** The policy the city's 情報政策課 publishes on the intranet. */
const POLICY_2025_09 = {
  gateway: { baseUrl: 'https://ai-gw.example.lg.jp/v1', apiFormat: 'openai' },
  defaultModel: 'gpt-4.1-mini',
  tips: [{ date: '2025-09-10', title: '要約は3行で', body: '「3行で要約して」と頼むと便利です。' }],
};
const POLICY_2025_10 = {
  ...POLICY_2025_09,
  pii: { mode: 'redact', bannedTerms: ['取扱注意'] },
  tips: [{ date: '2025-10-01', title: '丁寧な文に', body: '窓口の返信は「丁寧に」で整えられます。' }],
};

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A stand-in for the intranet web server, on 127.0.0.1 and a free port, one handler per path. */
let server: Server;
let origin: string;
const handlers = new Map<string, Handler>();
const received: { path: string; headers: IncomingMessage['headers'] }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const path = request.url ?? '/';
    received.push({ path, headers: request.headers });
    const handler = handlers.get(path);
    if (handler) handler(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => {
  handlers.clear();
  received.length = 0;
});

afterAll(async () => {
  // Slow and endless handlers leave connections open: drop them so that close() returns.
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Serves `policy` with an ETag, answering 304 when the client already has that version. */
function servePolicy(path: string, version: { etag: string; body: unknown }) {
  handlers.set(path, (request, response) => {
    if (request.headers['if-none-match'] === version.etag) {
      response.writeHead(304, { etag: version.etag }).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8', etag: version.etag })
      .end(JSON.stringify(version.body));
  });
}

const ifNoneMatchOf = (path: string) =>
  received.filter((request) => request.path === path).at(-1)?.headers['if-none-match'];

/** A good copy fetched earlier, as the background keeps it in storage. */
async function firstCopy(path: string): Promise<PolicyUrlCache> {
  servePolicy(path, { etag: '"v2025-09"', body: POLICY_2025_09 });
  const cache = await fetchPolicyUrl(`${origin}${path}`, undefined, { now: 1_000 });
  expect(cache.body).toEqual(POLICY_2025_09);
  return cache;
}

describe('fetching the policy published at policyUrl', () => {
  it('keeps the policy and its ETag the first time', async () => {
    servePolicy('/tatakidai/policy.json', { etag: '"v2025-09"', body: POLICY_2025_09 });
    const cache = await fetchPolicyUrl(`${origin}/tatakidai/policy.json`, undefined, { now: 1_000 });
    expect(cache).toEqual({
      url: `${origin}/tatakidai/policy.json`,
      body: POLICY_2025_09,
      etag: '"v2025-09"',
      fetchedAt: 1_000,
    });
    expect(ifNoneMatchOf('/tatakidai/policy.json')).toBeUndefined();
  });

  it('asks with the ETag next time and keeps the copy it has when the server says 304 Not Modified', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    const second = await fetchPolicyUrl(first.url, first, { now: 2_000 });
    expect(ifNoneMatchOf('/tatakidai/policy.json')).toBe('"v2025-09"');
    expect(second).toEqual({ ...first, fetchedAt: 2_000, error: undefined });
  });

  it('clears an earlier error once the server answers 304 again', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    const second = await fetchPolicyUrl(first.url, { ...first, error: 'HTTP 503' }, { now: 2_000 });
    expect(second.error).toBeUndefined();
    expect(second.body).toEqual(POLICY_2025_09);
  });

  it('replaces the copy when the administrator publishes a new policy', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    servePolicy('/tatakidai/policy.json', { etag: '"v2025-10"', body: POLICY_2025_10 });
    const second = await fetchPolicyUrl(first.url, first, { now: 3_000 });
    expect(second).toEqual({ url: first.url, body: POLICY_2025_10, etag: '"v2025-10"', fetchedAt: 3_000 });
  });

  it('forgets the old ETag when the new policy comes without one', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    handlers.set('/tatakidai/policy.json', (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(POLICY_2025_10));
    });
    const second = await fetchPolicyUrl(first.url, first);
    expect(second.body).toEqual(POLICY_2025_10);
    expect(second.etag).toBeUndefined();
  });
});

describe('a policy URL that fails keeps the last good copy and says why', () => {
  it('keeps the copy and records the status when the server answers 500', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    handlers.set('/tatakidai/policy.json', (_, response) => {
      response.writeHead(500, { 'content-type': 'text/html' }).end('<h1>Internal Server Error</h1>');
    });
    const second = await fetchPolicyUrl(first.url, first, { now: 9_000 });
    expect(second).toEqual({ ...first, error: 'HTTP 500' });
    expect(second.fetchedAt).toBe(1_000);
  });

  it('gives up on a server that does not answer, keeping the copy', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    handlers.set('/tatakidai/policy.json', () => {
      // Never answers: the intranet server is hung.
    });
    const second = await fetchPolicyUrl(first.url, first, { timeoutMs: 200 });
    expect(second.body).toEqual(POLICY_2025_09);
    expect(second.error).toMatch(/^no answer within/);
  });

  it('gives up on a server that sends the headers and then stalls, keeping the copy', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    handlers.set('/tatakidai/policy.json', (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"gateway": {"baseUrl": ');
    });
    const second = await fetchPolicyUrl(first.url, first, { timeoutMs: 200 });
    expect(second.body).toEqual(POLICY_2025_09);
    expect(second.error).toMatch(/^no answer within/);
  });

  it('keeps the copy when the server answers with something that is not JSON', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    handlers.set('/tatakidai/policy.json', (_, response) => {
      response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', etag: '"login"' })
        .end('<html><body>統合認証にログインしてください</body></html>');
    });
    const second = await fetchPolicyUrl(first.url, first);
    expect(second).toEqual({ ...first, error: 'not JSON' });
  });

  it('refuses a policy larger than the size cap without reading all of it', async () => {
    const first = await firstCopy('/tatakidai/policy.json');
    let written = 0;
    handlers.set('/tatakidai/policy.json', (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = `${JSON.stringify({ title: '議会答弁案'.repeat(40) })},`;
      // An endless JSON array: only the client's cap can end it.
      response.write('[');
      const timer = setInterval(() => {
        if (response.destroyed || written > 10_000_000) {
          clearInterval(timer);
          response.destroy();
          return;
        }
        response.write(chunk);
        written += Buffer.byteLength(chunk);
      }, 1);
      response.on('close', () => clearInterval(timer));
    });
    const second = await fetchPolicyUrl(first.url, first, { maxBytes: 4 * 1024, timeoutMs: 5_000 });
    expect(second.body).toEqual(POLICY_2025_09);
    expect(second.error).toBe('larger than 4 KB');
    expect(written).toBeLessThan(10_000_000);
  });

  it('accepts a policy just under the size cap', async () => {
    handlers.set('/tatakidai/policy.json', (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"tips": [');
      response.write(JSON.stringify({ date: '2025-09-10', title: '要約', body: 'あ'.repeat(1000) }));
      response.end(']}');
    });
    const cache = await fetchPolicyUrl(`${origin}/tatakidai/policy.json`, undefined, { maxBytes: 4 * 1024 });
    expect(cache.error).toBeUndefined();
    expect(cache.body).toMatchObject({ tips: [{ title: '要約' }] });
  });

  it('records a refused connection instead of throwing', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const previous: PolicyUrlCache = {
      url: `http://127.0.0.1:${port}/tatakidai/policy.json`,
      body: POLICY_2025_09,
      etag: '"v2025-09"',
      fetchedAt: 1_000,
    };
    const cache = await fetchPolicyUrl(previous.url, previous, { timeoutMs: 2_000 });
    expect(cache.body).toEqual(POLICY_2025_09);
    expect(cache.error).toEqual(expect.any(String));
    expect(cache.error).not.toMatch(/^no answer within/);
  });

  it('records a URL that cannot be fetched at all instead of throwing', async () => {
    const cache = await fetchPolicyUrl('ポリシーのURL', undefined);
    expect(cache).toMatchObject({ url: 'ポリシーのURL', error: expect.any(String) });
    expect(cache.body).toBeUndefined();
  });
});

describe('when the administrator changes policyUrl', () => {
  it('does not send the old ETag to the new address and takes the new policy', async () => {
    const old = await firstCopy('/tatakidai/policy.json');
    servePolicy('/ai/policy-2025.json', { etag: '"v2025-09"', body: POLICY_2025_10 });
    const cache = await fetchPolicyUrl(`${origin}/ai/policy-2025.json`, old);
    expect(ifNoneMatchOf('/ai/policy-2025.json')).toBeUndefined();
    expect(cache.url).toBe(`${origin}/ai/policy-2025.json`);
    expect(cache.body).toEqual(POLICY_2025_10);
  });

  it('does not fall back to the policy of the old address when the new one fails', async () => {
    const old = await firstCopy('/tatakidai/policy.json');
    handlers.set('/ai/policy-2025.json', (_, response) => {
      response.writeHead(500).end();
    });
    const cache = await fetchPolicyUrl(`${origin}/ai/policy-2025.json`, old);
    expect(cache).toEqual({ url: `${origin}/ai/policy-2025.json`, error: 'HTTP 500' });
  });
});

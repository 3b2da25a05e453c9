import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CITY_PAGE_HTML } from '../../fixtures/city-page';

/** Test pages a member of staff might select text on, served from 127.0.0.1. */
const ARTICLE = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>令和7年度 市民課からのお知らせ</title></head>
<body>
<h1>マイナンバーカードの受け取りについて</h1>
<p id="notice">マイナンバーカードの受け取りには、交付通知書と本人確認書類が必要です。<br>
受け取りは平日の午前8時30分から午後5時15分まで、市民課窓口で行っています。<br>
混雑が予想されるため、事前予約をおすすめします。</p>
<p id="english">Residents can pick up their My Number card at the Citizens Division counter on weekdays.</p>
<label>回答案 <textarea id="reply" rows="6" cols="60">お問い合わせの件ですが、書類がないと受け取れません。平日に来てください。</textarea></label>
<div id="editor" contenteditable="true">窓口は混んでるので予約してね。</div>
</body></html>`;

export interface PageServer {
  url: string;
  /** Extra JSON documents served at their path, e.g. a policy at /policy.json; changeable during a test. */
  json: Map<string, unknown>;
  /** Paths requested so far: proves what a page did or did not load. */
  requests: string[];
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const requests: string[] = [];
  const json = new Map<string, unknown>();
  const server: Server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const document = json.get(request.url ?? '');
    if (document !== undefined) {
      response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      response.end(JSON.stringify(document));
      return;
    }
    if (request.url === '/city-page.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(CITY_PAGE_HTML);
      return;
    }
    if (request.url === '/article.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(ARTICLE);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    json,
    requests,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

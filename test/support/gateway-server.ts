import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for an organisation's AI gateway (LiteLLM, Portkey, …) speaking both the OpenAI Chat
 * Completions and the Anthropic Messages wire formats over real HTTP on 127.0.0.1. Tokens are counted as
 * Unicode code points, so `max_tokens: 8` cuts the answer after 8 characters, as a real gateway would.
 */

export const DEFAULT_GATEWAY_REPLY = `## 回答のたたき台

矢板市役所 市民課の窓口案内について、要点を整理しました。

- **受付時間**：平日 8:30〜17:15（祝日・年末年始を除く）
- **持ち物**：本人確認書類（マイナンバーカード、運転免許証など）
- **お問い合わせ**：市民課 市民係（内線 123）

ご不明な点があれば、お気軽にお尋ねください🙇`;

/** The parsed JSON body of a chat request, as much of it as a reply function usually needs. */
export interface ChatRequestBody {
  model?: string;
  system?: unknown;
  messages?: { role: string; content: unknown }[];
  max_tokens?: number;
  stream?: boolean;
  [field: string]: unknown;
}

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/chat/completions`. */
  path: string;
  /** Lower-case names, as Node gives them. */
  headers: Record<string, string>;
  body: ChatRequestBody | null;
  /** When the request's headers arrived, in ms since the epoch with sub-ms precision (as pages' `timeOrigin + now()`). */
  receivedAt: number;
}

export interface GatewayFailure {
  status: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON, a string as it is; omitted, a body shaped like the endpoint's errors. */
  body?: unknown;
}

export interface GatewayServer {
  /** Base URL including `/v1`, as a user would paste it into the options page. */
  url: string;
  requests: RecordedRequest[];
  /** Models the gateway serves; empty means it accepts any model. */
  knownModels: string[];
  /** Code points per streamed chunk. */
  chunkSize: number;
  chunkDelayMs: number;
  setReply(reply: string | ((body: ChatRequestBody) => string)): void;
  /** Queues a one-shot failure: the next request (any endpoint) gets it instead of an answer. */
  failNext(failure: GatewayFailure): void;
  /**
   * The next stream sends `chunks` pieces of text and then stops: `reset` destroys the socket (a crashed
   * proxy), `end` closes the response politely without the final event (a proxy's idle timeout).
   * `when`, if given, is awaited first: a reset discards what the client had not read yet, so a test that
   * needs the first pieces to arrive waits here until the client shows them (an event, not a fixed delay).
   */
  dropAfterChunks(chunks: number, how?: 'reset' | 'end', when?: () => Promise<unknown>): void;
  /** The next stream carries one event whose JSON is cut off, after its first piece of text. */
  garbageNext(): void;
  /**
   * The next stream carries lines a careless proxy might add but that carry no event: SSE comments, unknown
   * fields, a line with no colon. A reader that follows the SSE rules skips them.
   */
  noiseNext(): void;
  /** The next stream sends `chunks` pieces of text, then nothing more while keeping the connection open. */
  stallAfterChunks(chunks: number): void;
  /** The next request's connection is cut before any byte of the response (a proxy that fell over). */
  resetNext(): void;
  /**
   * The next request (any endpoint) gets exactly this response, its body written in pieces of
   * `pieceBytes` bytes, each piece flushed on its own, so multi-byte characters and `\r\n` pairs are split
   * across reads as a slow proxy would split them.
   */
  replayNext(response: RecordedResponse): void;
  /** Waited before the response headers of every streamed answer: a model's time to first token. */
  firstByteDelayMs: number;
  close(): Promise<void>;
}

/** A whole HTTP response written by hand (see test/fixtures/stream-shapes.ts). */
export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  pieceBytes: number;
}

type ApiFormat = 'openai' | 'anthropic';

interface Answer {
  body: ChatRequestBody;
  format: ApiFormat;
  model: string;
  text: string;
  truncated: boolean;
  inputTokens: number;
}

const codePoints = (text: string) => Array.from(text);

function countTokens(value: unknown): number {
  if (typeof value === 'string') return codePoints(value).length;
  if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + countTokens(item), 0);
  if (typeof value === 'object' && value !== null) {
    const { content, text } = value as { content?: unknown; text?: unknown };
    return countTokens(content) + countTokens(text);
  }
  return 0;
}

function errorBody(format: ApiFormat, status: number, message: string): unknown {
  if (format === 'anthropic') {
    const type = status === 404 ? 'not_found_error' : status === 429 ? 'rate_limit_error' : 'api_error';
    return { type: 'error', error: { type, message } };
  }
  return {
    error: {
      message,
      type: 'invalid_request_error',
      param: null,
      code: status === 404 ? 'model_not_found' : null,
    },
  };
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    'access-control-allow-origin': request.headers.origin ?? '*',
    'access-control-expose-headers': 'retry-after, retry-after-ms, x-request-id, request-id',
  };
}

async function readBody(request: IncomingMessage): Promise<ChatRequestBody | null> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  if (parts.length === 0) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(parts).toString('utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as ChatRequestBody) : null;
  } catch {
    return null;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * How a gateway that checks each person's token decides (token-gateway.ts): `admit` answers a failure to
 * send instead of an answer; `stillAdmitted` is asked before each piece of a streamed answer, and `false`
 * ends the stream with a 401 error event (a gateway that re-checks a token that expires mid-answer).
 */
export interface GatewayAdmission {
  admit(request: IncomingMessage): Promise<GatewayFailure | undefined>;
  stillAdmitted(request: IncomingMessage): boolean;
}

export async function startGatewayServer(admission?: GatewayAdmission): Promise<GatewayServer> {
  let reply: string | ((body: ChatRequestBody) => string) = DEFAULT_GATEWAY_REPLY;
  const failures: GatewayFailure[] = [];
  let drop: { chunks: number; how: 'reset' | 'end'; when?: () => Promise<unknown> } | undefined;
  let garbage = false;
  let noise = false;
  let stall: number | undefined;
  let resets = 0;
  let served = 0;
  const replays: RecordedResponse[] = [];

  const gateway: GatewayServer = {
    url: '',
    requests: [],
    knownModels: [],
    chunkSize: 3,
    chunkDelayMs: 2,
    setReply: (next) => {
      reply = next;
    },
    failNext: (failure) => {
      failures.push(failure);
    },
    dropAfterChunks: (chunks, how = 'reset', when) => {
      drop = { chunks, how, when };
    },
    garbageNext: () => {
      garbage = true;
    },
    noiseNext: () => {
      noise = true;
    },
    stallAfterChunks: (chunks) => {
      stall = chunks;
    },
    resetNext: () => {
      resets += 1;
    },
    replayNext: (recorded) => {
      replays.push(recorded);
    },
    firstByteDelayMs: 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };

  function send(
    request: IncomingMessage,
    response: ServerResponse,
    status: number,
    body: unknown,
    extra = {},
  ) {
    const isText = typeof body === 'string';
    response.writeHead(status, {
      'content-type': isText ? 'text/plain; charset=utf-8' : 'application/json',
      ...corsHeaders(request),
      ...extra,
    });
    response.end(isText ? body : JSON.stringify(body));
  }

  /** Writes one SSE event and waits until it has left, so a drop right after it cannot swallow it. */
  function writeEvent(response: ServerResponse, data: string, event?: string): Promise<void> {
    const frame = `${event ? `event: ${event}\n` : ''}data: ${data}\n\n`;
    return new Promise((resolve) => response.write(frame, () => resolve()));
  }

  async function streamAnswer(request: IncomingMessage, response: ServerResponse, answer: Answer) {
    const oneDrop = drop;
    const oneGarbage = garbage;
    const oneNoise = noise;
    const oneStall = stall;
    drop = undefined;
    garbage = false;
    noise = false;
    stall = undefined;
    if (gateway.firstByteDelayMs > 0) await sleep(gateway.firstByteDelayMs);
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache',
      ...corsHeaders(request),
    });
    const open = () => !response.destroyed && !response.writableEnded;
    const id = `${answer.format === 'openai' ? 'chatcmpl' : 'msg'}_tatakidai_${++served}`;
    const created = Math.floor(Date.now() / 1000);
    const outputTokens = codePoints(answer.text).length;
    const openaiChunk = (choices: unknown[], extra = {}) =>
      JSON.stringify({
        id,
        object: 'chat.completion.chunk',
        created,
        model: answer.model,
        choices,
        ...extra,
      });
    const event = (type: string, fields: Record<string, unknown>) =>
      writeEvent(response, JSON.stringify({ type, ...fields }), type);

    if (answer.format === 'openai') {
      await writeEvent(
        response,
        openaiChunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
      );
    } else {
      await event('message_start', {
        message: {
          id,
          type: 'message',
          role: 'assistant',
          model: answer.model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: answer.inputTokens, output_tokens: 1 },
        },
      });
      await event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } });
      await writeEvent(response, JSON.stringify({ type: 'ping' }), 'ping');
    }

    const points = codePoints(answer.text);
    const size = Math.max(1, gateway.chunkSize);
    for (let start = 0, sent = 0; start < points.length; start += size, sent++) {
      if (oneStall !== undefined && sent === oneStall) {
        // Silent but connected, until the client gives up.
        await new Promise((resolve) => response.once('close', resolve));
        return;
      }
      if (oneDrop && sent === oneDrop.chunks) {
        await oneDrop.when?.();
        if (oneDrop.how === 'reset') response.socket?.destroy();
        else response.end();
        return;
      }
      if (!open()) return;
      if (admission && !admission.stillAdmitted(request)) {
        await (answer.format === 'openai'
          ? writeEvent(response, JSON.stringify({ error: { message: 'token expired', code: 401 } }))
          : event('error', { error: { type: 'authentication_error', message: 'token expired' } }));
        response.end();
        return;
      }
      const text = points.slice(start, start + size).join('');
      if (answer.format === 'openai') {
        await writeEvent(
          response,
          openaiChunk([{ index: 0, delta: { content: text }, finish_reason: null }]),
        );
      } else {
        await event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } });
      }
      if (oneNoise && sent === 0) {
        await new Promise((resolve) =>
          response.write(': keep-alive from a proxy\n\nx-proxy-note: 1\nstray line without a colon\n\n', () =>
            resolve(undefined),
          ),
        );
      }
      if (oneGarbage && sent === 0) {
        // A proxy that cut an event in half: the JSON never closes.
        const cut =
          answer.format === 'openai'
            ? `{"id":"${id}","choices":[{"index":0,"delta":{"content":"途中`
            : '{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"途中';
        await writeEvent(response, cut, answer.format === 'openai' ? undefined : 'content_block_delta');
      }
      await sleep(gateway.chunkDelayMs);
    }
    if (!open()) return;

    if (answer.format === 'openai') {
      await writeEvent(
        response,
        openaiChunk([{ index: 0, delta: {}, finish_reason: answer.truncated ? 'length' : 'stop' }]),
      );
      const options = answer.body.stream_options as { include_usage?: boolean } | undefined;
      if (options?.include_usage) {
        const usage = {
          prompt_tokens: answer.inputTokens,
          completion_tokens: outputTokens,
          total_tokens: answer.inputTokens + outputTokens,
        };
        await writeEvent(response, openaiChunk([], { usage }));
      }
      await writeEvent(response, '[DONE]');
    } else {
      await event('content_block_stop', { index: 0 });
      await event('message_delta', {
        delta: { stop_reason: answer.truncated ? 'max_tokens' : 'end_turn', stop_sequence: null },
        usage: { output_tokens: outputTokens },
      });
      await event('message_stop', {});
    }
    response.end();
  }

  function answerWhole(request: IncomingMessage, response: ServerResponse, answer: Answer) {
    const outputTokens = codePoints(answer.text).length;
    const id = `${answer.format === 'openai' ? 'chatcmpl' : 'msg'}_tatakidai_${++served}`;
    if (answer.format === 'openai') {
      send(request, response, 200, {
        id,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: answer.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: answer.text },
            finish_reason: answer.truncated ? 'length' : 'stop',
          },
        ],
        usage: {
          prompt_tokens: answer.inputTokens,
          completion_tokens: outputTokens,
          total_tokens: answer.inputTokens + outputTokens,
        },
      });
      return;
    }
    send(request, response, 200, {
      id,
      type: 'message',
      role: 'assistant',
      model: answer.model,
      content: [{ type: 'text', text: answer.text }],
      stop_reason: answer.truncated ? 'max_tokens' : 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: answer.inputTokens, output_tokens: outputTokens },
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const receivedAt = performance.timeOrigin + performance.now();
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const body = await readBody(request);
    gateway.requests.push({
      receivedAt,
      method: request.method ?? 'GET',
      path,
      headers: Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [
          name,
          Array.isArray(value) ? value.join(', ') : (value ?? ''),
        ]),
      ),
      body,
    });

    // Permissive CORS, for pages that reach the gateway without a host permission.
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...corsHeaders(request),
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': request.headers['access-control-request-headers'] ?? '*',
        'access-control-max-age': '600',
        ...(request.headers['access-control-request-private-network']
          ? { 'access-control-allow-private-network': 'true' }
          : {}),
      });
      response.end();
      return;
    }

    const format: ApiFormat = path === '/v1/messages' ? 'anthropic' : 'openai';
    if (resets > 0 && request.method === 'POST') {
      resets -= 1;
      request.socket.destroy();
      return;
    }
    const replay = request.method === 'POST' ? replays.shift() : undefined;
    if (replay) {
      response.writeHead(replay.status, { ...replay.headers, ...corsHeaders(request) });
      const bytes = Buffer.from(replay.body, 'utf8');
      for (let start = 0; start < bytes.length && !response.destroyed; start += replay.pieceBytes) {
        const piece = bytes.subarray(start, start + replay.pieceBytes);
        await new Promise((resolve) => response.write(piece, resolve));
        // A tick between pieces, so each arrives in a read of its own.
        await new Promise((resolve) => setImmediate(resolve));
      }
      response.end();
      return;
    }
    const failure = failures.shift() ?? (await admission?.admit(request));
    if (failure) {
      const failureBody =
        failure.body ?? errorBody(format, failure.status, STATUS_CODES[failure.status] ?? 'Error');
      send(request, response, failure.status, failureBody, failure.headers);
      return;
    }

    if (request.method === 'GET' && path === '/v1/models') {
      const created = Math.floor(Date.now() / 1000);
      const data = gateway.knownModels.map((id) => ({
        id,
        object: 'model',
        created,
        owned_by: 'tatakidai-test',
      }));
      send(request, response, 200, { object: 'list', data });
      return;
    }
    if (request.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/v1/messages')) {
      send(request, response, 404, errorBody(format, 404, `No route for ${request.method} ${path}`));
      return;
    }
    if (!body || typeof body.model !== 'string' || !Array.isArray(body.messages)) {
      send(request, response, 400, errorBody(format, 400, 'The request body needs "model" and "messages".'));
      return;
    }
    const model = body.model;
    if (gateway.knownModels.length > 0 && !gateway.knownModels.includes(model)) {
      const message =
        format === 'openai'
          ? `The model \`${model}\` does not exist or you do not have access to it.`
          : `model: ${model}`;
      send(request, response, 404, errorBody(format, 404, message));
      return;
    }

    const full = typeof reply === 'function' ? reply(body) : reply;
    const limit = typeof body.max_tokens === 'number' ? body.max_tokens : Number.POSITIVE_INFINITY;
    const points = codePoints(full);
    const answer: Answer = {
      body,
      format,
      model,
      text: points.slice(0, limit).join(''),
      truncated: points.length > limit,
      inputTokens: countTokens(body.system) + countTokens(body.messages),
    };
    if (body.stream === true) await streamAnswer(request, response, answer);
    else answerWhole(request, response, answer);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) send(request, response, 500, errorBody('openai', 500, String(error)));
      else response.destroy();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  gateway.url = `http://127.0.0.1:${port}/v1`;
  return gateway;
}

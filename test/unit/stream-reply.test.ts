import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { streamReply, toModelMessages } from '../../utils/conversation/stream-reply';
import type { GatewayRequest, GatewayTarget } from '../../utils/gateway/types';
import type { MessageRecord } from '../../utils/history/db';
import type { ApiFormat } from '../../utils/settings/schema';
import { type GatewayServer, startGatewayServer } from '../support/gateway-server';

const ANSWER =
  '- 第1期の納付期限は6月30日（月）です。\n' +
  '- 納付書を使い、市役所本庁舎1階の収納課窓口・金融機関・コンビニで納付できます。\n' +
  '- 口座振替を希望する場合は、7月10日までに申込書を提出してください。';

const REQUEST: GatewayRequest = {
  model: 'gpt-4.1-mini',
  system: 'You help staff of a Japanese municipal office draft and check documents.',
  messages: [
    {
      role: 'user',
      content: '<document>\n令和7年度の住民税（普通徴収）の第1期納付期限は6月30日です。\n</document>',
    },
  ],
};

let gateway: GatewayServer;

beforeAll(async () => {
  gateway = await startGatewayServer();
});

afterAll(async () => {
  await gateway.close();
});

beforeEach(() => {
  gateway.setReply(ANSWER);
  gateway.chunkSize = 3;
  gateway.chunkDelayMs = 2;
  gateway.requests.length = 0;
});

function targetFor(apiFormat: ApiFormat, baseUrl = gateway.url): GatewayTarget {
  return { baseUrl, apiFormat, apiKey: 'sk-shiminka-2025-0001', authHeader: '', authScheme: '', headers: {} };
}

/** Streams one reply and records every partial text the panel would have shown. */
async function reply(
  apiFormat: ApiFormat,
  options: { signal?: AbortSignal; onText?: (text: string) => void } = {},
) {
  const shown: string[] = [];
  const outcome = await streamReply(
    targetFor(apiFormat),
    REQUEST,
    options.signal ?? new AbortController().signal,
    (text) => {
      shown.push(text);
      options.onText?.(text);
    },
  );
  return { outcome, shown };
}

describe.each(['openai', 'anthropic'] as const)(
  'streaming an answer from a %s-format gateway',
  (apiFormat) => {
    it('shows the answer as it grows and ends complete with the whole text', async () => {
      const { outcome, shown } = await reply(apiFormat);

      expect(outcome).toEqual({
        text: ANSWER,
        status: 'complete',
        usage: { inputTokens: expect.any(Number), outputTokens: Array.from(ANSWER).length },
      });
      expect(shown.length).toBeGreaterThan(1);
      expect(shown.at(-1)).toBe(ANSWER);
      for (const [index, text] of shown.entries()) {
        expect(text).not.toBe('');
        expect(ANSWER.startsWith(text)).toBe(true);
        if (index > 0) expect(text.length).toBeGreaterThan(shown[index - 1]?.length ?? 0);
      }
    });

    it('keeps the text received so far when the connection drops mid-answer', async () => {
      gateway.dropAfterChunks(4, 'reset');

      const { outcome, shown } = await reply(apiFormat);

      expect(outcome.status).toBe('interrupted');
      expect(outcome.error?.kind).toBe('network');
      expect(outcome.text).not.toBe('');
      expect(outcome.text.length).toBeLessThan(ANSWER.length);
      expect(ANSWER.startsWith(outcome.text)).toBe(true);
      expect(shown.at(-1)).toBe(outcome.text);
    });

    it('does not pass off an answer cut by a proxy timeout as complete', async () => {
      // The response ends politely, but without the final event: the answer is still unfinished.
      gateway.dropAfterChunks(4, 'end');

      const { outcome } = await reply(apiFormat);

      expect(outcome.status).toBe('interrupted');
      expect(outcome.error?.kind).toBe('network');
      expect(ANSWER.startsWith(outcome.text)).toBe(true);
      expect(outcome.text.length).toBeLessThan(ANSWER.length);
    });

    it('stops when the user presses Stop and keeps what was already written', async () => {
      gateway.chunkDelayMs = 20;
      const controller = new AbortController();

      const { outcome, shown } = await reply(apiFormat, {
        signal: controller.signal,
        onText: (text) => {
          if (text.length >= 6) controller.abort();
        },
      });

      expect(outcome.status).toBe('interrupted');
      expect(outcome.error?.kind).toBe('aborted');
      expect(outcome.text.length).toBeGreaterThanOrEqual(6);
      expect(outcome.text.length).toBeLessThan(ANSWER.length);
      expect(outcome.text).toBe(shown.at(-1));
    });

    it('treats Stop before the first word as interrupted, not as a gateway error', async () => {
      const controller = new AbortController();
      controller.abort();

      const { outcome, shown } = await reply(apiFormat, { signal: controller.signal });

      expect(outcome).toMatchObject({ text: '', status: 'interrupted', error: { kind: 'aborted' } });
      expect(shown).toEqual([]);
    });

    it('reports a rejected API key as an error with no text', async () => {
      gateway.failNext({ status: 401 });

      const { outcome, shown } = await reply(apiFormat);

      expect(outcome).toMatchObject({ text: '', status: 'error', error: { kind: 'auth', status: 401 } });
      expect(shown).toEqual([]);
    });

    it('keeps the first words when the stream turns unreadable', async () => {
      gateway.garbageNext();

      const { outcome } = await reply(apiFormat);

      expect(outcome.status).toBe('interrupted');
      expect(outcome.error?.kind).toBe('bad-response');
      expect(outcome.text).not.toBe('');
      expect(ANSWER.startsWith(outcome.text)).toBe(true);
    });
  },
);

describe('when the gateway cannot be reached at all', () => {
  it('ends in an error of kind network, without any text', async () => {
    const closed = await startGatewayServer();
    const unreachable = closed.url;
    await closed.close();

    const outcome = await streamReply(
      targetFor('openai', unreachable),
      REQUEST,
      new AbortController().signal,
      () => {
        throw new Error('no text can arrive from a closed port');
      },
    );

    expect(outcome).toMatchObject({ text: '', status: 'error', error: { kind: 'network' } });
  });

  it('ends in an error of kind bad-url for an address that is not a URL, before sending anything', async () => {
    const outcome = await streamReply(
      targetFor('openai', 'ai-gateway.city.example.lg.jp'),
      REQUEST,
      new AbortController().signal,
      () => undefined,
    );

    expect(outcome).toMatchObject({ text: '', status: 'error', error: { kind: 'bad-url' } });
    expect(gateway.requests).toEqual([]);
  });
});

describe('what the model sees of a conversation', () => {
  const base = { conversationId: 'c-juminzei', model: 'gpt-4.1-mini', status: 'complete' as const, seq: 0 };
  const at = (minute: number) => Date.UTC(2025, 5, 2, 9, minute);

  it('sends every turn with content, in order, and leaves out empty answers that failed or were stopped at once', () => {
    const history: MessageRecord[] = [
      {
        ...base,
        id: 'm1',
        role: 'user',
        content: '住民税の納付方法を教えて',
        createdAt: at(0),
        updatedAt: at(0),
      },
      {
        ...base,
        id: 'm2',
        role: 'assistant',
        content: '',
        status: 'error',
        errorKind: 'rate-limited',
        createdAt: at(1),
        updatedAt: at(1),
      },
      {
        ...base,
        id: 'm3',
        role: 'user',
        content: 'もう一度お願いします',
        createdAt: at(2),
        updatedAt: at(2),
      },
      {
        ...base,
        id: 'm4',
        role: 'assistant',
        content: '- 窓口、金融機関、コンビニで納付できます',
        status: 'interrupted',
        errorKind: 'network',
        createdAt: at(3),
        updatedAt: at(3),
      },
      { ...base, id: 'm5', role: 'user', content: '口座振替についても', createdAt: at(4), updatedAt: at(4) },
    ];

    expect(toModelMessages(history)).toEqual([
      { role: 'user', content: '住民税の納付方法を教えて' },
      { role: 'user', content: 'もう一度お願いします' },
      { role: 'assistant', content: '- 窓口、金融機関、コンビニで納付できます' },
      { role: 'user', content: '口座振替についても' },
    ]);
  });

  it('sends nothing for an empty conversation', () => {
    expect(toModelMessages([])).toEqual([]);
  });
});

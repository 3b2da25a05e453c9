import { describe, expect, it } from 'vitest';
import { keepAnswer, lastAnswers, messagesInUse } from '../../utils/conversation/alternatives';
import type { MessageRecord } from '../../utils/history/db';

const message = (
  id: string,
  role: MessageRecord['role'],
  model: string,
  superseded?: boolean,
): MessageRecord => ({
  id,
  conversationId: 'c1',
  role,
  content: `${id}: ${role === 'user' ? '住民票の写しの手数料は？' : '1通300円です。'}`,
  model,
  status: 'complete',
  seq: 0,
  createdAt: 0,
  updatedAt: 0,
  ...(superseded ? { superseded } : {}),
});

// A question, then three answers to it: GPT's (set aside), Claude's (in use), PLaMo's (set aside).
const compared = [
  message('q1', 'user', 'gpt-4.1-mini'),
  message('a-gpt', 'assistant', 'gpt-4.1-mini', true),
  message('a-claude', 'assistant', 'claude-sonnet-4-5'),
  message('a-plamo', 'assistant', 'plamo-2.1-prime', true),
];

describe('answers from several models to one question', () => {
  it('lets the model see only the answer in use', () => {
    expect(messagesInUse(compared).map((m) => m.id)).toEqual(['q1', 'a-claude']);
  });

  it('finds every answer after the last question', () => {
    expect(lastAnswers(compared).map((m) => m.id)).toEqual(['a-gpt', 'a-claude', 'a-plamo']);
    expect(lastAnswers([...compared, message('q2', 'user', 'x')])).toEqual([]);
  });

  it('keeping another answer sets the others aside, earlier questions untouched', () => {
    const kept = keepAnswer(compared, 'a-plamo');
    expect(messagesInUse(kept).map((m) => m.id)).toEqual(['q1', 'a-plamo']);
    expect(kept).toHaveLength(4);
    expect(keepAnswer(compared, 'q1')).toBe(compared);
  });
});

import type { MessageRecord } from '../history/db';

/**
 * What the conversation continues from: every message except the answers set aside for another model's
 * answer to the same question ("Try with another model", Compare). They stay in history and on screen.
 */
export function messagesInUse(messages: MessageRecord[]): MessageRecord[] {
  return messages.filter((message) => !message.superseded);
}

/** The answers after the last question, in order (several after a Compare or "Try with another model"). */
export function lastAnswers(messages: MessageRecord[]): MessageRecord[] {
  const lastQuestion = messages.findLastIndex((message) => message.role === 'user');
  return messages.slice(lastQuestion + 1);
}

/** `messages` with `keptId` as the answer in use and the other answers to the same question set aside. */
export function keepAnswer(messages: MessageRecord[], keptId: string): MessageRecord[] {
  const answers = new Set(lastAnswers(messages).map((message) => message.id));
  if (!answers.has(keptId)) return messages;
  return messages.map((message) =>
    answers.has(message.id) ? { ...message, superseded: message.id !== keptId } : message,
  );
}

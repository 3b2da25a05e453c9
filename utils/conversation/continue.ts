import type { ChatMessage } from '../gateway/types';

/** In English: models follow it best, and it asks for the answer's own language by not naming one. */
export const CONTINUE_INSTRUCTION =
  'Your previous answer was cut off. Continue it exactly from where it stopped: do not repeat anything ' +
  'already written, add no preamble, and keep the same language and format.';

/** The conversation sent to finish a cut-off answer: everything before it, the partial answer, the request. */
export function continuationMessages(history: ChatMessage[], partial: string): ChatMessage[] {
  return [
    ...history,
    { role: 'assistant', content: partial },
    { role: 'user', content: CONTINUE_INSTRUCTION },
  ];
}

/** Shortest repeated stretch we remove; shorter matches are as likely to be a coincidence. */
const MIN_OVERLAP = 8;
const MAX_OVERLAP = 400;

/**
 * The answer with its continuation appended. Models sometimes start a continuation by repeating the last
 * words they wrote; that repeated stretch is dropped so the text reads once.
 */
export function joinContinuation(partial: string, continuation: string): string {
  const longest = Math.min(MAX_OVERLAP, partial.length, continuation.length);
  for (let length = longest; length >= MIN_OVERLAP; length--) {
    if (continuation.startsWith(partial.slice(partial.length - length))) {
      return partial + continuation.slice(length);
    }
  }
  return partial + continuation;
}

/**
 * Messages carry an explicit place in their conversation (`seq`): a question and its answer are often written
 * in the same millisecond, so `createdAt` cannot order them. `seq` is a microsecond-style clock that never
 * repeats or goes back within a panel, so it also sorts after every message written in earlier sessions.
 */
let lastSeq = 0;

export function nextMessageSeq(now = Date.now()): number {
  lastSeq = Math.max(now * 1000, lastSeq + 1);
  return lastSeq;
}

interface Orderable {
  role: 'user' | 'assistant';
  createdAt: number;
}

/**
 * Places for messages that have none (written before version 3, or in an older export file): oldest first and,
 * within one millisecond, the question before its answers; otherwise the order they were given in.
 */
export function placesFor<T extends Orderable>(messages: readonly T[]): (T & { seq: number })[] {
  const sorted = messages
    .map((message, at) => ({ message, at }))
    .sort(
      (a, b) =>
        a.message.createdAt - b.message.createdAt ||
        Number(a.message.role === 'assistant') - Number(b.message.role === 'assistant') ||
        a.at - b.at,
    );
  let previous = 0;
  return sorted.map(({ message }) => {
    previous = Math.max(message.createdAt * 1000, previous + 1);
    return { ...message, seq: previous };
  });
}

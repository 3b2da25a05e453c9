/**
 * A history write the browser refused. `quota`: IndexedDB is full (QuotaExceededError); the transaction was
 * rolled back, so the database is as it was before the write. `failed`: anything else.
 */
export class HistoryWriteError extends Error {
  readonly kind: 'quota' | 'failed';

  constructor(kind: 'quota' | 'failed', cause: unknown) {
    super(kind === 'quota' ? 'storage full (QuotaExceededError)' : String(cause), { cause });
    this.name = 'HistoryWriteError';
    this.kind = kind;
  }
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'QuotaExceededError') return true;
  // Dexie wraps the DOMException of a failed transaction as `inner`, a bulk write's as `failures`.
  const { inner, failures } = error as { inner?: unknown; failures?: unknown };
  if (inner !== undefined && inner !== error && isQuotaError(inner)) return true;
  return Array.isArray(failures) && failures.some(isQuotaError);
}

/** Runs a write and turns what IndexedDB throws into a {@link HistoryWriteError}. */
export async function historyWrite<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof HistoryWriteError) throw error;
    throw new HistoryWriteError(isQuotaError(error) ? 'quota' : 'failed', error);
  }
}

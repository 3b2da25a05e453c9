import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  type HistoryFilters,
  type HistoryHit,
  type HistorySearch,
  searchHistory,
} from '../utils/history/search';
import { indexGeneration } from '../utils/history/search-index';

const PAGE = 20;
const DEBOUNCE_MS = 120;

export interface HistorySearchState {
  hits: HistoryHit[];
  searching: boolean;
  hasMore: boolean;
}

const IDLE: HistorySearchState = { hits: [], searching: false, hasMore: false };

/**
 * Search-as-you-type: waits for a pause in typing, aborts the search a newer keystroke made stale, and runs
 * again when the history changes. `active` false (empty query, no filters) does nothing.
 */
export function useHistorySearch(query: string, filters: HistoryFilters, active: boolean) {
  const [state, setState] = useState<HistorySearchState>(IDLE);
  const search = useRef<HistorySearch | null>(null);
  const controller = useRef<AbortController | null>(null);
  const generation = useLiveQuery(indexGeneration, []);
  const { kind, model, from, to } = filters;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `generation` means the history changed: search again.
  useEffect(() => {
    controller.current?.abort();
    search.current = null;
    if (!active) {
      setState(IDLE);
      return;
    }
    const current = new AbortController();
    controller.current = current;
    setState((previous) => ({ ...previous, searching: true }));
    const timer = setTimeout(() => {
      void (async () => {
        try {
          const found = await searchHistory(query, { kind, model, from, to }, current.signal);
          const hits = await found.nextPage(PAGE, current.signal);
          search.current = found;
          setState({ hits, searching: false, hasMore: !found.done });
        } catch (error) {
          if (!current.signal.aborted) throw error;
        }
      })();
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      current.abort();
    };
  }, [active, query, kind, model, from, to, generation]);

  const loading = useRef(false);
  const loadMore = useCallback(() => {
    const found = search.current;
    const signal = controller.current?.signal;
    if (!found || found.done || loading.current) return;
    loading.current = true;
    void found
      .nextPage(PAGE, signal)
      .then((more) => {
        if (search.current !== found) return;
        setState((previous) => ({ ...previous, hits: [...previous.hits, ...more], hasMore: !found.done }));
      })
      .catch((error: unknown) => {
        if (!signal?.aborted) throw error;
      })
      .finally(() => {
        loading.current = false;
      });
  }, []);

  return { ...state, loadMore };
}

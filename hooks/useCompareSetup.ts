import { useCallback, useState } from 'react';
import type { ModelEntry } from '../utils/settings/schema';

/** Compare being set up: for the next chat message, or for the last question asked again; which models. */
export function useCompareSetup() {
  const [mode, setMode] = useState<'chat' | 'lastQuestion' | null>(null);
  const [models, setModels] = useState<string[]>([]);
  /** Starts with the model in the picker and the next one offered. */
  const open = useCallback((next: 'chat' | 'lastQuestion', current: string, offered: ModelEntry[]) => {
    const others = offered.filter((entry) => entry.id !== current).map((entry) => entry.id);
    setModels([current, ...others].filter(Boolean).slice(0, 2));
    setMode(next);
  }, []);
  const close = useCallback(() => setMode(null), []);
  return { mode, models, setModels, open, close };
}

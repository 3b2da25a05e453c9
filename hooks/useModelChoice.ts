import { useCallback, useEffect, useState } from 'react';
import {
  type LastModels,
  loadLastModels,
  type ModelUse,
  modelForUse,
  rememberModel,
} from '../utils/settings/model-choice';
import type { ModelEntry, Settings } from '../utils/settings/schema';

/** The model each action and the chat starts on, and the user's choices remembered per use. */
export function useModelChoice(settings: Settings | null, offered: ModelEntry[]) {
  const [last, setLast] = useState<LastModels | null>(null);
  useEffect(() => {
    void loadLastModels().then(setLast);
  }, []);

  const modelFor = useCallback(
    (use: ModelUse) => (settings && last ? modelForUse(settings, offered, last, use) : ''),
    [settings, offered, last],
  );
  const remember = useCallback((use: ModelUse, modelId: string) => {
    setLast((current) => ({ ...current, [use]: modelId }));
    void rememberModel(use, modelId);
  }, []);

  return { ready: last !== null, modelFor, remember };
}

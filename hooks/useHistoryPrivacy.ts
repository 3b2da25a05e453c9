import { useEffect } from 'react';
import { setHistoryPrivacy } from '../utils/history/store';
import type { Settings } from '../utils/settings/schema';

/** Applies `history.keepOriginals` to every later history write (see utils/history/privacy.ts). */
export function useHistoryPrivacy(settings: Settings | null): void {
  const keepOriginals = settings?.history.keepOriginals ?? true;
  const pii = settings?.pii;
  useEffect(() => {
    setHistoryPrivacy(pii ? { keepOriginals, pii } : null);
  }, [keepOriginals, pii]);
}

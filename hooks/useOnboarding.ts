import { useCallback, useEffect, useState } from 'react';
import { readOnboarding, writeOnboarding } from '../utils/onboarding';

/** The first-run tour: shown until closed, re-opened from the panel's "使い方" button. */
export function useOnboarding() {
  const [open, setOpen] = useState<boolean | null>(null);
  useEffect(() => {
    void readOnboarding().then((state) => setOpen(!state.tourDismissed));
  }, []);
  const dismiss = useCallback(() => {
    setOpen(false);
    void writeOnboarding({ tourDismissed: true });
  }, []);
  const reopen = useCallback(() => setOpen(true), []);
  /** The first visit: greet the user before anything else. */
  return { open: open === true, firstRun: open === true, dismiss, reopen };
}

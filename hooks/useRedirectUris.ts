import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { redirectUriFor } from '../utils/auth/redirect-uri';
import { EXTENSION_ID, FIREFOX_EXTENSION_ID } from '../utils/extension-ids';

/**
 * The redirect URIs the administrator registers: this browser's own (from the browser, for the ID in use),
 * and the other browser family's for our published IDs.
 */
export function useRedirectUris(): { inUse: string; others: string[] } {
  const inUse = browser.identity.getRedirectURL();
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    void Promise.all([
      redirectUriFor('chromium', EXTENSION_ID),
      redirectUriFor('firefox', FIREFOX_EXTENSION_ID),
    ]).then((all) => setOthers(all.filter((uri) => uri !== inUse)));
  }, [inUse]);
  return { inUse, others };
}

import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { AuthFailureKind } from '../utils/auth/errors';
import { readSession, type SignedInUser, watchSignedInUser } from '../utils/auth/token-store';
import { sendMessage } from '../utils/messages';

export type SignInProblem = AuthFailureKind | 'permission-denied';

/**
 * Who is signed in (from the ID token, kept in session storage by the background) and the buttons' actions.
 * Signing in happens in the browser's own window or a tab: this page, and the message being written in it,
 * stay as they are.
 */
export function useSignIn(required: boolean) {
  const [user, setUser] = useState<SignedInUser | undefined>();
  const [loaded, setLoaded] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<SignInProblem | undefined>();
  /** The provider's own error code or the browser's words, for the details line (never a token). */
  const [problemDetail, setProblemDetail] = useState('');

  useEffect(() => {
    if (!required) return;
    let active = true;
    const stop = watchSignedInUser((next) => active && setUser(next));
    void readSession().then((session) => {
      if (!active) return;
      setUser(session?.user);
      setLoaded(true);
    });
    return () => {
      active = false;
      stop();
    };
  }, [required]);

  const signIn = useCallback((inTab: boolean) => {
    setProblem(undefined);
    setProblemDetail('');
    setBusy(true);
    // The tab fallback must see the provider send the person back: ask for that one origin, inside the click.
    const redirectOrigin = `${new URL(browser.identity.getRedirectURL()).origin}/*`;
    const allowed = inTab
      ? browser.permissions.request({ origins: [redirectOrigin] })
      : Promise.resolve(true);
    void allowed
      .then(async (granted) => {
        if (!granted) return setProblem('permission-denied');
        const answer = await sendMessage({ type: 'auth-sign-in', inTab });
        if (answer.ok) return;
        setProblem(answer.failure.kind);
        setProblemDetail(answer.failure.detail);
      })
      .catch(() => setProblem('refused'))
      .finally(() => setBusy(false));
  }, []);

  const signOut = useCallback(() => {
    setProblem(undefined);
    void sendMessage({ type: 'auth-sign-out' });
  }, []);

  return { required, loaded, user, busy, problem, problemDetail, signIn, signOut };
}

import { type SignInProblem, useSignIn } from '../hooks/useSignIn';
import type { MessageKey, Translator } from '../utils/i18n';
import { SignInBar } from './SignInBar';

const PROBLEM_TEXT: Record<SignInProblem, MessageKey> = {
  'not-configured': 'signIn_notConfigured',
  'signed-out': 'signIn_refused',
  cancelled: 'signIn_cancelled',
  refused: 'signIn_refused',
  network: 'signIn_network',
  'permission-denied': 'signIn_permissionDenied',
};

/** The sign-in bar of the panel and the options page; nothing when the policy does not ask for sign-in. */
export function SignInArea({ required, t }: { required: boolean; t: Translator }) {
  const signIn = useSignIn(required);
  if (!required || !signIn.loaded) return null;
  return (
    <SignInBar
      labels={{
        needed: t('signIn_needed'),
        signIn: t('signIn_button'),
        inTab: t('signIn_inTab'),
        inTabHelp: t('signIn_inTabHelp'),
        busy: t('signIn_busy'),
        signedInAs: (who) => t('signIn_signedInAs', who),
        signOut: t('signIn_signOut'),
      }}
      user={signIn.user}
      busy={signIn.busy}
      problem={signIn.problem && t(PROBLEM_TEXT[signIn.problem])}
      problemDetail={signIn.problemDetail && t('errorDetail', signIn.problemDetail)}
      onSignIn={signIn.signIn}
      onSignOut={signIn.signOut}
    />
  );
}

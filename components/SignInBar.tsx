import type { SignedInUser } from '../utils/auth/token-store';

export interface SignInLabels {
  needed: string;
  signIn: string;
  inTab: string;
  inTabHelp: string;
  busy: string;
  signedInAs: (who: string) => string;
  signOut: string;
}

interface Props {
  labels: SignInLabels;
  user: SignedInUser | undefined;
  busy: boolean;
  /** Already in the user's words: what went wrong and what to do. */
  problem?: string;
  /** The details line under the problem (the provider's error code). */
  problemDetail?: string;
  onSignIn(inTab: boolean): void;
  onSignOut(): void;
}

/** Who is signed in and a sign-out button, or why to sign in and the buttons to do it. */
export function SignInBar({ labels, user, busy, problem, problemDetail, onSignIn, onSignOut }: Props) {
  if (user) {
    const who =
      user.name && user.email ? `${user.name}（${user.email}）` : (user.name ?? user.email ?? user.sub);
    return (
      <section className="sign-in signed-in" aria-label={labels.signOut}>
        <span className="sign-in-who">{labels.signedInAs(who)}</span>
        <button type="button" onClick={onSignOut}>
          {labels.signOut}
        </button>
      </section>
    );
  }
  return (
    <section className="sign-in" aria-label={labels.signIn}>
      <p>{labels.needed}</p>
      {problem && (
        <p className="sign-in-problem" role="alert">
          {problem}
        </p>
      )}
      {problem && problemDetail && <p className="hint">{problemDetail}</p>}
      <div className="toolbar">
        <button type="button" className="primary" disabled={busy} onClick={() => onSignIn(false)}>
          {busy ? labels.busy : labels.signIn}
        </button>
        <button type="button" disabled={busy} title={labels.inTabHelp} onClick={() => onSignIn(true)}>
          {labels.inTab}
        </button>
      </div>
    </section>
  );
}

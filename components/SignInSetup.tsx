interface Props {
  title: string;
  issuerLine: string;
  clientLine: string;
  redirectLabel: string;
  redirectUri: string;
  otherLines: string[];
}

/** For the administrator: what the policy names and the redirect URI to register at the identity provider. */
export function SignInSetup({
  title,
  issuerLine,
  clientLine,
  redirectLabel,
  redirectUri,
  otherLines,
}: Props) {
  return (
    <section className="sign-in-setup" aria-label={title}>
      <h3>{title}</h3>
      <p>{issuerLine}</p>
      <p>{clientLine}</p>
      <p>{redirectLabel}</p>
      <code className="redirect-uri">{redirectUri}</code>
      {otherLines.map((line) => (
        <p key={line} className="hint">
          {line}
        </p>
      ))}
    </section>
  );
}

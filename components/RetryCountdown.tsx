import { useEffect, useState } from 'react';

interface Props {
  /** `Date.now()` when the retry starts. */
  retryAt: number;
  /** The sentence, given the seconds left. */
  message(secondsLeft: number): string;
}

/** "Retrying in 12 s", counting down once a second until the retry starts. */
export function RetryCountdown({ retryAt, message }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const secondsLeft = Math.max(0, Math.ceil((retryAt - now) / 1000));
  return (
    <p className="retry-countdown" role="status">
      {message(secondsLeft)}
    </p>
  );
}

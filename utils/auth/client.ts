import { GatewayError } from '../gateway/errors';
import { sendMessage } from '../messages';

/**
 * A page's way to the signed-in person's access token: the background holds and renews it. Any failure is
 * a `signed-out` gateway error, which the panel explains with a sign-in button; the detail never holds a token.
 */
export async function requestAccessToken(rejected?: string): Promise<string> {
  const answer = await sendMessage({ type: 'auth-token', ...(rejected ? { rejected } : {}) });
  if (answer?.ok) return answer.accessToken;
  const failure = answer?.failure ?? { kind: 'signed-out', detail: 'no answer from the background' };
  throw new GatewayError(
    failure.kind === 'network' ? 'network' : 'signed-out',
    `sign-in: ${failure.kind}: ${failure.detail}`,
  );
}

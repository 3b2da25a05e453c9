import { GatewayError } from './errors';
import type { Delta, GatewayTarget } from './types';

/**
 * Sends the signed-in person's access token as the key. When the gateway refuses it (401, before or in
 * the middle of an answer — a token can run out while a long answer streams), the token is renewed once and
 * the request sent once more; a second refusal is final. Targets without sign-in pass straight through.
 */
export async function* withAccessToken(
  target: GatewayTarget,
  open: (ready: GatewayTarget) => AsyncIterable<Delta>,
): AsyncIterable<Delta> {
  const { accessToken } = target;
  if (!accessToken) {
    yield* open(target);
    return;
  }
  let token = await accessToken();
  for (let attempt = 1; ; attempt++) {
    let sawText = false;
    try {
      for await (const delta of open({ ...target, apiKey: token })) {
        if (delta.type === 'text') sawText = true;
        yield delta;
      }
      return;
    } catch (caught) {
      if (!(caught instanceof GatewayError) || caught.kind !== 'auth') throw caught;
      if (attempt > 1) throw new GatewayError('token-refused', caught.detail, caught.status);
      token = await accessToken(token);
      // The answer is asked for again from the start: what was shown of it goes, so nothing is doubled.
      if (sawText) yield { type: 'restart' };
    }
  }
}

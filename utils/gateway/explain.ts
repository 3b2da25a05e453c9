import type { Translator } from '../i18n';
import type { GatewayError } from './errors';
import type { RetryWait } from './retry';

/** The user-facing sentence for a gateway failure: what happened and what to do. */
export function explainGatewayError(
  error: GatewayError,
  t: Translator,
  context: { model: string; gatewayOrigin: string },
): string {
  switch (error.kind) {
    case 'bad-url':
      return t('error_bad_url');
    case 'permission':
      return t('error_permission', context.gatewayOrigin);
    case 'auth':
      return t('error_auth');
    case 'signed-out':
      return t('error_signed_out');
    case 'token-refused':
      return t('error_token_refused');
    case 'forbidden':
      return t('error_forbidden');
    case 'model-not-found':
      return t('error_model_not_found', context.model);
    case 'rate-limited':
      return t('error_rate_limited', String(Math.max(1, Math.ceil((error.retryAfterMs ?? 10_000) / 1000))));
    case 'server':
      return t('error_server');
    case 'network':
      return t('error_network');
    case 'timeout':
      return t('error_timeout');
    case 'aborted':
      return t('error_aborted');
    case 'bad-response':
      return t('error_bad_response');
    case 'rejected':
      return t('error_rejected');
    case 'cut-off':
      return t('error_cut_off');
  }
}

/** The countdown line while an automatic retry waits: why, how long, which attempt. */
export function explainRetryWait(wait: RetryWait, t: Translator, seconds: number): string {
  return t(
    wait.reason === 'rate-limited' ? 'retry_waiting' : 'retry_waiting_failure',
    String(seconds),
    String(wait.attempt),
    String(wait.maxAttempts),
  );
}

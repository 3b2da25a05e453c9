import { browser } from 'wxt/browser';
import { GatewayError } from './errors';

/**
 * With a host permission for the gateway's origin, requests from our pages need no CORS support from the
 * gateway (most have none). We ask for exactly that origin, never for all sites.
 */
export function gatewayOriginPattern(baseUrl: string): string | undefined {
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}

export async function hasGatewayPermission(baseUrl: string): Promise<boolean> {
  const origin = gatewayOriginPattern(baseUrl);
  if (!origin) return false;
  return browser.permissions.contains({ origins: [origin] });
}

/** Must be called straight from a click: the browser only shows its prompt during a user gesture. */
export async function requestGatewayPermission(baseUrl: string): Promise<boolean> {
  const origin = gatewayOriginPattern(baseUrl);
  if (!origin) return false;
  return browser.permissions.request({ origins: [origin] });
}

/** A request that never reached the gateway may be a missing host permission rather than the network. */
export async function withPermissionCause(error: GatewayError, baseUrl: string): Promise<GatewayError> {
  if (error.kind !== 'network') return error;
  const granted = await hasGatewayPermission(baseUrl).catch(() => true);
  return granted ? error : new GatewayError('permission', error.detail);
}

/**
 * The redirect URI the identity provider must have registered for the extension. Each browser decides it:
 * Chrome and Edge use `https://<extension id>.chromiumapp.org/`, Firefox
 * `https://<SHA-1 of the add-on id, hex>.extensions.allizom.org/`. At run time `identity.getRedirectURL()`
 * is the truth; this derivation lets the admin guide and the options page name it for any ID.
 */
export type BrowserFamily = 'chromium' | 'firefox';

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

export async function redirectUriFor(family: BrowserFamily, extensionId: string): Promise<string> {
  if (family === 'chromium') return `https://${extensionId}.chromiumapp.org/`;
  const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(extensionId));
  return `https://${hex(digest)}.extensions.allizom.org/`;
}

/** Whether a URL the sign-in window or tab reached is the way back to us (any path or query under it). */
export function isRedirectBack(url: string, redirectUri: string): boolean {
  try {
    const reached = new URL(url);
    const expected = new URL(redirectUri);
    return reached.origin === expected.origin && reached.pathname.startsWith(expected.pathname);
  } catch {
    return false;
  }
}

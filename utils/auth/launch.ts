import { browser } from 'wxt/browser';
import { AuthError } from './errors';
import { isRedirectBack } from './redirect-uri';

/** Chrome's words when the person closes the sign-in window. */
const CLOSED_BY_USER = /did not approve|closed|cancel/i;

/**
 * The provider's page in the browser's sign-in window; resolves with the URL it sent the person back to.
 * `interactive: false` (silent renewal) shows nothing and fails at once if the provider wants a click.
 */
export async function openSignInWindow(url: string, interactive: boolean): Promise<string> {
  // Chrome 113+ waits for a silent answer up to this long; Firefox rejects unknown fields, so only Chromium.
  const chromeOnly = import.meta.env.FIREFOX || interactive ? {} : { timeoutMsForNonInteractive: 10_000 };
  try {
    const answer = await browser.identity.launchWebAuthFlow({ url, interactive, ...chromeOnly });
    if (!answer) throw new AuthError('refused', 'the sign-in window returned nothing');
    return answer;
  } catch (caught) {
    if (caught instanceof AuthError) throw caught;
    const message = caught instanceof Error ? caught.message : String(caught);
    throw new AuthError(interactive && CLOSED_BY_USER.test(message) ? 'cancelled' : 'refused', message);
  }
}

/**
 * The fallback for providers whose pages break inside the sign-in window (pop-ups, smart-card or
 * Windows-integrated login): a normal tab, closed as soon as it reaches the redirect URI. Seeing that URL
 * needs the host permission for the redirect origin, which the page asks for on the click.
 */
export function openSignInTab(url: string, redirectUri: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let tabId: number | undefined;
    const finish = () => {
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
    };
    const onUpdated = (id: number, change: { url?: string }) => {
      if (id !== tabId || !change.url || !isRedirectBack(change.url, redirectUri)) return;
      finish();
      void browser.tabs.remove(id).catch(() => undefined);
      resolve(change.url);
    };
    const onRemoved = (id: number) => {
      if (id !== tabId) return;
      finish();
      reject(new AuthError('cancelled', 'the sign-in tab was closed'));
    };
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.tabs.create({ url }).then(
      (tab) => {
        tabId = tab.id;
      },
      (caught: unknown) => {
        finish();
        reject(new AuthError('refused', String(caught)));
      },
    );
  });
}

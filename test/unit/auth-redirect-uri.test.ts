import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isRedirectBack, redirectUriFor } from '../../utils/auth/redirect-uri';
import { EXTENSION_ID, FIREFOX_EXTENSION_ID } from '../../utils/extension-ids';

describe('the redirect URI an administrator registers at the identity provider', () => {
  it('is https://<extension id>.chromiumapp.org/ in Chrome and Edge', async () => {
    expect(await redirectUriFor('chromium', EXTENSION_ID)).toBe(
      'https://kncpofkhcggbomfiiagidabljfiifemb.chromiumapp.org/',
    );
    // Edge installs from its own store under another ID: the URI follows the ID in use.
    expect(await redirectUriFor('chromium', 'abcdefghijklmnopabcdefghijklmnop')).toBe(
      'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    );
  });

  it("is Firefox's own https://<SHA-1 of the add-on id>.extensions.allizom.org/", async () => {
    const sha1 = createHash('sha1').update(FIREFOX_EXTENSION_ID).digest('hex');
    const uri = await redirectUriFor('firefox', FIREFOX_EXTENSION_ID);
    expect(uri).toBe(`https://${sha1}.extensions.allizom.org/`);
    expect(uri).toMatch(/^https:\/\/[0-9a-f]{40}\.extensions\.allizom\.org\/$/);
  });

  it('recognises the way back with a code, but not a look-alike host or another path', () => {
    const back = 'https://kncpofkhcggbomfiiagidabljfiifemb.chromiumapp.org/';
    expect(isRedirectBack(`${back}?code=abc&state=xyz&iss=https%3A%2F%2Fidp.city.lg.jp`, back)).toBe(true);
    expect(
      isRedirectBack('https://kncpofkhcggbomfiiagidabljfiifemb.chromiumapp.org.evil.jp/?code=1', back),
    ).toBe(false);
    expect(
      isRedirectBack(`https://idp.city.lg.jp/login?redirect_uri=${encodeURIComponent(back)}`, back),
    ).toBe(false);
    expect(isRedirectBack('not a url', back)).toBe(false);
  });
});

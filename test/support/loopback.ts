/**
 * Keeps every test browser on this machine. Headless Chromium calls Google hosts by itself even with
 * `--disable-background-networking`; with these rules no other name resolves, so such a request fails at
 * once instead of leaving the machine. `city.test` is a name with no host permission in our manifest (any
 * 127.0.0.1 port is granted), for tests of what the extension may read without a user's gesture.
 */
export const NO_PERMISSION_HOST = 'city.test';

export const CHROMIUM_LOOPBACK_ONLY = `--host-resolver-rules=MAP ${NO_PERMISSION_HOST} 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost`;

/**
 * Firefox has no resolver rules: every request that is not for the loopback goes to a proxy on a closed
 * loopback port and fails there. Loopback addresses never use a proxy (`allow_hijacking_localhost` is off).
 */
export const FIREFOX_LOOPBACK_ONLY_PREFS: Record<string, string | number | boolean> = {
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.socks': '127.0.0.1',
  'network.proxy.socks_port': 9,
  'network.proxy.socks_remote_dns': true,
  'network.proxy.no_proxies_on': 'localhost, 127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
  'network.trr.mode': 5,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
};

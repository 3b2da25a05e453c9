/** Fixed by `manifest.key`: admins' policies and force-install lists name it. A contract. */
export const EXTENSION_ID = 'kncpofkhcggbomfiiagidabljfiifemb';
/** Firefox's `browser_specific_settings.gecko.id`: policies.json names it. A contract. */
export const FIREFOX_EXTENSION_ID = 'tatakidai@tatakidai.dev';

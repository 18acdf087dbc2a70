// Where the UI lives: a privileged custom scheme rather than file://, so the page has a real origin
// that the CSP's 'self', the sender check and the navigation guard can all name — file:// pages share
// one origin with every file on the disk.
export const APP_SCHEME = 'app';
export const APP_HOST = 'catalog';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** Whether a URL is one of ours: the app scheme and its one host (no other host is served). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

// The shell's defences around an untrusted page: a strict CSP on every response, no navigation, no
// new windows, no permissions, and IPC answered only for our own top frame. Each is a plain function
// of the pieces of Electron it touches, so it is tested without the runtime (test/unit/app).
import { PAGE_CSP } from '../service/index.ts';
import { isAppUrl } from './app-url.ts';

/** The page's Content-Security-Policy, shared with browser mode (main/service/content-policy.ts). */
export const CSP = PAGE_CSP;

/** Headers every response of the app protocol carries. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The CSP put on a response's headers, replacing any other (whatever its case). */
export function withCsp(headers: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(
    ([name]) => name.toLowerCase() !== 'content-security-policy',
  );
  return {
    ...Object.fromEntries(kept.map(([name, value]) => [name, Array.isArray(value) ? value : [value]])),
    'Content-Security-Policy': [CSP],
  };
}

/** What the sender check reads of an IPC event's frame (Electron's WebFrameMain). */
export type FrameLike = { url: string; parent: FrameLike | null };

/**
 * Whether an IPC message comes from our page: its frame is the top frame (a subframe could be
 * anything the page embedded) and shows our protocol's origin (not a page navigated elsewhere).
 */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** The only links that leave the app: web pages, opened in the user's browser. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export type OpenExternal = (url: string) => Promise<void> | void;

/**
 * 'will-navigate' (and 'will-redirect'): the page never leaves the app. A web link the user clicked
 * goes to their browser; anything else (file:, javascript:, another scheme) is dropped.
 */
export function navigationGuard(openExternal: OpenExternal) {
  return (event: { preventDefault(): void }, url: string): void => {
    event.preventDefault();
    if (isExternalLink(url)) void openExternal(url);
  };
}

/** setWindowOpenHandler: no window is ever created; web links go to the browser. */
export function windowOpenHandler(openExternal: OpenExternal) {
  return ({ url }: { url: string }): { action: 'deny' } => {
    if (isExternalLink(url)) void openExternal(url);
    return { action: 'deny' };
  };
}

/** setPermissionRequestHandler: camera, notifications, clipboard reads… none is needed, none granted. */
export const denyPermissionRequest = (
  _contents: unknown,
  _permission: string,
  callback: (granted: boolean) => void,
): void => callback(false);

/** setPermissionCheckHandler: the synchronous check says no as well. */
export const denyPermissionCheck = (): boolean => false;

/** What hardenSession touches of Electron's Session. */
export type SessionLike = {
  setPermissionRequestHandler(handler: typeof denyPermissionRequest): void;
  setPermissionCheckHandler(handler: typeof denyPermissionCheck): void;
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void,
    ): void;
  };
};

/**
 * Permissions denied, and the CSP on every response the session receives — the app protocol sets
 * it already; this covers anything else that would ever load (a devtools extension, a redirect).
 */
export function hardenSession(session: SessionLike): void {
  session.setPermissionRequestHandler(denyPermissionRequest);
  session.setPermissionCheckHandler(denyPermissionCheck);
  session.webRequest.onHeadersReceived((details, callback) =>
    // The developer tools are Chromium's own pages, under their own policy.
    callback(
      /^(devtools|chrome-extension):/.test(details.url)
        ? {}
        : { responseHeaders: withCsp(details.responseHeaders) },
    ),
  );
}

/** What hardenContents touches of Electron's WebContents. */
export type ContentsLike = {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
};

/** Every web contents the app creates: no navigation, no new window, no <webview>. */
export function hardenContents(contents: ContentsLike, openExternal: OpenExternal): void {
  const guard = navigationGuard(openExternal);
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(windowOpenHandler(openExternal));
}

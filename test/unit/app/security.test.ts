// The shell's defences, each with the fake piece of Electron it touches: the CSP, navigation and
// new windows denied (web links to the browser only), permissions denied, and the sender check that
// every IPC handler runs first.
import { describe, expect, it, vi } from 'vitest';
import {
  CSP,
  denyPermissionCheck,
  denyPermissionRequest,
  hardenContents,
  hardenSession,
  isTrustedSender,
  navigationGuard,
  windowOpenHandler,
  withCsp,
  type ContentsLike,
  type SessionLike,
} from '../../../main/app/security.ts';

const directives = () =>
  new Map(
    CSP.split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([k, ...v]) => [k!, v]),
  );

describe('CSP', () => {
  it('runs our scripts only: no inline script, no eval, nothing from elsewhere', () => {
    const csp = directives();
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CSP).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*|https?:/);
    // 'self' is app://catalog: the scheme is registered as standard and secure, so it has an origin.
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('allows the preview (blob and data images, the pdf.js worker from a blob)', () => {
    const csp = directives();
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('forbids plugins, framing, <base> and form posts', () => {
    const csp = directives();
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
  });

  it('replaces a response’s own CSP, whatever its case, and keeps its other headers', () => {
    const headers = withCsp({ 'content-security-policy': ['default-src *'], 'X-Other': ['1'] });
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CSP] });
  });
});

describe('navigation and new windows', () => {
  const event = () => ({ preventDefault: vi.fn() });

  it.each([
    'app://catalog/other.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://evil.example/',
    'data:text/html,<script>1</script>',
  ])('never navigates the window (%s)', (url) => {
    const e = event();
    navigationGuard(vi.fn())(e, url);
    expect(e.preventDefault).toHaveBeenCalledOnce();
  });

  it('sends http and https links to the browser, and nothing else', () => {
    const openExternal = vi.fn();
    const guard = navigationGuard(openExternal);
    for (const url of [
      'https://example.com/a',
      'http://example.com/',
      'file:///etc/passwd',
      'smb://x/y',
      'javascript:1',
    ])
      guard(event(), url);
    expect(openExternal.mock.calls).toEqual([['https://example.com/a'], ['http://example.com/']]);
  });

  it('denies every new window; a web link opens in the browser instead', () => {
    const openExternal = vi.fn();
    const handler = windowOpenHandler(openExternal);
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://catalog/index.html' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/']]);
  });

  it('hardenContents wires the guards on navigation, redirects, webviews and window.open', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let windowOpen: ((d: { url: string }) => { action: 'deny' }) | undefined;
    const contents = {
      on: (name: string, listener: (event: { preventDefault(): void }, url: string) => void) =>
        listeners.set(name, listener),
      setWindowOpenHandler: (h: (d: { url: string }) => { action: 'deny' }) => (windowOpen = h),
    } as ContentsLike;
    const openExternal = vi.fn();
    hardenContents(contents, openExternal);
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    for (const name of listeners.keys()) {
      const e = event();
      listeners.get(name)!(e, 'file:///etc/passwd');
      expect(e.preventDefault).toHaveBeenCalled();
    }
    expect(windowOpen?.({ url: 'file:///x' })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      denyPermissionRequest({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    expect(denyPermissionCheck()).toBe(false);
  });

  it('hardenSession installs both, and the CSP on every response', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    } satisfies SessionLike;
    hardenSession(session);
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(denyPermissionRequest);
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(denyPermissionCheck);
    const listener = session.webRequest.onHeadersReceived.mock.calls[0]![0] as Parameters<
      SessionLike['webRequest']['onHeadersReceived']
    >[0];
    const callback = vi.fn();
    listener({ url: 'app://catalog/', responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CSP] },
    });
    listener({ url: 'https://example.com/', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenLastCalledWith({ responseHeaders: { 'Content-Security-Policy': [CSP] } });
    listener({ url: 'devtools://devtools/bundled/inspector.html', responseHeaders: {} }, callback);
    expect(callback).toHaveBeenLastCalledWith({});
  });
});

describe('isTrustedSender', () => {
  const top = (url: string) => ({ url, parent: null });

  it('trusts our page’s top frame', () => {
    expect(isTrustedSender(top('app://catalog/'))).toBe(true);
    expect(isTrustedSender(top('app://catalog/index.html#/checks'))).toBe(true);
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['a file page', 'file:///home/user/page.html'],
    ['another host of our scheme', 'app://other/'],
    ['a look-alike host', 'app://catalog.evil/'],
    ['no URL', ''],
  ])('refuses a top frame showing %s', (_what, url) => {
    expect(isTrustedSender(top(url))).toBe(false);
  });

  it('refuses a subframe, even one of our origin, and a missing frame', () => {
    expect(isTrustedSender({ url: 'app://catalog/', parent: top('app://catalog/') })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

// The app protocol: serves the built renderer (dist/renderer/, `vite build`) at app://catalog/, with
// the CSP on every response. Only files under that folder are served: a request naming `..`, an
// encoded separator or another host is refused before the disk is touched, and the resolved path is
// checked to lie inside the folder all the same.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { isInside, mimeType } from '../service/index.ts';
import { APP_HOST, APP_SCHEME } from './app-url.ts';
import { SECURITY_HEADERS } from './security.ts';

/** Registered before the app is ready: a standard, secure origin that fetch() may use. */
export const privilegedSchemes = () => [
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
  },
];

/**
 * The file a URL of the app protocol names under `root`, or undefined when it names none there:
 * another scheme or host, a `..` segment (encoded or not), a separator or NUL hidden in a segment.
 */
export function resolveAppFile(root: string, url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  const segments: string[] = [];
  for (const raw of parsed.pathname.split('/').filter((s) => s !== '')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  const base = resolve(root);
  const file = resolve(base, ...(segments.length ? segments : ['index.html']));
  return isInside(base, file) && file !== base ? file : undefined;
}

const refusal = (status: number, text: string) =>
  new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });

/** The handler for `protocol.handle('app', …)`: the renderer's files, nothing else. */
export function serveApp(root: string, read: (path: string) => Promise<Uint8Array> = readFile) {
  return async (request: { url: string; method?: string }): Promise<Response> => {
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') return refusal(405, 'Method not allowed');
    const file = resolveAppFile(root, request.url);
    if (!file) return refusal(403, 'Forbidden');
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return refusal(404, 'Not found');
    }
    // Copied into a fresh ArrayBuffer: what Response's types (and a transfer) want.
    return new Response(method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(file), 'Cache-Control': 'no-cache' },
    });
  };
}

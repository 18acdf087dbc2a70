// The renderer's built files (dist/renderer, written by `vite build`), served to this run's browser
// only. A URL names a file inside the root or nothing: the decoded path is resolved and must stay
// under the root, and so must the real file behind any symlink — `..`, `%2e%2e`, `%2f` or a link
// pointing out of the folder reach nothing else on the disk.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { isInside, mimeType } from '../service/index.ts';
import { SECURITY_HEADERS, sendPage, type Extra } from './reply.ts';

/**
 * The file a URL path names inside `root`, or undefined when it names nothing there: malformed
 * escapes, a NUL byte, a path resolving outside the root. `/` is the root's index.html.
 */
export function staticPath(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const relative = decoded === '/' ? 'index.html' : `.${decoded}`;
  const full = resolve(base, relative);
  return isInside(base, full) && full !== base ? full : undefined;
}

const notBuilt = (response: ServerResponse, extra: Extra) =>
  sendPage(
    response,
    503,
    'Catalog publisher',
    [
      "L'interface n'est pas construite : lancez « npm run build:ui », puis rechargez cette page.",
      'The user interface is not built: run "npm run build:ui", then reload this page.',
    ],
    extra,
  );

const notFound = (response: ServerResponse, extra: Extra) =>
  sendPage(response, 404, 'Catalog publisher', ['Page introuvable.', 'Page not found.'], extra);

/** Answers a GET or HEAD for a page or an asset of the renderer. */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  pathname: string,
  extra: Extra = {},
): Promise<void> {
  const file = staticPath(root, pathname);
  if (!file) return notFound(response, extra);
  const found = await realFile(root, file);
  if (!found) {
    if (pathname === '/') return notBuilt(response, extra);
    // Every browser asks for one: "no content" rather than a 404 in the console of every session.
    if (pathname === '/favicon.ico') {
      response.writeHead(204, { ...SECURITY_HEADERS, ...extra });
      return void response.end();
    }
    return notFound(response, extra);
  }
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': mimeType(file),
    'Content-Length': String(found.size),
    ...extra,
  });
  if (request.method === 'HEAD') return void response.end();
  await new Promise<void>((done) => {
    const stream = createReadStream(found.path);
    stream.on('error', () => {
      response.destroy();
      done();
    });
    response.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(response);
  });
}

/** The real file behind `file` when it is a regular file whose real path is inside the real root. */
async function realFile(root: string, file: string): Promise<{ path: string; size: number } | undefined> {
  try {
    const [realRoot, real] = await Promise.all([realpath(root), realpath(file)]);
    if (!isInside(realRoot, real)) return undefined;
    const info = await stat(real);
    return info.isFile() ? { path: real, size: info.size } : undefined;
  } catch {
    return undefined;
  }
}

export const indexFile = (root: string) => join(resolve(root), 'index.html');

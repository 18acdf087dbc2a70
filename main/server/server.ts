// Browser mode: the contract over HTTP on 127.0.0.1, for users without the Electron runtime and for
// the UI's end-to-end tests. Every call is `POST /api/<channel>` with the request as JSON, answered
// by the same `call()` the desktop app uses: `{ ok: true, value }` or `{ ok: false, error }`.
// Written on node:http: two routes and a guard do not need a framework's weight or its defaults.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHANNELS, toErrorPayload, type Channel, type ErrorPayload } from '../api/index.ts';
import { call } from '../service/index.ts';
import { checkRequest, tokenCookie } from './guard.ts';

/** A request body larger than this is no contract call (files travel by path, not inside JSON). */
const MAX_BODY = 1024 * 1024;

export type RunningServer = { url: string; port: number; token: string; close(): Promise<void> };

const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'; object-src 'none'",
};

function send(response: ServerResponse, status: number, body: unknown, cookie?: string): void {
  // Bytes (a preview's PDF) cross JSON as base64.
  const json = JSON.stringify(body, (_key, value: unknown) =>
    value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value,
  );
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    ...(cookie ? { 'Set-Cookie': cookie } : {}),
  });
  response.end(json);
}

const refusal = (code: string, fr: string, en: string): { ok: false; error: ErrorPayload } => ({
  ok: false,
  error: { code, message: { fr, en } },
});

function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Too large: answered at once, and the rest is read and dropped rather than the socket cut,
      // which would reach the browser as a reset connection instead of REQUEST_TOO_LARGE.
      if (size > MAX_BODY) resolve(undefined);
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(size > MAX_BODY ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function handle(request: IncomingMessage, response: ServerResponse, token: string, port: number) {
  const verdict = checkRequest(request, token, port);
  if (!verdict.ok) {
    const words = {
      host: ['Hôte refusé.', 'Host refused.'],
      origin: ['Origine refusée.', 'Origin refused.'],
      token: [
        'Jeton absent ou faux : ouvrez l’adresse affichée au démarrage.',
        'Missing or wrong token: open the address printed at start-up.',
      ],
    }[verdict.reason];
    return send(
      response,
      verdict.status,
      refusal(`FORBIDDEN_${verdict.reason.toUpperCase()}`, words[0]!, words[1]!),
    );
  }
  const cookie = verdict.setCookie ? tokenCookie(token) : undefined;
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
  const match = /^\/api\/([\w-]+)$/.exec(url.pathname);
  if (!match)
    return send(response, 404, refusal('NOT_FOUND', 'Adresse inconnue.', 'Unknown address.'), cookie);
  const channel = match[1]!;
  if (!Object.hasOwn(CHANNELS, channel))
    return send(
      response,
      404,
      refusal('UNKNOWN_CHANNEL', `Canal inconnu « ${channel} ».`, `Unknown channel "${channel}".`),
      cookie,
    );
  if (request.method !== 'POST')
    return send(response, 405, refusal('METHOD_NOT_ALLOWED', 'Utilisez POST.', 'Use POST.'), cookie);
  const body = await readBody(request);
  if (body === undefined)
    return send(
      response,
      413,
      refusal('REQUEST_TOO_LARGE', 'Requête trop volumineuse.', 'Request too large.'),
      cookie,
    );
  let input: unknown;
  try {
    input = body === '' ? {} : JSON.parse(body);
  } catch {
    return send(
      response,
      400,
      refusal('INVALID_JSON', 'Le corps de la requête n’est pas du JSON.', 'The request body is not JSON.'),
      cookie,
    );
  }
  const result = await call(channel as Channel, input);
  const status = result.ok ? 200 : result.error.code === 'INVALID_REQUEST' ? 400 : 422;
  send(response, status, result, cookie);
}

/** Starts browser mode on 127.0.0.1 (a random port unless given) with a fresh token. */
export async function startServer(options: { port?: number } = {}): Promise<RunningServer> {
  const token = randomBytes(24).toString('hex');
  let port = 0;
  const server = createServer((request, response) => {
    handle(request, response, token, port).catch((error: unknown) => {
      if (!response.headersSent) send(response, 500, { ok: false, error: toErrorPayload(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

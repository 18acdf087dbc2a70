// Browser mode: the renderer and the whole contract over HTTP on 127.0.0.1, for users without the
// Electron runtime and for the UI's end-to-end tests. The page and its assets are the built renderer
// (dist/renderer); every contract call is `POST /api/<channel>` with the request as JSON, answered as
// the desktop app's IPC answers: `{ ok: true, value }` or `{ ok: false, error }`. Long channels run
// as jobs with progress on server-sent events and a cancel; files come by upload or by a typed path.
// Written on node:http: a handful of routes and a guard need no framework's weight or its defaults.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, rmdir } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { CHANNELS, parseRequest, toErrorPayload, type Channel } from '../api/index.ts';
import { ChosenPaths, keepWorkerWarm } from '../service/index.ts';
import { choosePath } from './choose.ts';
import { sendDownload } from './download.ts';
import { eventHub } from './events.ts';
import { checkRequest, tokenCookie, type Verdict } from './guard.ts';
import {
  SECURITY_HEADERS,
  readJson,
  refusal,
  sendJson,
  sendOutcome,
  sendPage,
  sendRefusal,
  type Extra,
  type Refusal,
} from './reply.ts';
import { JOB_ID, runChannel, type Outcome, type Session } from './run-channel.ts';
import { serveStatic } from './static-files.ts';
import { UPLOAD_LIMIT, saveUpload } from './upload.ts';

/** A JSON body larger than this is no contract call (files travel by upload or path, not in JSON). */
const MAX_BODY = 1024 * 1024;

/** Where `vite build` writes the renderer (vite.config.ts). */
export const DEFAULT_STATIC_ROOT = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export type ServerOptions = {
  /** 0 or absent: a free port chosen by the system. */
  port?: number;
  /** The built renderer's folder; tests give a small fake one. */
  staticRoot?: string;
  /** Bytes an upload may have (300 MB). */
  uploadLimit?: number;
};

export type RunningServer = {
  /** This run's address with its token: the one URL to open. */
  url: string;
  port: number;
  token: string;
  /** This run's folders under the system's temp folder: uploads (removed on close), outputs (kept
   * on close when a build wrote there). */
  uploads: string;
  outputs: string;
  /** The ids of the named jobs running now. */
  running(): string[];
  /** Ends the event streams, cancels running jobs, stops listening, removes the uploads. */
  close(): Promise<void>;
};

const CancelRequest = z.object({ job: z.string().min(1).max(64) });

/** The routes besides the channels; a channel cannot take one of these names. */
const ROUTES = ['events', 'session', 'download', 'cancel', 'upload', 'choose'] as const;
type Route = (typeof ROUTES)[number];

// A channel added to the contract under one of these names would be shadowed: refused at compile time.
export const ROUTES_CLEAR_OF_CHANNELS: [Extract<Route, Channel>] extends [never] ? true : never = true;

const GET_ROUTES: readonly string[] = ['events', 'session', 'download'];

const refusalWords = {
  host: ['Hôte refusé.', 'Host refused.'],
  origin: ['Origine refusée.', 'Origin refused.'],
  token: [
    'Jeton absent ou faux : ouvrez l’adresse affichée au démarrage.',
    'Missing or wrong token: open the address printed at start-up.',
  ],
} as const;

function refuseGuard(response: ServerResponse, verdict: Verdict & { ok: false }, api: boolean): void {
  const [fr, en] = refusalWords[verdict.reason];
  const refused = refusal(`FORBIDDEN_${verdict.reason.toUpperCase()}`, fr, en);
  // A page asked for by the browser's address bar gets words a person reads, an API call JSON.
  if (api) sendJson(response, verdict.status, refused);
  else sendPage(response, verdict.status, 'Catalog publisher', [fr, en]);
}

const methodNotAllowed = (allowed: string): Refusal =>
  refusal('METHOD_NOT_ALLOWED', `Utilisez ${allowed}.`, `Use ${allowed}.`);

const failed = (error: unknown): Outcome => ({ ok: false, error: toErrorPayload(error) });

type Context = {
  session: Session;
  token: string;
  port: number;
  staticRoot: string;
  uploads: string;
  outputs: string;
  uploadLimit: number;
  events: ReturnType<typeof eventHub>;
  /** Contract calls not yet answered: close() lets them answer CANCELLED before it stops. */
  inflight: Set<Promise<unknown>>;
  /** Aborted by close(): every job of this run stops, named or not. */
  shutdown: AbortController;
};

async function handle(request: IncomingMessage, response: ServerResponse, context: Context): Promise<void> {
  const { token, port } = context;
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
  const api = url.pathname.startsWith('/api/');
  const verdict = checkRequest(request, token, port);
  if (!verdict.ok) return refuseGuard(response, verdict, api);
  const extra: Extra = verdict.setCookie ? { 'Set-Cookie': tokenCookie(token) } : {};

  if (!api) {
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return sendRefusal(response, methodNotAllowed('GET'), { ...extra, Allow: 'GET, HEAD' });
    if (verdict.setCookie) {
      // The token now lives in the cookie: out of the address bar, the history and a screenshot.
      url.searchParams.delete('token');
      response.writeHead(302, { ...SECURITY_HEADERS, ...extra, Location: url.pathname + url.search });
      return void response.end();
    }
    return serveStatic(request, response, context.staticRoot, url.pathname, extra);
  }

  const name = /^\/api\/([\w-]+)$/.exec(url.pathname)?.[1];
  if (name === undefined)
    return sendRefusal(response, refusal('NOT_FOUND', 'Adresse inconnue.', 'Unknown address.'), extra);
  const route = (ROUTES as readonly string[]).includes(name) ? (name as Route) : undefined;
  if (!route && !Object.hasOwn(CHANNELS, name))
    return sendRefusal(
      response,
      refusal('UNKNOWN_CHANNEL', `Canal inconnu « ${name} ».`, `Unknown channel "${name}".`),
      extra,
    );
  const method = route && GET_ROUTES.includes(route) ? 'GET' : 'POST';
  if (request.method !== method)
    return sendRefusal(response, methodNotAllowed(method), { ...extra, Allow: method });
  if (route) return answerRoute(route, request, response, url, context, extra);
  return answerChannel(name as Channel, request, response, context, extra);
}

async function answerRoute(
  route: Route,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: Context,
  extra: Extra,
): Promise<void> {
  const { session } = context;
  switch (route) {
    case 'events':
      return context.events.attach(response, extra);
    case 'session':
      return sendOutcome(response, { ok: true, value: { mode: 'browser', outputs: context.outputs } }, extra);
    case 'download':
      return sendDownload(response, session.built, url.searchParams.get('path'), extra);
    case 'upload': {
      const saved = await saveUpload(
        request,
        context.uploads,
        url.searchParams.get('name'),
        context.uploadLimit,
      );
      if (!saved.ok) return sendRefusal(response, saved, extra);
      session.chosen.allow(saved.path, 'file');
      return sendOutcome(response, { ok: true, value: { path: saved.path } }, extra);
    }
    case 'choose':
    case 'cancel': {
      const body = await readJson(request, MAX_BODY);
      if (!body.ok) return sendRefusal(response, body, extra);
      try {
        if (route === 'choose') {
          const path = await choosePath(session.chosen, body.value);
          return sendOutcome(response, { ok: true, value: { path } }, extra);
        }
        const { job } = parseRequest(CancelRequest, body.value);
        // Unknown or already finished: nothing to stop, and nothing the page must be told.
        session.jobs.get(job)?.abort();
        return sendOutcome(response, { ok: true, value: {} }, extra);
      } catch (error) {
        return sendOutcome(response, failed(error), extra);
      }
    }
  }
}

async function answerChannel(
  channel: Channel,
  request: IncomingMessage,
  response: ServerResponse,
  context: Context,
  extra: Extra,
): Promise<void> {
  const header = request.headers['x-job-id'];
  const job = Array.isArray(header) ? header[0] : header;
  if (job !== undefined && !JOB_ID.test(job)) {
    request.resume();
    return sendRefusal(
      response,
      refusal(
        'INVALID_REQUEST',
        'Requête invalide : X-Job-Id — de 1 à 64 lettres, chiffres, « _ » ou « - ».',
        'Invalid request: X-Job-Id — 1 to 64 letters, digits, "_" or "-".',
        'X-Job-Id',
      ),
      extra,
    );
  }
  const body = await readJson(request, MAX_BODY);
  if (!body.ok) return sendRefusal(response, body, extra);
  // The browser went away before the answer (a reload, a closed tab): its job stops too.
  const gone = new AbortController();
  response.on('close', () => {
    if (!response.writableFinished) gone.abort();
  });
  const running = runChannel(context.session, channel, body.value, {
    ...(job !== undefined ? { job } : {}),
    signal: AbortSignal.any([gone.signal, context.shutdown.signal]),
  });
  context.inflight.add(running);
  try {
    const outcome = await running;
    if (!response.destroyed) sendOutcome(response, outcome, extra);
  } finally {
    context.inflight.delete(running);
  }
}

/** Starts browser mode on 127.0.0.1 (a random port unless given) with a fresh token. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const token = randomBytes(24).toString('hex');
  const uploads = await mkdtemp(join(tmpdir(), 'catalog-upload-'));
  const outputs = await mkdtemp(join(tmpdir(), 'catalog-out-'));
  const events = eventHub();
  const session: Session = {
    chosen: new ChosenPaths(),
    jobs: new Map(),
    built: new Set(),
    broadcast: (event) => events.broadcast(event),
  };
  session.chosen.allow(outputs, 'folder');
  const context: Context = {
    session,
    token,
    port: 0,
    staticRoot: options.staticRoot ?? DEFAULT_STATIC_ROOT,
    uploads,
    outputs,
    uploadLimit: options.uploadLimit ?? UPLOAD_LIMIT,
    events,
    inflight: new Set(),
    shutdown: new AbortController(),
  };
  const server = createServer((request, response) => {
    handle(request, response, context).catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 500, failed(error));
      else response.destroy();
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await Promise.all([
      rm(uploads, { recursive: true, force: true }),
      rm(outputs, { recursive: true, force: true }),
    ]);
    throw error;
  }
  context.port = (server.address() as AddressInfo).port;
  // Browser mode runs job after job (every preview is one): keep a loaded worker ready for the next.
  keepWorkerWarm(true);
  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${context.port}/?token=${token}`,
    port: context.port,
    token,
    uploads,
    outputs,
    running: () => [...session.jobs.keys()],
    close: () =>
      (closing ??= (async () => {
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        context.shutdown.abort();
        events.close();
        // Jobs answer CANCELLED as soon as their thread is ended; then no socket is left to wait for.
        await Promise.allSettled([...context.inflight]);
        server.closeAllConnections();
        await stopped;
        await rm(uploads, { recursive: true, force: true });
        // Kept when a build wrote there (the user may still open what it says it wrote), else removed.
        await rmdir(outputs).catch(() => undefined);
      })()),
  };
}

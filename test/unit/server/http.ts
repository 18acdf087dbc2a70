// Talking to a real browser-mode server as a browser would, byte for byte: node:http rather than
// fetch, because fetch normalises `..` out of a URL and forbids setting Host — the very things the
// security tests send.
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import type { RunningServer } from '../../../main/server/server.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

/** Parsed JSON, read as the test expects it. */
type Json = ReturnType<typeof JSON.parse>;
export type Reply = { status: number; headers: IncomingHttpHeaders; text: string; bytes: Buffer; body: Json };

export type Send = {
  method?: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
  /** Sent in pieces without a Content-Length (chunked), as a streamed upload may be. */
  chunked?: boolean;
};

export function send(server: RunningServer, path: string, options: Send = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: options.method ?? 'POST',
        headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const bytes = Buffer.concat(chunks);
          const text = bytes.toString('utf8');
          const json = /json/.test(String(res.headers['content-type']));
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            text,
            bytes,
            body: json ? JSON.parse(text) : undefined,
          });
        });
      },
    );
    req.on('error', reject);
    const { body } = options;
    const payload =
      body === undefined
        ? undefined
        : typeof body === 'string' || body instanceof Uint8Array
          ? body
          : JSON.stringify(body);
    if (payload !== undefined && options.chunked) {
      const all = Buffer.from(payload);
      for (let at = 0; at < all.length; at += 1024) req.write(all.subarray(at, at + 1024));
    } else if (payload !== undefined) {
      req.setHeader('Content-Length', Buffer.byteLength(payload));
      req.write(payload);
    }
    req.end();
  });
}

export const withToken = (server: RunningServer, headers: Record<string, string> = {}) => ({
  'X-Catalog-Token': server.token,
  ...headers,
});

/** A contract call with the token, as the renderer makes it. */
export const api = (
  server: RunningServer,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) => send(server, `/api/${path}`, { headers: withToken(server, headers), body: body ?? {} });

/** Chooses a typed path and returns it resolved, failing the test when refused. */
export async function choose(server: RunningServer, path: string, kind: 'file' | 'folder' = 'file') {
  const reply = await api(server, 'choose', { path, kind });
  if (reply.status !== 200) throw new Error(`choose ${path}: ${reply.text}`);
  return reply.body.value.path as string;
}

export type JobEvent = { job: string; stage: string; done: number; total?: number };

/** An open /api/events stream: the progress events seen so far, and a wait for the one a test needs. */
export type EventStream = {
  status: number;
  headers: IncomingHttpHeaders;
  events: JobEvent[];
  /** Resolves with the first event (seen or to come) that `match` accepts. */
  next(match: (event: JobEvent) => boolean): Promise<JobEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
};

export function listen(server: RunningServer, headers: Record<string, string> = withToken(server)) {
  return new Promise<EventStream>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        path: '/api/events',
        method: 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, Accept: 'text/event-stream', ...headers },
      },
      (res) => {
        const events: JobEvent[] = [];
        const waiting: { match: (e: JobEvent) => boolean; resolve: (e: JobEvent) => void }[] = [];
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          buffer += text;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const lines = block.split('\n');
            if (!lines.includes('event: progress')) continue;
            const data = lines.find((line) => line.startsWith('data: '));
            const event = JSON.parse(data!.slice(6)) as JobEvent;
            events.push(event);
            for (const w of [...waiting])
              if (w.match(event)) {
                waiting.splice(waiting.indexOf(w), 1);
                w.resolve(event);
              }
          }
        });
        const ended = new Promise<void>((done) => res.on('close', done));
        resolve({
          status: res.statusCode!,
          headers: res.headers,
          events,
          ended,
          next: (match) =>
            new Promise((found) => {
              const seen = events.find(match);
              if (seen) found(seen);
              else waiting.push({ match, resolve: found });
            }),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** A fake built renderer (index.html, a script, pdf.js's worker, a style) and a secret beside it. */
export function fakeRenderer(): { root: string; secret: string } {
  const dir = tempDir('catalog-dist-');
  const root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("app");\n');
  writeFileSync(join(root, 'assets', 'pdf.worker.min.mjs'), 'self.onmessage = () => {};\n');
  writeFileSync(join(root, 'assets', 'app.css'), 'body { margin: 0 }\n');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'TOP-SECRET-OUTSIDE-THE-ROOT\n');
  return { root, secret };
}

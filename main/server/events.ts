// Progress of browser mode's jobs, pushed to the page as server-sent events: one long GET that the
// browser's EventSource reopens by itself, simpler than a WebSocket for a one-way stream. A comment
// line now and then keeps proxies and idle timers from closing a quiet stream; a client that went
// away is dropped on its `close`.
import type { ServerResponse } from 'node:http';
import type { JobEvent } from '../api/bridge.ts';
import { SECURITY_HEADERS, type Extra } from './reply.ts';

export const KEEP_ALIVE_MS = 15_000;

export type EventHub = {
  /** Takes over a GET /api/events response for the rest of its life. */
  attach(response: ServerResponse, extra?: Extra): void;
  broadcast(event: JobEvent): void;
  /** Clients listening now. */
  readonly size: number;
  /** Ends every stream (the server is stopping). */
  close(): void;
};

export const progressMessage = (event: JobEvent) => `event: progress\ndata: ${JSON.stringify(event)}\n\n`;

export function eventHub(keepAliveMs = KEEP_ALIVE_MS): EventHub {
  const clients = new Set<ServerResponse>();
  let timer: NodeJS.Timeout | undefined;
  const write = (text: string) => {
    for (const client of clients) if (!client.writableEnded) client.write(text);
  };
  const drop = (response: ServerResponse) => {
    clients.delete(response);
    if (clients.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
  return {
    attach(response, extra = {}) {
      response.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
        ...extra,
      });
      // A first line at once, so the browser sees the stream open before any job starts.
      response.write('retry: 2000\n: connected\n\n');
      clients.add(response);
      response.on('close', () => drop(response));
      timer ??= setInterval(() => write(': keep-alive\n\n'), keepAliveMs).unref();
    },
    broadcast: (event) => write(progressMessage(event)),
    get size() {
      return clients.size;
    },
    close() {
      for (const client of [...clients]) {
        client.end();
        drop(client);
      }
    },
  };
}

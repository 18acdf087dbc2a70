// Browser mode's side of the contract (main/server/server.ts): `POST /api/<channel>` with the token
// in an HttpOnly cookie the server set from the first URL, progress as server-sent events on
// `/api/events`, cancel as `POST /api/cancel`. Files arrive by upload or by a typed path.
import { JOB_CHANNELS } from '../../main/api/channel-names.ts';
import { ApiError, type CatalogApi, type JobEvent, type Shell, type Surface } from './transport.ts';
import type { ErrorPayload } from './transport.ts';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ErrorPayload };

// The channels that report progress and can be cancelled: the long ones, and opening a workbook.
const JOBS = new Set<string>([...JOB_CHANNELS, 'open']);

const unreachable: ErrorPayload = {
  code: 'SERVER_UNREACHABLE',
  message: {
    fr: 'Le serveur local ne répond plus : relancez `npm run web`.',
    en: 'The local server no longer answers: run `npm run web` again.',
  },
};

/** Bytes cross JSON as `{ base64 }` (server.ts): turned back into bytes here. */
function revive(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && 'base64' in value && Object.keys(value).length === 1) {
    const text = atob((value as { base64: string }).base64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes;
  }
  return value;
}

async function post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(unreachable);
  }
  const outcome = JSON.parse(await response.text(), revive) as Outcome<T>;
  if (!outcome.ok) throw new ApiError(outcome.error);
  return outcome.value;
}

/** One EventSource for every job's progress, dispatched by job id. */
function progressHub() {
  const listeners = new Map<string, (event: JobEvent) => void>();
  let source: EventSource | undefined;
  return {
    listen(job: string, listener: (event: JobEvent) => void) {
      if (!source) {
        source = new EventSource('/api/events');
        source.addEventListener('progress', (message) => {
          const event = JSON.parse((message as MessageEvent<string>).data) as JobEvent;
          listeners.get(event.job)?.(event);
        });
      }
      listeners.set(job, listener);
      return () => listeners.delete(job);
    },
  };
}

let jobCounter = 0;
const newJobId = () => `job-${Date.now().toString(36)}-${(jobCounter++).toString(36)}`;

export function httpSurface(): Surface {
  const hub = progressHub();
  const api: CatalogApi = {
    async call(channel, request, options = {}) {
      if (!JOBS.has(channel)) return post(`/api/${channel}`, request);
      const job = newJobId();
      const stop = options.onProgress ? hub.listen(job, options.onProgress) : undefined;
      const cancel = () => void post('/api/cancel', { job }).catch(() => undefined);
      options.signal?.addEventListener('abort', cancel, { once: true });
      try {
        return await post(`/api/${channel}`, request, { 'X-Job-Id': job });
      } finally {
        stop?.();
        options.signal?.removeEventListener('abort', cancel);
      }
    },
  };
  const shell: Shell = {
    mode: 'browser',
    async receiveFile(file) {
      let response: Response;
      try {
        response = await fetch(`/api/upload?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream' },
          body: file,
          credentials: 'same-origin',
        });
      } catch {
        throw new ApiError(unreachable);
      }
      const outcome = (await response.json()) as Outcome<{ path: string }>;
      if (!outcome.ok) throw new ApiError(outcome.error);
      return outcome.value.path;
    },
    async choosePath(path, kind, create) {
      const value = await post<{ path: string }>('/api/choose', {
        path,
        kind,
        ...(create ? { create } : {}),
      });
      return value.path;
    },
    async defaultOutputs() {
      try {
        const response = await fetch('/api/session', { credentials: 'same-origin' });
        const outcome = (await response.json()) as Outcome<{ outputs: string }>;
        return outcome.ok ? outcome.value.outputs : undefined;
      } catch {
        throw new ApiError(unreachable);
      }
    },
    downloadUrl: (path) => `/api/download?path=${encodeURIComponent(path)}`,
    onMenu: () => () => undefined,
  };
  return { api, shell };
}

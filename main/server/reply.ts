// How browser mode answers: every response carries the same security headers, a contract answer is
// `{ ok: true, value }` or `{ ok: false, error }` as JSON, and a refusal is a coded ErrorPayload in
// both languages, never a stack trace.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorPayload } from '../api/index.ts';
import { PAGE_CSP } from '../service/index.ts';

/** The page's Content-Security-Policy, shared with the desktop window. */
export { PAGE_CSP };

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': PAGE_CSP,
};

export type Refusal = { ok: false; error: ErrorPayload };

export const refusal = (code: string, fr: string, en: string, field?: string): Refusal => ({
  ok: false,
  error: { code, message: { fr, en }, ...(field !== undefined ? { field } : {}) },
});

/** The HTTP status of a refusal, from its code: the body says the rest. */
export function statusOf(code: string): number {
  switch (code) {
    case 'INVALID_REQUEST':
    case 'INVALID_JSON':
      return 400;
    case 'FORBIDDEN_TOKEN':
      return 401;
    case 'PATH_NOT_CHOSEN':
    case 'FORBIDDEN_HOST':
    case 'FORBIDDEN_ORIGIN':
      return 403;
    case 'NOT_FOUND':
    case 'UNKNOWN_CHANNEL':
      return 404;
    case 'METHOD_NOT_ALLOWED':
      return 405;
    case 'JOB_IN_PROGRESS':
      return 409;
    case 'REQUEST_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_FILE':
      return 415;
    default:
      return 422;
  }
}

export type Extra = Record<string, string>;

/** A contract answer, or any JSON: bytes (a preview's PDF) cross as `{ base64 }`. */
export function sendJson(response: ServerResponse, status: number, body: unknown, extra: Extra = {}): void {
  const json = JSON.stringify(body, (_key, value: unknown) =>
    value instanceof Uint8Array ? { base64: Buffer.from(value).toString('base64') } : value,
  );
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    ...extra,
  });
  response.end(json);
}

/** An answer of the contract: 200 with the value, or the refusal with the status its code says. */
export function sendOutcome(
  response: ServerResponse,
  outcome: { ok: true; value: unknown } | Refusal,
  extra: Extra = {},
): void {
  sendJson(response, outcome.ok ? 200 : statusOf(outcome.error.code), outcome, extra);
}

export const sendRefusal = (response: ServerResponse, refused: Refusal, extra: Extra = {}) =>
  sendOutcome(response, refused, extra);

export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A small page in both languages, for a browser that asked for a page we cannot serve. */
export function sendPage(
  response: ServerResponse,
  status: number,
  title: string,
  lines: string[],
  extra: Extra = {},
): void {
  const body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family: system-ui, sans-serif; margin: 3rem; max-width: 40rem">
<h1 style="font-size: 1.4rem">${escapeHtml(title)}</h1>
${lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
</body></html>
`;
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/html; charset=utf-8', ...extra });
  response.end(body);
}

/** A JSON body of at most `max` bytes: undefined when larger (read and dropped, then answered 413). */
export function readBody(request: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Too large: answered at once, and the rest is read and dropped rather than the socket cut,
      // which would reach the browser as a reset connection instead of REQUEST_TOO_LARGE.
      if (size > max) resolve(undefined);
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(size > max ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The request's JSON, or the refusal to answer instead. */
export async function readJson(
  request: IncomingMessage,
  max: number,
): Promise<{ ok: true; value: unknown } | Refusal> {
  const body = await readBody(request, max);
  if (body === undefined)
    return refusal('REQUEST_TOO_LARGE', 'Requête trop volumineuse.', 'Request too large.');
  try {
    return { ok: true, value: body.trim() === '' ? {} : (JSON.parse(body) as unknown) };
  } catch {
    return refusal(
      'INVALID_JSON',
      'Le corps de la requête n’est pas du JSON.',
      'The request body is not JSON.',
    );
  }
}

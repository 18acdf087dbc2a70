// Who may talk to browser mode: only the browser the user opened with this run's URL. The server
// listens on 127.0.0.1, but any web page the user visits can still send requests there, and DNS
// rebinding can make a foreign name resolve to it: so every request needs this run's token (from the
// first URL, then a cookie), a Host naming this very server, and no foreign Origin.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'catalog_token';

export type Verdict =
  { ok: true; setCookie: boolean } | { ok: false; status: 403 | 401; reason: 'host' | 'origin' | 'token' };

const sameToken = (given: string | undefined, token: string): boolean => {
  if (!given || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
};

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return undefined;
}

/** Whether the request comes from this run's page, and whether it should get the cookie now. */
export function checkRequest(request: IncomingMessage, token: string, port: number): Verdict {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!hosts.includes(request.headers.host ?? '')) return { ok: false, status: 403, reason: 'host' };
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`))
    return { ok: false, status: 403, reason: 'origin' };
  if (sameToken(cookieToken(request.headers.cookie), token)) return { ok: true, setCookie: false };
  if (sameToken(request.headers['x-catalog-token'] as string | undefined, token))
    return { ok: true, setCookie: false };
  const url = new URL(request.url ?? '/', `http://${hosts[0]}`);
  if (sameToken(url.searchParams.get('token') ?? undefined, token)) return { ok: true, setCookie: true };
  return { ok: false, status: 401, reason: 'token' };
}

export const tokenCookie = (token: string) => `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;

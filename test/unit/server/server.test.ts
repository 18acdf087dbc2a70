// Browser mode's guard and its contract over HTTP: nothing is answered without this run's token, a
// foreign Host or Origin is refused, a malformed payload names its field, and a call answers as the
// service does.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../main/server/server.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server.close());

/** Parsed JSON, read as the test expects it. */
type Json = ReturnType<typeof JSON.parse>;
type Reply = { status: number; headers: Record<string, string | string[] | undefined>; body: Json };

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Reply> {
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
        res.on('end', () =>
          resolve({
            status: res.statusCode!,
            headers: res.headers,
            body: JSON.parse(Buffer.concat(chunks).toString()),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body !== undefined)
      req.write(typeof options.body === 'string' ? options.body : JSON.stringify(options.body));
    req.end();
  });
}

const withToken = (headers: Record<string, string> = {}) => ({ 'X-Catalog-Token': server.token, ...headers });

describe('browser mode', () => {
  it('listens on 127.0.0.1 with a random port and a long token in its URL', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('refuses every request without the token, page and API alike', async () => {
    for (const path of ['/', '/api/templates']) {
      const reply = await send(path, { method: 'GET' });
      expect(reply.status).toBe(401);
      expect(reply.body.error.code).toBe('FORBIDDEN_TOKEN');
    }
    const wrong = await send('/api/templates', { headers: { 'X-Catalog-Token': 'f'.repeat(48) } });
    expect(wrong.status).toBe(401);
  });

  it('sets an HttpOnly, SameSite cookie from the first URL, which then stands for the token', async () => {
    const first = await send(`/api/templates?token=${server.token}`, { body: {} });
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const next = await send('/api/templates', { headers: { Cookie: cookie }, body: {} });
    expect(next.status).toBe(200);
    expect(next.body.value.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(['product-grid', 'list-catalog', 'price-list']),
    );
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    const host = await send('/api/templates', {
      headers: withToken({ Host: `evil.example:${server.port}` }),
      body: {},
    });
    expect([host.status, host.body.error.code]).toEqual([403, 'FORBIDDEN_HOST']);
    const origin = await send('/api/templates', {
      headers: withToken({ Origin: 'https://evil.example' }),
      body: {},
    });
    expect([origin.status, origin.body.error.code]).toEqual([403, 'FORBIDDEN_ORIGIN']);
    const same = await send('/api/templates', {
      headers: withToken({ Origin: `http://127.0.0.1:${server.port}` }),
      body: {},
    });
    expect(same.status).toBe(200);
  });

  it('answers a malformed payload with an ErrorPayload naming the field, and bad JSON in words', async () => {
    const malformed = await send('/api/build', {
      headers: withToken(),
      body: { file: 'samples/tarif-export-excel-fr.csv', out: 'out', lang: 'fr', formats: ['pfd'] },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'INVALID_REQUEST', field: 'formats[0]' });
    const json = await send('/api/validate', { headers: withToken(), body: '{not json' });
    expect([json.status, json.body.error.code]).toEqual([400, 'INVALID_JSON']);
    const unknown = await send('/api/format-disk', { headers: withToken(), body: {} });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'UNKNOWN_CHANNEL']);
    // Answered in words, not with a reset connection: files travel by path, never inside the JSON.
    const large = await send('/api/validate', { headers: withToken(), body: 'x'.repeat(2 * 1024 * 1024) });
    expect([large.status, large.body.error.code]).toEqual([413, 'REQUEST_TOO_LARGE']);
  });

  it('runs a channel as the service does, with the contract’s security headers', async () => {
    const reply = await send('/api/validate', {
      headers: withToken(),
      body: { file: 'samples/quincaillerie-tarif-2026.xlsx' },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.value).toMatchObject({ sheet: 'Tarif 2026', products: 20 });
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'self'/);
    const missing = await send('/api/validate', { headers: withToken(), body: { file: 'nope.xlsx' } });
    expect([missing.status, missing.body.error.code]).toEqual([422, 'FILE_NOT_FOUND']);
  });
});

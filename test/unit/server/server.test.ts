// @vitest-environment node
// Browser mode's guard and its contract over HTTP: nothing is answered without this run's token —
// page, asset, API or event stream — a foreign Host or Origin is refused, a malformed payload names
// its field, a path the user did not choose is refused naming its field, and a call answers as the
// service does.
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../main/server/server.ts';
import { api, choose, fakeRenderer, listen, send, withToken } from './http.ts';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ staticRoot: fakeRenderer().root });
});
afterAll(() => server.close());

const SAMPLE = 'samples/quincaillerie-tarif-2026.xlsx';

describe('browser mode: the guard', () => {
  it('listens on 127.0.0.1 with a random port and a long token in its URL', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[0-9a-f]{48}$`));
  });

  it('refuses every request without the token: page, asset, API and event stream', async () => {
    for (const [path, method] of [
      ['/', 'GET'],
      ['/assets/app.js', 'GET'],
      ['/api/templates', 'POST'],
      ['/api/session', 'GET'],
      ['/api/events', 'GET'],
      ['/api/download?path=/etc/passwd', 'GET'],
    ] as const) {
      const reply = await send(server, path, { method, body: method === 'POST' ? {} : undefined });
      expect([path, reply.status]).toEqual([path, 401]);
      expect(reply.text).not.toContain('console.log');
      if (path.startsWith('/api/')) expect(reply.body.error.code).toBe('FORBIDDEN_TOKEN');
      else expect(reply.text).toMatch(/open the address printed at start-up/);
    }
    const wrong = await send(server, '/api/templates', { headers: { 'X-Catalog-Token': 'f'.repeat(48) } });
    expect(wrong.status).toBe(401);
    const wrongCookie = await send(server, '/', {
      method: 'GET',
      headers: { Cookie: `catalog_token=${'0'.repeat(48)}` },
    });
    expect(wrongCookie.status).toBe(401);
  });

  it('sets an HttpOnly, SameSite cookie from the first URL, which then stands for the token', async () => {
    const first = await send(server, `/api/templates?token=${server.token}`, { body: {} });
    expect(first.status).toBe(200);
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    const next = await send(server, '/api/templates', { headers: { Cookie: cookie }, body: {} });
    expect(next.status).toBe(200);
    expect(next.body.value.map((t: { id: string }) => t.id)).toEqual(
      expect.arrayContaining(['product-grid', 'list-catalog', 'price-list']),
    );
  });

  it('takes the token out of the address bar: the first page answers 302 to itself with the cookie', async () => {
    const first = await send(server, `/?token=${server.token}`, { method: 'GET' });
    expect(first.status).toBe(302);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']).split(';')[0]!;
    const page = await send(server, '/', { method: 'GET', headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.text).toContain('<div id="root">');
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin, even with the token', async () => {
    for (const path of ['/api/templates', '/', '/api/events']) {
      const method = path === '/api/templates' ? 'POST' : 'GET';
      const host = await send(server, path, {
        method,
        headers: withToken(server, { Host: `evil.example:${server.port}` }),
        body: method === 'POST' ? {} : undefined,
      });
      expect([path, host.status]).toEqual([path, 403]);
      const origin = await send(server, path, {
        method,
        headers: withToken(server, { Origin: 'https://evil.example' }),
        body: method === 'POST' ? {} : undefined,
      });
      expect([path, origin.status]).toEqual([path, 403]);
    }
    const host = await api(server, 'templates', {}, { Host: `evil.example:${server.port}` });
    expect(host.body.error.code).toBe('FORBIDDEN_HOST');
    const nullOrigin = await api(server, 'templates', {}, { Origin: 'null' });
    expect([nullOrigin.status, nullOrigin.body.error.code]).toEqual([403, 'FORBIDDEN_ORIGIN']);
    const otherPort = await api(server, 'templates', {}, { Origin: `http://127.0.0.1:${server.port + 1}` });
    expect(otherPort.status).toBe(403);
    const same = await api(server, 'templates', {}, { Origin: `http://127.0.0.1:${server.port}` });
    expect(same.status).toBe(200);
  });
});

describe('browser mode: the contract over HTTP', () => {
  it('answers a malformed payload with 400 INVALID_REQUEST naming the field, and bad JSON in words', async () => {
    const file = await choose(server, SAMPLE);
    const malformed = await api(server, 'build', { file, out: server.outputs, lang: 'fr', formats: ['pfd'] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: 'INVALID_REQUEST', field: 'formats[0]' });
    const inProcess = await api(server, 'rows', { id: 'x', count: 0, lang: 'fr' });
    expect([inProcess.status, inProcess.body.error.field]).toEqual([400, 'count']);
    const json = await api(server, 'validate', '{not json');
    expect([json.status, json.body.error.code]).toEqual([400, 'INVALID_JSON']);
    const unknown = await api(server, 'format-disk', {});
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'UNKNOWN_CHANNEL']);
    const method = await send(server, '/api/validate', { method: 'GET', headers: withToken(server) });
    expect([method.status, method.body.error.code]).toEqual([405, 'METHOD_NOT_ALLOWED']);
    const jobId = await api(server, 'plan', { file, lang: 'fr' }, { 'X-Job-Id': 'no spaces/allowed' });
    expect([jobId.status, jobId.body.error.field]).toEqual([400, 'X-Job-Id']);
    // Answered in words, not with a reset connection: files travel by path, never inside the JSON.
    const large = await api(server, 'validate', 'x'.repeat(2 * 1024 * 1024));
    expect([large.status, large.body.error.code]).toEqual([413, 'REQUEST_TOO_LARGE']);
  });

  it('refuses with 403 PATH_NOT_CHOSEN, naming the field, a path the user did not choose', async () => {
    const passwd = await api(server, 'validate', { file: '/etc/passwd' });
    expect(passwd.status).toBe(403);
    expect(passwd.body.error).toMatchObject({ code: 'PATH_NOT_CHOSEN', field: 'file' });
    expect(passwd.body.error.message.en).toContain('/etc/passwd');
    // Out of a chosen folder by `..`: the resolved path is what counts.
    const escape = await api(server, 'open', { file: `${server.outputs}/../../etc/passwd` });
    expect([escape.status, escape.body.error.code]).toEqual([403, 'PATH_NOT_CHOSEN']);
    const file = await choose(server, SAMPLE);
    const out = await api(server, 'build', { file, out: '/tmp/not-chosen-out', lang: 'en' });
    expect([out.status, out.body.error.field]).toEqual([403, 'out']);
    const images = await api(server, 'plan', { file, images: '/usr/share', lang: 'en' });
    expect([images.status, images.body.error.field]).toEqual([403, 'images']);
    const mapping = await api(server, 'open', { file, mapping: resolve('package.json') });
    expect([mapping.status, mapping.body.error.field]).toEqual([403, 'mapping']);
  });

  it('runs a channel as the service does, with the security headers', async () => {
    const file = await choose(server, SAMPLE);
    const reply = await api(server, 'validate', { file });
    expect(reply.status).toBe(200);
    expect(reply.body.value).toMatchObject({ sheet: 'Tarif 2026', products: 20 });
    expect(reply.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['cache-control']).toBe('no-store');
    // Inside a chosen folder, a missing file is the service's own answer.
    await choose(server, 'samples', 'folder');
    const missing = await api(server, 'validate', { file: 'samples/nope.xlsx' });
    expect([missing.status, missing.body.error.code]).toEqual([422, 'FILE_NOT_FOUND']);
  });

  it('opens in this process, so rows reads the workbook open keeps by id', async () => {
    const file = await choose(server, SAMPLE);
    const opened = await api(server, 'open', { file });
    expect(opened.status).toBe(200);
    const rows = await api(server, 'rows', { id: opened.body.value.id, count: 5, lang: 'fr' });
    expect(rows.status).toBe(200);
    expect(rows.body.value.total).toBeGreaterThanOrEqual(20);
    expect(rows.body.value.rows).toHaveLength(5);
  });

  it('sends a preview’s PDF bytes as base64', async () => {
    const file = await choose(server, SAMPLE);
    const reply = await api(server, 'preview', { file, lang: 'fr', from: 1, to: 1 });
    expect(reply.status).toBe(200);
    expect(Buffer.from(reply.body.value.pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('tells the page it is in browser mode and where outputs go, a folder already allowed', async () => {
    const reply = await send(server, '/api/session', { method: 'GET', headers: withToken(server) });
    expect(reply.body).toEqual({ ok: true, value: { mode: 'browser', outputs: server.outputs } });
    const file = await choose(server, SAMPLE);
    const plan = await api(server, 'plan', { file, lang: 'fr', images: server.outputs });
    expect(plan.status).toBe(200);
  });

  it('streams events only to a page with the token', async () => {
    const stream = await listen(server);
    expect(stream.status).toBe(200);
    expect(stream.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(stream.headers['cache-control']).toBe('no-store');
    stream.close();
  });
});

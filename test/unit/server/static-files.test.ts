// @vitest-environment node
// The built renderer, served to this run's browser only: the page with its strict CSP, each asset
// with its type, and nothing outside the folder however the path is spelt.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../main/server/server.ts';
import { staticPath } from '../../../main/server/static-files.ts';
import { mimeType } from '../../../main/service/mime-types.ts';
import { tempDir } from '../../fixtures/workbooks.ts';
import { fakeRenderer, send, withToken } from './http.ts';

let server: RunningServer;
let secret: string;
beforeAll(async () => {
  const fake = fakeRenderer();
  secret = fake.secret;
  symlinkSync(fake.secret, join(fake.root, 'assets', 'link.txt'));
  server = await startServer({ staticRoot: fake.root });
});
afterAll(() => server.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  send(server, path, { method: 'GET', headers: withToken(server, headers) });

describe('browser mode: the renderer’s files', () => {
  it('serves the page with the strict CSP and the security headers', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(page.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "worker-src 'self' blob:",
      "connect-src 'self'",
      "object-src 'none'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "form-action 'none'",
    ])
      expect(csp).toContain(directive);
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('serves each asset with its MIME type, pdf.js’s .mjs worker as JavaScript', async () => {
    const types: Record<string, string> = {
      '/assets/app.js': 'text/javascript; charset=utf-8',
      '/assets/pdf.worker.min.mjs': 'text/javascript; charset=utf-8',
      '/assets/app.css': 'text/css; charset=utf-8',
      '/assets/logo.svg': 'image/svg+xml',
      '/index.html': 'text/html; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const reply = await get(path);
      expect([path, reply.status, reply.headers['content-type']]).toEqual([path, 200, type]);
    }
    expect((await get('/assets/app.js')).text).toContain('console.log');
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.png')).toBe('image/png');
    expect(mimeType('x.json')).toMatch(/^application\/json/);
    expect(mimeType('x.js.map')).toMatch(/^application\/json/);
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });

  it('refuses path traversal however it is spelt, and a symlink out of the folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      `/${encodeURIComponent(secret)}`,
      '/assets/link.txt',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const reply = await get(path);
      expect([path, reply.status]).toEqual([path, 404]);
      expect(reply.text).not.toContain('TOP-SECRET');
    }
  });

  it('names files inside the root only (the pure check)', () => {
    expect(staticPath('/srv/r', '/')).toBe('/srv/r/index.html');
    expect(staticPath('/srv/r', '/assets/a.js')).toBe('/srv/r/assets/a.js');
    expect(staticPath('/srv/r', '/..%2f..%2fetc/passwd')).toBeUndefined();
    expect(staticPath('/srv/r', '/%2e%2e/r2/x')).toBeUndefined();
    expect(staticPath('/srv/r', '/a%00b')).toBeUndefined();
    expect(staticPath('/srv/r', '/%zz')).toBeUndefined();
  });

  it('answers 404 for a missing asset, 204 for a missing favicon, and 405 for a POST to a page', async () => {
    expect((await get('/assets/missing.js')).status).toBe(404);
    // Asked for by every browser: no error in the console of every session.
    expect((await get('/favicon.ico')).status).toBe(204);
    const post = await send(server, '/', { method: 'POST', headers: withToken(server), body: {} });
    expect(post.status).toBe(405);
  });

  it('says how to build the UI when dist/renderer has no index.html', async () => {
    const bare = await startServer({ staticRoot: tempDir('catalog-empty-dist-') });
    try {
      const page = await send(bare, '/', { method: 'GET', headers: withToken(bare) });
      expect(page.status).toBe(503);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('npm run build:ui');
      expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    } finally {
      await bare.close();
    }
  });
});

// The app protocol serves the built renderer and nothing else: traversal in any spelling, another
// host and non-GET methods are refused; every response, refusals included, carries the CSP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { privilegedSchemes, resolveAppFile, serveApp } from '../../../main/app/protocol.ts';
import { mimeType } from '../../../main/service/mime-types.ts';
import { CSP } from '../../../main/app/security.ts';
import { tempDir } from '../../fixtures/workbooks.ts';

let base: string;
let root: string;

beforeAll(() => {
  // root/ is the renderer; a secret sits beside it, where traversal would land.
  base = tempDir('catalog-protocol-');
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Catalog</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'pdf.worker.mjs'), '');
  writeFileSync(join(base, 'secret.txt'), 'secret');
});

describe('privilegedSchemes', () => {
  it('registers app as a standard, secure scheme fetch() may use', () => {
    expect(privilegedSchemes()).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      }),
    ]);
  });
});

describe('resolveAppFile', () => {
  it('maps the root to index.html and a path to the file under the renderer', () => {
    expect(resolveAppFile(root, 'app://catalog/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://catalog/assets/app.js?v=1#x')).toBe(join(root, 'assets', 'app.js'));
  });

  it.each([
    'app://catalog/../../etc/passwd',
    'app://catalog/..%2f..%2fetc%2fpasswd',
    'app://catalog/%2e%2e/secret.txt',
    'app://catalog/assets/..%5c..%5csecret.txt',
    'app://catalog/assets%2f..%2f..%2fsecret.txt',
    'app://catalog/%00index.html',
    'app://catalog/%E0%A4%A',
    'app://other/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const file = resolveAppFile(root, url);
    // The URL parser folds a plain or %2e `..` away (`/etc/passwd` under the renderer, which does not
    // exist there); every other spelling is refused. Either way nothing outside the renderer.
    if (file !== undefined) expect(file.startsWith(join(root, '/'))).toBe(true);
    expect(file).not.toBe(join(base, 'secret.txt'));
    expect(file).not.toBe('/etc/passwd');
  });
});

describe('serveApp', () => {
  const serve = () => serveApp(root);

  it('serves index.html at app://catalog/ with the CSP and its type', async () => {
    const response = await serve()({ url: 'app://catalog/', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Catalog</title>');
  });

  it('serves scripts and module workers as JavaScript', async () => {
    const response = await serve()({ url: 'app://catalog/assets/app.js' });
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('pdf.worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeType('x.woff2')).toBe('font/woff2');
    expect(mimeType('x.unknown')).toBe('application/octet-stream');
  });

  it.each([
    'app://catalog/../../etc/passwd',
    'app://catalog/..%2fsecret.txt',
    'app://catalog/%2e%2e/secret.txt',
  ])('never serves a file outside the renderer (%s)', async (url) => {
    const response = await serve()({ url });
    expect([403, 404]).toContain(response.status);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).not.toContain('secret');
  });

  it('answers 404 for a missing file and 405 for a POST', async () => {
    expect((await serve()({ url: 'app://catalog/missing.js' })).status).toBe(404);
    expect((await serve()({ url: 'app://catalog/', method: 'POST' })).status).toBe(405);
  });
});

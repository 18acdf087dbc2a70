// @vitest-environment node
// `npm run web`: its options, when the renderer is rebuilt, when a browser is opened (never in CI or
// without a display), and the start itself — one line with the tokened address.
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  browserCommand,
  needsBuild,
  newestSourceTime,
  parseWebArgs,
  startWeb,
  terminalLang,
} from '../../../main/server/web.ts';
import { tempDir } from '../../fixtures/workbooks.ts';
import { fakeRenderer, send, withToken } from './http.ts';

describe('npm run web: options', () => {
  it('reads --port N, --port=N and --no-open, and refuses the rest in the user’s language', () => {
    expect(parseWebArgs([])).toEqual({ open: true });
    expect(parseWebArgs(['--port', '8123', '--no-open'])).toEqual({ port: 8123, open: false });
    expect(parseWebArgs(['--port=0'])).toEqual({ port: 0, open: true });
    expect(() => parseWebArgs(['--port'])).toThrow(/--port takes a port number/);
    expect(() => parseWebArgs(['--port', '70000'])).toThrow(/70000/);
    expect(() => parseWebArgs(['--prot', '1'], 'fr')).toThrow(/Option inconnue « --prot »/);
    expect(terminalLang({ LANG: 'fr_FR.UTF-8' })).toBe('fr');
    expect(terminalLang({ LANG: 'de_DE.UTF-8' })).toBe('en');
    expect(terminalLang({ LC_ALL: 'fr_BE.UTF-8', LANG: 'en_US' })).toBe('fr');
  });
});

describe('npm run web: rebuilding the renderer', () => {
  it('builds when index.html is missing or older than a renderer source', async () => {
    const project = tempDir('catalog-web-');
    mkdirSync(join(project, 'renderer', 'steps'), { recursive: true });
    const source = join(project, 'renderer', 'steps', 'open.tsx');
    writeFileSync(source, 'export {};');
    utimesSync(source, 1000, 1000);
    writeFileSync(join(project, 'vite.config.ts'), 'export default {};');
    utimesSync(join(project, 'vite.config.ts'), 500, 500);
    expect(await newestSourceTime(project)).toBe(1000 * 1000);
    expect(needsBuild(undefined, 0)).toBe(true);
    expect(needsBuild(999_000, 1_000_000)).toBe(true);
    expect(needsBuild(1_000_000, 1_000_000)).toBe(false);
    expect(await newestSourceTime(tempDir('catalog-web-empty-'))).toBe(0);
  });
});

describe('npm run web: opening a browser', () => {
  const has = () => true;
  it('opens with xdg-open on a Linux desktop, open on macOS, start on Windows', () => {
    const linux = browserCommand('linux', { DISPLAY: ':0' }, has);
    expect([linux?.command, linux?.args('http://x')]).toEqual(['xdg-open', ['http://x']]);
    expect(browserCommand('darwin', {}, has)?.command).toBe('open');
    expect(browserCommand('win32', {}, has)?.args('http://x')).toEqual(['/c', 'start', '', 'http://x']);
  });

  it('opens nothing in CI, without a display, or when xdg-open is missing', () => {
    expect(browserCommand('linux', { DISPLAY: ':0', CI: 'true' }, has)).toBeUndefined();
    expect(browserCommand('darwin', { CI: '1' }, has)).toBeUndefined();
    expect(browserCommand('linux', {}, has)).toBeUndefined();
    expect(browserCommand('linux', { WAYLAND_DISPLAY: 'wayland-0' }, () => false)).toBeUndefined();
    expect(browserCommand('linux', { DISPLAY: ':0', CI: 'false' }, has)?.command).toBe('xdg-open');
  });
});

describe('npm run web: start', () => {
  it('builds a stale renderer, prints one line with the tokened URL, opens it, and serves the page', async () => {
    const project = tempDir('catalog-web-project-');
    mkdirSync(join(project, 'renderer'));
    writeFileSync(join(project, 'renderer', 'main.tsx'), 'export {};');
    const { root } = fakeRenderer();
    utimesSync(join(root, 'index.html'), 1, 1);
    const lines: string[] = [];
    const built: string[] = [];
    const opened: string[] = [];
    const server = await startWeb({
      open: true,
      projectRoot: project,
      staticRoot: root,
      env: { LANG: 'en_GB.UTF-8' },
      build: async (dir) => {
        built.push(dir);
        return true;
      },
      openUrl: (url) => opened.push(url),
      log: (line) => lines.push(line),
    });
    try {
      expect(built).toEqual([project]);
      expect(lines.at(-1)).toBe(`Catalog Publisher, browser mode: ${server.url} (Ctrl+C to stop)`);
      expect(opened).toEqual([server.url]);
      const page = await send(server, '/', { method: 'GET', headers: withToken(server) });
      expect(page.status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('neither builds a fresh renderer nor opens with --no-open', async () => {
    const project = tempDir('catalog-web-project-');
    const { root } = fakeRenderer();
    let builds = 0;
    const opened: string[] = [];
    const lines: string[] = [];
    const server = await startWeb({
      open: false,
      projectRoot: project,
      staticRoot: root,
      env: { LANG: 'fr_FR.UTF-8' },
      build: async () => {
        builds++;
        return true;
      },
      openUrl: (url) => opened.push(url),
      log: (line) => lines.push(line),
    });
    expect(existsSync(server.outputs)).toBe(true);
    await server.close();
    expect([builds, opened]).toEqual([0, []]);
    // Nothing was built there: the run's output folder goes with it.
    expect(existsSync(server.outputs)).toBe(false);
    expect(lines).toEqual([`Catalog Publisher, mode navigateur : ${server.url} (Ctrl+C pour arrêter)`]);
  });
});

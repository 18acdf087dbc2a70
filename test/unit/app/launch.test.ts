// How the app starts: `npm start` without the Electron runtime says why in one line and runs browser
// mode; and the files the system asks the app to open.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { launchFile, launchFileFromArgv } from '../../../main/app/launch-files.ts';

/** Whether this machine has the Electron runtime (it does not where npm skipped its download). */
function electronRuntime(): boolean {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path);
  } catch {
    return false;
  }
}

const start = (env: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/start.mjs', '--dry-run'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('npm start', () => {
  it.skipIf(electronRuntime())(
    'without the Electron runtime, says so in one line and runs browser mode',
    () => {
      const run = start({ LANG: 'en_GB.UTF-8', LC_ALL: '' });
      expect(run.status).toBe(0);
      const [line, plan, ...rest] = run.stdout.trim().split('\n');
      expect(line).toMatch(
        /^Electron runtime missing \(.*ELECTRON_SKIP_BINARY_DOWNLOAD.*\): starting browser mode instead\.$/,
      );
      expect(plan).toMatch(/would run: .*node --import tsx .*main\/server\/web\.ts$/);
      expect(rest).toEqual([]);
    },
  );

  it.skipIf(electronRuntime())('says it in French to a French user', () => {
    const run = start({ LANG: 'fr_FR.UTF-8', LC_ALL: '' });
    expect(run.stdout.split('\n')[0]).toMatch(/^Environnement Electron absent .*mode navigateur\.$/);
  });

  it('package.json runs it, and points Electron at the bundle', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.start).toBe('node scripts/start.mjs');
    expect(pkg.scripts.web).toMatch(/main\/server\/web\.ts/);
    expect(pkg.scripts.dist).toMatch(/build:app.*electron-builder/);
    expect(pkg.main).toBe('dist/app/main.mjs');
  });
});

describe('launch files', () => {
  it('takes workbooks and projects, and ignores switches and other files', () => {
    expect(launchFile('/w/tarif.XLSX')).toEqual({ kind: 'workbook', path: '/w/tarif.XLSX' });
    expect(launchFile('/w/spring.catalog.json')).toEqual({ kind: 'project', path: '/w/spring.catalog.json' });
    expect(launchFile('/w/settings.json')).toBeUndefined();
    expect(launchFile('--inspect=9229.csv')).toBeUndefined();
  });

  it('finds the last one on a command line', () => {
    expect(launchFileFromArgv(['/opt/app/catalog', '--no-sandbox', 'a.csv', 'b.catalog.json'])).toEqual({
      kind: 'project',
      path: 'b.catalog.json',
    });
    expect(launchFileFromArgv(['/opt/app/catalog', '.'])).toBeUndefined();
  });
});

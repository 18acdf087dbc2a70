// The precompiled `catalog` (scripts/build-cli.mjs → dist/cli/): it must do what the sources do —
// find the templates and fonts where the sources keep them, start its workers from beside itself —
// without a TypeScript loader; and bin/catalog.mjs must never run a bundle older than the sources.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../fixtures/workbooks.ts';

const run = promisify(execFile);
// Plain JavaScript scripts, imported by path (a variable: TypeScript has no types for them).
const BUILD_SCRIPT = '../../../scripts/build-cli.mjs';
const SOURCES_SCRIPT = '../../../scripts/sources.mjs';
// Inside the project, like dist/cli/: the bundle finds the packages in its node_modules.
mkdirSync(join(process.cwd(), '.tmp'), { recursive: true });
const out = mkdtempSync(join(process.cwd(), '.tmp', 'cli-bundle-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

beforeAll(async () => {
  const { buildCli } = (await import(BUILD_SCRIPT)) as {
    buildCli: (dir: string) => Promise<void>;
  };
  await buildCli(out);
}, 60_000);

describe('the precompiled catalog command', () => {
  it('holds no TypeScript loader, and runs the workers bundled beside it', async () => {
    for (const name of ['catalog.mjs', 'job-worker.mjs', 'parse-worker.mjs', 'grid-worker.mjs'])
      expect(await readFile(join(out, name), 'utf8')).not.toContain('tsx/esm/api');
    const templates = await run(process.execPath, [join(out, 'catalog.mjs'), 'templates', '--lang', 'en']);
    expect(templates.stdout).toContain('price-list');
    // The whole-file parse runs in the bundled parse worker; the batch in two bundled grid workers.
    const dir = tempDir('catalog-cli-bundle-out-');
    const grid = await run(process.execPath, [
      join(out, 'catalog.mjs'),
      'grid',
      'samples/imprimerie-revendeurs-2027.xlsx',
      '--out',
      dir,
      '--only',
      'Copie Conforme,Bright Print Ltd',
      '--format',
      'print',
      '--workers',
      '2',
      '--lang',
      'en',
    ]);
    expect(grid.stdout).toContain('Summary:');
    expect((await readdir(dir)).sort()).toEqual([
      'bright-print-ltd',
      'copie-conforme',
      'imprimerie-revendeurs-2027-summary.csv',
    ]);
  }, 60_000);

  it('is used by bin/catalog.mjs only while no source is newer', async () => {
    const { bundleIsFresh, newestSource } = (await import(SOURCES_SCRIPT)) as {
      bundleIsFresh: (dir: string) => Promise<boolean>;
      newestSource: () => Promise<number>;
    };
    const stamp = join(out, 'built-from.json');
    // Built from today's sources (written again here: a source edited while the tests run would
    // otherwise make the real stamp stale, which is the point of it).
    await writeFile(stamp, JSON.stringify({ newestSourceMs: await newestSource() }));
    expect(await bundleIsFresh(out)).toBe(true);
    // As if a source had changed after the build.
    await writeFile(stamp, JSON.stringify({ newestSourceMs: (await newestSource()) - 1 }));
    expect(await bundleIsFresh(out)).toBe(false);
    expect(await bundleIsFresh(join(out, 'nowhere'))).toBe(false);
  });
});

// Precompiles the `catalog` command into dist/cli/ so it starts without compiling TypeScript at run
// time (tsx took most of its ~1.5 s start-up): catalog.mjs (main/cli/bin.ts and the service) and the
// worker entries beside it, where the service looks for them — the same bundling as the desktop app
// (build-app.mjs: packages external, templates and fonts found where the sources are). bin/catalog.mjs
// runs the bundle when it is newer than every source, else the sources through tsx.
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { esmOptions } from './build-app.mjs';
import { ROOT, newestSource } from './sources.mjs';

export const CLI_OUT = join(ROOT, 'dist', 'cli');

export async function buildCli(outDir = CLI_OUT) {
  const newest = await newestSource();
  await build({
    ...esmOptions(outDir),
    entryPoints: {
      catalog: 'main/cli/bin.ts',
      'job-worker': 'main/service/job-worker.ts',
      'parse-worker': 'main/engine/import/parse-worker.ts',
      'grid-worker': 'main/service/price-grids/grid-worker.ts',
    },
  });
  // What the bundle was built from: bin/catalog.mjs compares it with the sources' newest change.
  await writeFile(join(outDir, 'built-from.json'), JSON.stringify({ newestSourceMs: newest }) + '\n');
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();

// Builds the desktop app's code for Electron into dist/app/ (the renderer is `vite build`'s, in
// dist/renderer/):
//   main.mjs        main/app/main.ts and the service it calls, one ESM file (platform node);
//   job-worker.mjs  main/service/job-worker.ts: the worker thread runJob starts (validate/plan/…);
//   parse-worker.mjs main/engine/import/parse-worker.ts: the whole-file parse worker of the import;
//   grid-worker.mjs  main/service/price-grids/grid-worker.ts: a thread of the price-grid batch;
//   preload.cjs     main/app/preload.ts, CommonJS: a sandboxed preload may only require('electron').
// Every package dependency stays external (node_modules ships with the app; sharp is native).
//
// The packaged app runs no TypeScript at all, so it needs neither tsx nor main/**: the workers are
// bundled beside main.mjs, where run-job.ts and parse-in-worker.ts look for them
// (`new URL('./job-worker.mjs', import.meta.url)` is left as is). Every other `import.meta.url`
// outside main/app (the templates folder, the bundled fonts) is rewritten to the URL its source file
// had, relative to the bundle, so `../../../templates/` still lands on the package's templates/.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'app');
const APP = join(ROOT, 'main', 'app');

/** `import.meta.url` of a source file, as seen from a bundle in OUT; worker entries untouched. */
export function rewriteImportMetaUrl(source, file, outDir = OUT) {
  const fromBundle = relative(outDir, file).split('\\').join('/');
  return source.replace(
    /(?<!['"]\.\/[\w-]+-worker\.mjs['"],\s*)import\.meta\.url/g,
    `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`,
  );
}

export const sourceUrls = (outDir = OUT) => ({
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const own = path.startsWith(APP + '/') || path.startsWith(APP + '\\');
      return { contents: own ? source : rewriteImportMetaUrl(source, path, outDir), loader: 'ts' };
    });
  },
});

/** Lets bundled CommonJS code (none today) find require() in an ES module. */
export const REQUIRE_BANNER =
  "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

/** Options of the ESM bundles (main and workers) written to `outDir`; also used by the tests. */
export const esmOptions = (outDir = OUT) => ({
  ...common,
  outdir: outDir,
  outExtension: { '.js': '.mjs' },
  format: 'esm',
  packages: 'external',
  external: ['electron'],
  plugins: [sourceUrls(outDir)],
  banner: { js: REQUIRE_BANNER },
});

export async function buildApp(outDir = OUT) {
  await build({
    ...esmOptions(outDir),
    entryPoints: {
      main: 'main/app/main.ts',
      'job-worker': 'main/service/job-worker.ts',
      'parse-worker': 'main/engine/import/parse-worker.ts',
      'grid-worker': 'main/service/price-grids/grid-worker.ts',
    },
  });
  await build({
    ...common,
    entryPoints: ['main/app/preload.ts'],
    outfile: join(outDir, 'preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
  return outDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildApp();
  console.log(`desktop app built in ${relative(ROOT, out)}/`);
}

// scripts/build-app.mjs: the desktop app's code bundled for Electron. The preload is one CommonJS file
// needing only 'electron' (a sandboxed preload can load nothing else); main and the job workers need
// no TypeScript loader; and a service job started from a bundle runs in the bundled worker, finding
// the templates and fonts where the package keeps them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../main/api/channel-names.ts';

const ROOT = resolve('.');
const SAMPLE = resolve('samples/quincaillerie-tarif-2026.xlsx');
// Inside the package, so the bundles' bare imports (exceljs, sharp…) resolve from its node_modules.
const OUT = join(ROOT, '.tmp', `app-build-${process.pid}`);

type BuildScript = {
  buildApp(outDir: string): Promise<string>;
  esmOptions(outDir: string): Record<string, unknown>;
  rewriteImportMetaUrl(source: string, file: string, outDir: string): string;
};
const SCRIPT = '../../../scripts/build-app.mjs';
const script = (): Promise<BuildScript> => import(SCRIPT) as Promise<BuildScript>;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  await (await script()).buildApp(OUT);
}, 60_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const read = (name: string) => readFileSync(join(OUT, name), 'utf8');
const requires = (code: string) => [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]).sort();

describe('build-app', () => {
  it('bundles the preload into CommonJS that requires electron and nothing else', () => {
    const preload = read('preload.cjs');
    expect([...new Set(requires(preload))]).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
    for (const name of CHANNEL_NAMES) expect(preload).toContain(`"${name}"`);
    // zod (the contract's schemas) stays on the main side.
    expect(preload).not.toContain('ZodError');
  });

  it('bundles main and the workers without a TypeScript loader, electron left external', () => {
    const main = read('main.mjs');
    expect(main).toMatch(/from "electron"/);
    for (const name of ['main.mjs', 'job-worker.mjs', 'parse-worker.mjs', 'grid-worker.mjs'])
      expect(read(name)).not.toContain('tsx/esm/api');
    // The worker entries are looked for beside the bundle; the templates where the sources were.
    expect(main).toContain('new URL("./job-worker.mjs", import.meta.url)');
    expect(main).toContain('new URL("./parse-worker.mjs", import.meta.url)');
    // The price-grid batch starts its threads from the job worker, beside it.
    expect(read('job-worker.mjs')).toContain('new URL("./grid-worker.mjs", import.meta.url)');
    expect(main).toMatch(
      /new URL\("\.\.\/\.\.\/\.\.\/templates\/", new URL\("[./]*main\/engine\/templates\/load-template\.ts", import\.meta\.url\)\.href\)/,
    );
  });

  it('rewrites import.meta.url to the source file’s place, except a worker entry’s', async () => {
    const { rewriteImportMetaUrl } = await script();
    const source =
      "const a = new URL('../x/', import.meta.url);\nconst w = new URL('./job-worker.mjs', import.meta.url);";
    expect(rewriteImportMetaUrl(source, join(ROOT, 'main/service/a.ts'), join(ROOT, 'dist/app'))).toBe(
      "const a = new URL('../x/', new URL(\"../../main/service/a.ts\", import.meta.url).href);\nconst w = new URL('./job-worker.mjs', import.meta.url);",
    );
  });

  it('runs a service job from a bundle, in the bundled worker', async () => {
    const { esmOptions } = await script();
    const { build } = await import('esbuild');
    writeFileSync(
      join(OUT, 'check-entry.ts'),
      `import { runJob } from ${JSON.stringify(join(ROOT, 'main/service/index.ts'))};
       const v = await runJob('validate', { file: process.argv[2] });
       const p = await runJob('preview', { file: process.argv[2], lang: 'en' });
       console.log(JSON.stringify({ products: v.products, pages: p.pages, pdf: p.pdf.length }));
       process.exit(0);`,
    );
    await build({ ...esmOptions(OUT), entryPoints: { check: join(OUT, 'check-entry.ts') } } as never);
    const run = spawnSync(process.execPath, [join(OUT, 'check.mjs'), SAMPLE], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout) as { products: number; pages: number; pdf: number };
    expect(result.products).toBeGreaterThan(0);
    expect(result.pages).toBeGreaterThan(0);
    expect(result.pdf).toBeGreaterThan(1000);
  }, 60_000);
});

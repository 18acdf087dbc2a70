#!/usr/bin/env node
// The `catalog` command. Runs the precompiled bundle (dist/cli/, `npm run build:cli`, made by
// `npm install`) when it is newer than every source: no TypeScript is compiled at run time, so the
// command starts in a fraction of a second. A stale or missing bundle (sources changed since) falls
// back to the sources through tsx, so `npx catalog` never runs old code.
import { fileURLToPath } from 'node:url';
import { bundleIsFresh } from '../scripts/sources.mjs';

const dir = fileURLToPath(new URL('../dist/cli/', import.meta.url));

if (process.env.CATALOG_FROM_SOURCES !== '1' && (await bundleIsFresh(dir)))
  await import(new URL('../dist/cli/catalog.mjs', import.meta.url).href);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/bin.ts');
}

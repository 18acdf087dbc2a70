// The newest change among the sources a precompiled bundle is made of (main/**, package.json): a
// bundle older than that is stale. A few hundred stats: milliseconds.
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function newestIn(dir) {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, await newestIn(path));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, (await stat(path)).mtimeMs);
  }
  return newest;
}

export async function newestSource(root = ROOT) {
  const [main, pkg] = await Promise.all([newestIn(join(root, 'main')), stat(join(root, 'package.json'))]);
  return Math.max(main, pkg.mtimeMs);
}

/** Whether the bundle in `dir` (its built-from.json) was built from sources no older than today's. */
export async function bundleIsFresh(dir, root = ROOT) {
  try {
    const built = JSON.parse(await readFile(join(dir, 'built-from.json'), 'utf8'));
    return typeof built.newestSourceMs === 'number' && built.newestSourceMs >= (await newestSource(root));
  } catch {
    return false;
  }
}

// `npm run bench:pictures`: a print build where every product has its own 1200×900 photo (1,000 by
// default) — the cost the render benchmark, whose products share 8 pictures, never shows: each photo
// decoded, resized to 300 ppi of its placed size and converted to CMYK. A first build with an empty
// picture cache, then a rebuild with it, each in a child process of its own; time and peak RSS.
//
// Options: --products N (default 1000), --repeat N (runs per contender; medians).
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { BENCH_DIR } from './make-large-workbook.ts';
import type { PicturesReport } from './pictures-one.ts';
import { countOption, median, ROOT, runChild, type Timed } from './run-child.ts';
import { seededRandom } from './seeded-random.ts';
import { fixed, renderTable } from './table.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ONE = path.join(HERE, 'pictures-one.ts');
const DIR = path.join(BENCH_DIR, 'pictures');
const argv = process.argv.slice(2);
const products = countOption(argv, '--products', 1000);
const repeat = countOption(argv, '--repeat', 1);

/** Distinct photos, made once and kept: seeded colours with a grain, so JPEG has real work to do. */
async function makePhotos(dir: string, count: number): Promise<void> {
  await mkdir(dir, { recursive: true });
  const have = new Set(await readdir(dir));
  const random = seededRandom(count);
  for (let i = 0; i < count; i++) {
    const name = `photo-${String(i).padStart(5, '0')}.jpg`;
    const [r, g, b] = [random(), random(), random()].map((v) => Math.round(60 + v * 160));
    if (have.has(name)) continue;
    await sharp({
      create: {
        width: 1200,
        height: 900,
        channels: 3,
        background: { r: r!, g: g!, b: b! },
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .composite([
        {
          input: Buffer.from(
            `<svg width="1200" height="900"><circle cx="600" cy="450" r="${200 + (i % 200)}" fill="rgb(${b},${r},${g})"/></svg>`,
          ),
        },
      ])
      .jpeg({ quality: 85 })
      .toFile(path.join(dir, name));
  }
}

const photos = path.join(DIR, `photos-${products}`);
await makePhotos(photos, products);
const cache = path.join(DIR, 'cache');
type Ok = Timed<Extract<PicturesReport, { ok: true }>>;
const runs: { contender: string; run: Timed<PicturesReport> }[] = [];
for (let r = 0; r < repeat; r++) {
  await rm(cache, { recursive: true, force: true });
  for (const contender of ['first build', 'rebuild (cache)']) {
    process.env.CATALOG_CACHE_DIR = cache;
    const run = runChild<PicturesReport>(ONE, [String(products), photos, path.join(DIR, 'out')], (error) => ({
      ok: false,
      error,
    }));
    runs.push({ contender, run });
    if (!run.ok) console.error(`${contender}: ${run.error}`);
  }
}
const rows = ['first build', 'rebuild (cache)'].map((contender) => {
  const ok = runs.filter((r) => r.contender === contender && r.run.ok).map((r) => r.run as Ok);
  return [
    contender,
    fixed(median(ok.map((r) => r.timeMs / 1000)), 1),
    fixed(median(ok.map((r) => r.peakRssKiB / 1024)), 0),
    String(ok[0]?.pages ?? '—'),
  ];
});
console.log(
  `${products} products, one distinct 1200×900 photo each, print PDF; ${availableParallelism()} cores`,
);
console.log(renderTable(['contender', 'time s', 'peak RSS MiB', 'pages'], rows, 1));
const results = path.join(BENCH_DIR, 'pictures-results.json');
await writeFile(results, `${JSON.stringify({ date: new Date().toISOString(), products, runs }, null, 2)}\n`);
console.log(`Results: ${path.relative(ROOT, results)}${existsSync(cache) ? '' : ' (no cache written)'}`);

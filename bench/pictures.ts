// `npm run bench:pictures`: a print build where every product has its own 1200×900 photo (1,000 by
// default) — the cost the render benchmark, whose products share 8 pictures, never shows: each photo
// decoded, resized to 300 ppi of its placed size and converted to CMYK. A first build with an empty
// picture cache, then a rebuild with it, each in a child process of its own; time and peak RSS against
// issue 10's targets, and bench/results.json's "pictures" section.
//
// Two sets of photos, each measured on its own: `grainy` (noise on every pixel, about 450 KB each: the
// worst case for JPEG, whose cost is mostly entropy coding) and `studio` (a product on a plain light
// backdrop with a soft shading and a light grain, as supplier photos mostly are). Neither is a real
// photo; both are reported, the grainy one first.
//
// Options: --products N (default 1000), --repeat N (runs per contender; medians), --photos grainy|studio
// (one set only; both by default).
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import os, { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { BENCH_DIR } from './make-large-workbook.ts';
import { recordResults } from './results-file.ts';
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

type PhotoKind = 'grainy' | 'studio';
const KINDS: PhotoKind[] = ['grainy', 'studio'];
const photosOption = argv[argv.indexOf('--photos') + 1];
const kinds = argv.includes('--photos') ? KINDS.filter((k) => k === photosOption) : KINDS;
if (kinds.length === 0) throw new Error(`--photos needs grainy or studio, got ${photosOption}`);

const PHOTO_WORDS: Record<PhotoKind, string> = {
  grainy: 'seeded colours with gaussian noise (sigma 30) on every pixel, about 450 KB',
  studio: 'a product on a plain light backdrop, soft shading, light grain (sigma 3)',
};

/** Distinct photos, made once and kept. */
async function makePhotos(dir: string, count: number, kind: PhotoKind): Promise<void> {
  await mkdir(dir, { recursive: true });
  const have = new Set(await readdir(dir));
  const random = seededRandom(count);
  for (let i = 0; i < count; i++) {
    const name = `photo-${String(i).padStart(5, '0')}.jpg`;
    const [r, g, b] = [random(), random(), random()].map((v) => Math.round(60 + v * 160));
    if (have.has(name)) continue;
    const background = kind === 'grainy' ? { r: r!, g: g!, b: b! } : { r: 244, g: 243, b: 241 };
    const sigma = kind === 'grainy' ? 30 : 3;
    const shape =
      kind === 'grainy'
        ? `<circle cx="600" cy="450" r="${200 + (i % 200)}" fill="rgb(${b},${r},${g})"/>`
        : `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="rgb(${r},${g},${b})"/>` +
          `<stop offset="1" stop-color="rgb(${Math.round(r! / 2)},${Math.round(g! / 2)},${Math.round(b! / 2)})"/></linearGradient></defs>` +
          `<ellipse cx="600" cy="760" rx="330" ry="40" fill="rgb(215,214,212)"/>` +
          `<rect x="${330 + (i % 90)}" y="190" width="${480 - (i % 120)}" height="520" rx="60" fill="url(#g)"/>` +
          `<circle cx="600" cy="330" r="${60 + (i % 50)}" fill="rgb(250,250,250)" opacity="0.35"/>`;
    await sharp({
      create: {
        width: 1200,
        height: 900,
        channels: 3,
        background,
        noise: { type: 'gaussian', mean: 128, sigma },
      },
    })
      .composite([{ input: Buffer.from(`<svg width="1200" height="900">${shape}</svg>`) }])
      .jpeg({ quality: 85 })
      .toFile(path.join(dir, name));
  }
}

const cache = path.join(DIR, 'cache');
/** Issue 10's targets for 1,000 products (seconds): quoted beside the figures, never asserted. */
const TARGET_S: Record<string, number> = { 'first build': 15, 'rebuild (cache)': 5 };
const CONTENDERS = ['first build', 'rebuild (cache)'];
const cores = availableParallelism();
type Ok = Timed<Extract<PicturesReport, { ok: true }>>;

/** A first build with an empty cache and a rebuild with it, `repeat` times, on one set of photos. */
async function measure(kind: PhotoKind) {
  const photos = path.join(DIR, `photos-${kind}-${products}`);
  await makePhotos(photos, products, kind);
  const loadBefore = os.loadavg();
  const runs: { contender: string; run: Timed<PicturesReport> }[] = [];
  for (let r = 0; r < repeat; r++) {
    await rm(cache, { recursive: true, force: true });
    for (const contender of CONTENDERS) {
      process.env.CATALOG_CACHE_DIR = cache;
      const run = runChild<PicturesReport>(
        ONE,
        [String(products), photos, path.join(DIR, 'out')],
        (error) => ({
          ok: false,
          error,
        }),
      );
      runs.push({ contender, run });
      if (!run.ok) console.error(`${contender}: ${run.error}`);
    }
  }
  const summary = CONTENDERS.map((contender) => {
    const ok = runs.filter((r) => r.contender === contender && r.run.ok).map((r) => r.run as Ok);
    const cpuS = median(ok.map((r) => r.cpuMs / 1000));
    return {
      contender,
      timeS: median(ok.map((r) => r.timeMs / 1000)),
      peakRssMiB: median(ok.map((r) => r.peakRssKiB / 1024)),
      cpuS,
      mainThreadBusyS: median(ok.map((r) => r.mainBusyMs / 1000)),
      pages: ok[0]?.pages,
      runs: ok.length,
      targetS: products === 1000 ? TARGET_S[contender] : undefined,
      // A floor for the build alone on this machine: its CPU time spread evenly over the cores. Under
      // load the wall time is mostly the neighbours'; the thread's busy time is no help then (it counts
      // the time the thread waited for a core), so it is recorded but left out.
      aloneEstimateS: cpuS === undefined ? undefined : cpuS / cores,
    };
  });
  return {
    kind,
    photo: `1200×900 JPEG, one distinct per product: ${PHOTO_WORDS[kind]}`,
    loadBefore,
    load: os.loadavg(),
    summary,
    runs,
  };
}

const sets = [];
for (const kind of kinds) {
  const set = await measure(kind);
  sets.push(set);
  const rows = set.summary.map((s) => [
    s.contender,
    fixed(s.timeS, 1),
    fixed(s.cpuS, 1),
    fixed(s.aloneEstimateS, 1),
    s.targetS === undefined ? '—' : `< ${s.targetS}`,
    fixed(s.peakRssMiB, 0),
    String(s.pages ?? '—'),
  ]);
  console.log(`\n${products} products, print PDF, ${cores} cores; photos "${kind}": ${set.photo}`);
  console.log(
    renderTable(
      ['contender', 'time s', 'CPU s', 'CPU/cores s', 'target s', 'peak RSS MiB', 'pages'],
      rows,
      1,
    ),
  );
  // The machine may be shared: figures taken under load say so.
  const avg = (l: number[]) => l.map((v) => v.toFixed(1)).join(' ');
  console.log(`Load average before ${avg(set.loadBefore)}, after ${avg(set.load)}`);
}
const results = path.join(BENCH_DIR, 'pictures-results.json');
await writeFile(
  results,
  `${JSON.stringify({ date: new Date().toISOString(), products, sets: sets.map(({ kind, runs }) => ({ kind, runs })) }, null, 2)}\n`,
);
console.log(`Results: ${path.relative(ROOT, results)}${existsSync(cache) ? '' : ' (no cache written)'}`);
await recordResults('pictures', {
  products,
  repeat,
  sets: sets.map(({ kind, photo, loadBefore, load, summary }) => ({
    kind,
    photo,
    loadAverage: { before: loadBefore, after: load },
    contenders: summary,
  })),
});

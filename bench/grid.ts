// `npm run bench:grid`: a print reseller's monthly batch — 40 resellers × a 12-family grid (6 tiers ×
// 4 variants), each a print PDF, a screen PDF (encrypted for those with a password) and tagged text —
// timed with one thread against one per core, in the same run. Time and peak RSS per contender, and
// the speed-up as a ratio. A benchmark, not a test: nothing here passes or fails.
//
// Options: --resellers N (default 40), --families N (default 12), --repeat N (runs per contender;
// each figure is then the median), --workers A,B (default 1 and the number of cores).
import { availableParallelism, cpus, totalmem } from 'node:os';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GridRunReport } from './grid-one.ts';
import { makeGridWorkbook } from './make-grid-workbook.ts';
import { BENCH_DIR } from './make-large-workbook.ts';
import { countOption, median, ROOT, runChild, type Timed } from './run-child.ts';
import { fixed, renderTable, times } from './table.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const GRID_ONE = path.join(HERE, 'grid-one.ts');
const DIR = path.join(BENCH_DIR, 'grid');
const RESULTS = path.join(BENCH_DIR, 'grid-results.json');

const argv = process.argv.slice(2);
const resellers = countOption(argv, '--resellers', 40);
const families = countOption(argv, '--families', 12);
const repeat = countOption(argv, '--repeat', 1);
const at = argv.indexOf('--workers');
const cores = availableParallelism();
const workerCounts = at >= 0 ? argv[at + 1]!.split(',').map(Number) : [...new Set([1, cores])];

await mkdir(DIR, { recursive: true });
const workbook = await makeGridWorkbook(path.join(DIR, `grilles-${resellers}x${families}.xlsx`), {
  resellers,
  families,
  logosDir: path.join(DIR, 'logos'),
});
console.log(
  `${workbook.families.length} families × ${workbook.tiers.length} tiers × ${workbook.variants} variants, ` +
    `${workbook.resellers.length} resellers (${workbook.withPassword} with a password); ${cores} cores`,
);

type Ok = Timed<Extract<GridRunReport, { ok: true }>>;
const runs: Timed<GridRunReport>[] = [];
for (let r = 0; r < repeat; r++)
  for (const workers of workerCounts) {
    const out = path.join(DIR, `out-${workers}`);
    await rm(out, { recursive: true, force: true });
    const run = runChild<GridRunReport>(GRID_ONE, [workbook.path, out, String(workers)], (error) => ({
      ok: false,
      workers,
      error,
    }));
    runs.push(run);
    if (!run.ok) console.error(`workers ${workers}: ${run.error}`);
  }

const summaries = workerCounts.map((workers) => {
  const ok = runs.filter((r): r is Ok => r.ok && r.workers === workers);
  return {
    workers,
    runs: ok.length,
    timeMs: median(ok.map((r) => r.timeMs)),
    peakRssMiB: median(ok.map((r) => r.peakRssKiB / 1024)),
    files: ok[0]?.files,
    pages: ok[0]?.pages,
    encrypted: ok[0]?.encrypted,
    outputMiB: ok[0]?.outputMiB,
  };
});
const single = summaries.find((s) => s.workers === 1);
const rows = summaries.map((s) => {
  const speedUp = single?.timeMs && s.timeMs ? single.timeMs / s.timeMs : undefined;
  const perReseller = s.timeMs ? s.timeMs / resellers : undefined;
  return [
    String(s.workers),
    fixed(s.timeMs && s.timeMs / 1000, 1),
    fixed(perReseller, 0),
    fixed(s.peakRssMiB, 0),
    String(s.files ?? '—'),
    String(s.pages ?? '—'),
    String(s.encrypted ?? '—'),
    fixed(s.outputMiB, 1),
    times(speedUp),
  ];
});
console.log(
  renderTable(
    [
      'threads',
      'time s',
      'ms / reseller',
      'peak RSS MiB',
      'files',
      'pages',
      'encrypted',
      'output MiB',
      'vs 1 thread',
    ],
    rows,
    0,
  ),
);
await writeFile(
  RESULTS,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cores, cpu: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30) },
      workbook: { resellers, families, tiers: workbook.tiers.length, variants: workbook.variants },
      summaries,
      runs,
    },
    null,
    2,
  )}\n`,
);
console.log(`Results: ${path.relative(ROOT, RESULTS)}`);

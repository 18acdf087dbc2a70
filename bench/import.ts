// `npm run bench:import`: how our import of a large price list compares with its peers (plain exceljs,
// SheetJS, LibreOffice) and with the unzip-and-scan floor, in time and memory, measured in the same
// run on the same file. The ratios are the result; the absolute
// figures beside them say as much about the machine as about the code. A benchmark, not a test:
// nothing here passes or fails.
//
// Options: --rows N (products in the generated workbook, default 100000), --repeat N (runs per
// contender, default 1; each figure is then the median of the runs), --only a,b (these contenders,
// plus the baseline and the floor). Beside the unzip-and-scan floor, two higher floors
// (import-floors.ts: `decode-scan`, `values-floor`) say what any JavaScript reader must at least do.
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_DIR, ensureLargeWorkbook, rowsOption } from './make-large-workbook.ts';
import { CONTENDERS, type Contender, type RunReport } from './run-one.ts';
import { countOption, median, range, ROOT, runChild, type Timed, addRatios } from './run-child.ts';
import { recordResults } from './results-file.ts';
import { fixed, grouped, renderTable, span, times } from './table.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RUN_ONE = path.join(HERE, 'run-one.ts');
const RESULTS = path.join(BENCH_DIR, 'import-results.json');
/** The peer every ratio is taken against: what a straightforward exceljs import costs. */
const REFERENCE: Contender = 'exceljs-load';
const MIB = 1024 * 1024;

type Ok = Extract<RunReport, { ok: true }>;
type Run = Timed<RunReport>;

type Summary = {
  contender: Contender;
  runs: number;
  failures: string[];
  mode?: string;
  rows?: number;
  timeMs?: number;
  rowsPerSecond?: number;
  peakRssMiB?: number;
  /** Peak RSS minus the baseline child's: what the work added to a started process. */
  netRssMiB?: number;
  peakHeapMiB?: number;
  /** Heap the result holds after a forced GC (heap after the work minus heap before it). */
  keptHeapMiB?: number;
  /** The same per row: about nothing for a reader that keeps nothing, else what a kept row costs. */
  keptBytesPerRow?: number;
  /** Fastest and slowest, lowest and highest of the runs, when there was more than one. */
  spread?: { timeMs: [number, number]; peakRssMiB: [number, number] };
  vsReference?: { time: number; peakRss: number; netRss?: number };
  /** Cells holding U+FFFD in what was read (ours: the products of the table), and non-ASCII text cells. */
  replacementChars?: number;
  nonAsciiCells?: number;
  /** Another program (its version): RSS summed over its process tree, no JS heap. */
  external?: string;
};

const runOne = (contender: Contender, file: string): Run =>
  runChild<RunReport>(RUN_ONE, [contender, file], (error) => ({ ok: false, contender, error }));

function summarise(runs: Run[]): Summary[] {
  const ok = (c: Contender): Ok[] => runs.filter((r): r is Ok & Run => r.ok && r.contender === c);
  const baselineRss = median(ok('baseline').map((r) => r.peakRssKiB / 1024));
  const ran = CONTENDERS.filter((c) => runs.some((r) => r.contender === c));
  const summaries = ran.map((contender): Summary => {
    const good = ok(contender);
    const failures = runs
      .filter((r): r is Extract<RunReport, { ok: false }> & Run => !r.ok && r.contender === contender)
      .map((r) => r.error);
    const base = { contender, runs: good.length, failures };
    if (good.length === 0) return base;
    // Each figure is the median of its own runs: with --repeat 1 that is simply the run.
    const timeMs = median(good.map((r) => r.timeMs))!;
    const rows = median(good.map((r) => r.rows))!;
    const peakRssMiB = median(good.map((r) => r.peakRssKiB / 1024))!;
    const kept = median(
      good.flatMap((r) =>
        r.retainedHeap === undefined || r.heapBeforeWork === undefined
          ? []
          : [r.retainedHeap - r.heapBeforeWork],
      ),
    );
    const { mode, external } = good[0]!;
    // The worst run: one damaged cell in any run is a damaged import.
    const worst = (pick: (r: Ok) => number | undefined) => {
      const found = good.flatMap((r) => (pick(r) === undefined ? [] : [pick(r)!]));
      return found.length === 0 ? undefined : Math.max(...found);
    };
    const replacementChars = worst((r) => r.replacementChars);
    const nonAsciiCells = worst((r) => r.nonAsciiCells);
    return {
      ...base,
      ...(mode !== undefined ? { mode } : {}),
      ...(external !== undefined ? { external } : {}),
      ...(replacementChars !== undefined ? { replacementChars } : {}),
      ...(nonAsciiCells !== undefined ? { nonAsciiCells } : {}),
      rows,
      timeMs,
      ...(contender === 'baseline' ? {} : { rowsPerSecond: rows / (timeMs / 1000) }),
      peakRssMiB,
      ...(baselineRss !== undefined ? { netRssMiB: peakRssMiB - baselineRss } : {}),
      ...(external === undefined ? { peakHeapMiB: median(good.map((r) => r.peakHeapUsed / MIB))! } : {}),
      ...(kept !== undefined ? { keptHeapMiB: kept / MIB } : {}),
      ...(kept !== undefined && rows > 0 ? { keptBytesPerRow: kept / rows } : {}),
      ...(good.length > 1
        ? {
            spread: {
              timeMs: range(good.map((r) => r.timeMs)),
              peakRssMiB: range(good.map((r) => r.peakRssKiB / 1024)),
            },
          }
        : {}),
    };
  });
  const reference = summaries.find((s) => s.contender === REFERENCE);
  return addRatios(summaries, () => reference);
}

// ─── Printing ─────────────────────────────────────────────────────────────────────────────────────

function table(summaries: Summary[]): string {
  // Ranges only mean something with --repeat; a single run would show the same figure twice.
  const repeated = summaries.some((s) => s.spread);
  const header = [
    'contender',
    'mode',
    'rows',
    'time s',
    'rows/s',
    'peak RSS MiB',
    'RSS − start MiB',
    'peak heap MiB',
    'kept heap MiB',
    'kept B/row',
    ...(repeated ? ['time range s', 'RSS range MiB'] : []),
    'vs floor',
    'time vs ref',
    'RSS vs ref',
    'U+FFFD',
  ];
  const floor = summaries.find((s) => s.contender === 'unzip-scan')?.timeMs;
  const body = summaries.map((s) =>
    s.runs === 0
      ? [
          s.contender,
          s.failures[0]?.startsWith('missing') ? 'missing' : 'failed',
          ...Array<string>(header.length - 2).fill('—'),
        ]
      : [
          s.contender,
          s.mode ?? '',
          grouped(s.rows),
          fixed(s.timeMs === undefined ? undefined : s.timeMs / 1000, 2),
          grouped(s.rowsPerSecond),
          fixed(s.peakRssMiB, 0),
          s.contender === 'baseline' ? '—' : fixed(s.netRssMiB, 0),
          fixed(s.peakHeapMiB, 0),
          fixed(s.keptHeapMiB, 0),
          grouped(s.keptBytesPerRow),
          ...(repeated ? [span(s.spread?.timeMs, 1000, 2), span(s.spread?.peakRssMiB, 1, 0)] : []),
          times(floor && s.timeMs !== undefined && s.contender !== 'baseline' ? s.timeMs / floor : undefined),
          times(s.vsReference?.time),
          times(s.vsReference?.peakRss),
          s.replacementChars === undefined ? '—' : grouped(s.replacementChars),
        ],
  );
  // Names and modes read left-aligned.
  return renderTable(header, body, 2);
}

function sentences(summaries: Summary[]): string[] {
  return summaries.flatMap((s) => {
    if (!s.vsReference || s.contender === REFERENCE) return [];
    const net = s.vsReference.netRss === undefined ? '' : ` (${times(s.vsReference.netRss)} above start-up)`;
    return [
      `${s.contender}: ${times(s.vsReference.time)} the time, ${times(s.vsReference.peakRss)} the peak RSS${net} of a plain exceljs read`,
    ];
  });
}

/** The issue's "must show" lines: each with its target and whether this run met it. */
function mustShow(summaries: Summary[]): string[] {
  const get = (c: Contender) => summaries.find((s) => s.contender === c && s.runs > 0);
  const floor = get('unzip-scan');
  const auto = get('ours-auto');
  if (!floor?.timeMs || !auto?.timeMs) return ['must show: ours-auto or the floor did not run'];
  const mark = (ok: boolean) => (ok ? 'yes' : 'NO');
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    `ours-auto vs unzip-and-scan floor: ${times(auto.timeMs / floor.timeMs)} (${seconds(auto.timeMs)} vs ${seconds(floor.timeMs)}; target ≤ 1.50×): ${mark(auto.timeMs <= 1.5 * floor.timeMs)}`,
  ];
  // What any JavaScript reader must at least do beyond the unzip floor (import-floors.ts): whether
  // the target is within a JavaScript reader's reach at all.
  for (const [name, what] of [
    ['decode-scan', 'inflate + UTF-8 decode into JS strings + count'],
    ['values-floor', 'rows of values, shared strings resolved, every row kept'],
  ] as const) {
    const s = get(name);
    if (!s?.timeMs) continue;
    lines.push(
      `${name} (${what}): ${times(s.timeMs / floor.timeMs)} the unzip floor (${seconds(s.timeMs)}); ` +
        `ours-auto ${times(auto.timeMs / s.timeMs)} it`,
    );
  }
  for (const [peer, label] of [
    ['sheetjs', 'SheetJS'],
    ['libreoffice', 'LibreOffice'],
    ['exceljs-load', 'exceljs (whole workbook)'],
  ] as const) {
    const s = get(peer);
    lines.push(
      s?.timeMs
        ? `ours-auto vs ${label}: ${times(auto.timeMs / s.timeMs)} its time (${seconds(s.timeMs)}; ` +
            (peer === 'exceljs-load'
              ? 'for reference, no target)'
              : `target faster): ${mark(auto.timeMs < s.timeMs)}`)
        : `ours-auto vs ${label}: ${label} missing or failed (${summaries.find((x) => x.contender === peer)?.failures[0] ?? 'not run'})`,
    );
  }
  lines.push(
    `ours-auto peak RSS: ${fixed(auto.peakRssMiB, 0)} MiB (target < 400 MiB): ${mark((auto.peakRssMiB ?? Infinity) < 400)}`,
    `U+FFFD in the imported products: ${grouped(auto.replacementChars)} cells (target 0; ${grouped(auto.nonAsciiCells)} cells hold non-ASCII text): ${mark(auto.replacementChars === 0)}`,
  );
  return lines;
}

// ─── Main ─────────────────────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const repeat = countOption(argv, '--repeat', 1);
// `--only unzip-scan,ours-auto`: a quick look at a few; the floor and the baseline always run (every ratio needs them).
const onlyAt = argv.indexOf('--only');
const only =
  onlyAt < 0 ? undefined : new Set(['baseline', 'unzip-scan', ...(argv[onlyAt + 1] ?? '').split(',')]);
const unknown = [...(only ?? [])].filter((c) => !CONTENDERS.some((k) => k === c));
if (unknown.length > 0)
  throw new Error(`--only: no contender ${unknown.join(', ')} (${CONTENDERS.join(', ')})`);
const chosen = CONTENDERS.filter((c) => !only || only.has(c));
const book = await ensureLargeWorkbook(rowsOption(argv));
const mib = (bytes: number): string => (bytes / MIB).toFixed(1);
console.log(
  `${path.relative(ROOT, book.path)}: ${grouped(book.products)} products, ${grouped(book.sheetRows)} rows with a value, ` +
    `${mib(book.bytes)} MiB on disk${book.generated ? ' (just written)' : ' (cached)'}`,
);
console.log(
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${mib(os.totalmem())} MiB RAM; ${repeat} run(s) per contender, each in its own process\n`,
);

// Read once so the first contender does not pay for a cold disk cache that the others then enjoy.
await readFile(book.path);

const runs: Run[] = [];
// Round-robin rather than contender by contender, so drift over the run (heat, other load) is shared.
for (let round = 1; round <= repeat; round++) {
  for (const contender of chosen) {
    process.stdout.write(`  ${repeat > 1 ? `round ${round}/${repeat} ` : ''}${contender}… `);
    const run = runOne(contender, book.path);
    runs.push(run);
    console.log(run.ok ? `${(run.timeMs / 1000).toFixed(2)} s` : `failed: ${run.error}`);
  }
}

const summaries = summarise(runs);
console.log(`\n${table(summaries)}\n`);
for (const s of sentences(summaries)) console.log(s);
for (const s of summaries.filter((s) => s.runs === 0))
  console.log(`${s.contender}: ${s.failures[0] ?? 'no run'}`);
const external = summaries.filter((s) => s.external).map((s) => `${s.contender} = ${s.external}`);
if (external.length > 0)
  console.log(
    `${external.join('; ')}: time = the whole process (its start-up included, its profile already built); ` +
      'peak RSS = the sum over its process tree, sampled every 25 ms from /proc.',
  );
console.log(`\n${mustShow(summaries).join('\n')}`);

const auto = summaries.find((s) => s.contender === 'ours-auto');
console.log(`\nours-auto read the workbook in mode '${auto?.mode ?? 'unknown'}' (every size is streamed).`);
console.log(
  `ref = ${REFERENCE}. RSS − start: peak RSS minus the baseline child's (node + tsx, nothing read). ` +
    'Kept heap: heap the result still holds after a forced GC (after minus before the work), and per row.',
);

await recordResults('import', {
  workbook: { ...book, path: path.relative(ROOT, book.path) },
  repeat,
  reference: REFERENCE,
  load: os.loadavg().map((l) => Number(l.toFixed(2))),
  mustShow: mustShow(summaries),
  summaries,
});
await writeFile(
  RESULTS,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        totalMemBytes: os.totalmem(),
      },
      workbook: { ...book, path: path.relative(ROOT, book.path) },
      repeat,
      reference: REFERENCE,
      summaries,
      runs,
    },
    null,
    2,
  )}\n`,
);
console.log(`Results written to ${path.relative(ROOT, RESULTS)}`);

// `npm run bench:import`: how our import of a large price list compares with plain exceljs, in time
// and memory, measured in the same run on the same file. The ratios are the result; the absolute
// figures beside them say as much about the machine as about the code. A benchmark, not a test:
// nothing here passes or fails.
//
// Options: --rows N (products in the generated workbook, default 100000), --repeat N (runs per
// contender, default 1; each figure is then the median of the runs).
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_LIMITS } from '../main/engine/import/limits.ts';
import { BENCH_DIR, ensureLargeWorkbook, rowsOption } from './make-large-workbook.ts';
import { CONTENDERS, type Contender, type RunReport } from './run-one.ts';
import { countOption, median, range, ROOT, runChild, type Timed, addRatios } from './run-child.ts';
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
};

const runOne = (contender: Contender, file: string): Run =>
  runChild<RunReport>(RUN_ONE, [contender, file], (error) => ({ ok: false, contender, error }));

function summarise(runs: Run[]): Summary[] {
  const ok = (c: Contender): Ok[] => runs.filter((r): r is Ok & Run => r.ok && r.contender === c);
  const baselineRss = median(ok('baseline').map((r) => r.peakRssKiB / 1024));
  const summaries = CONTENDERS.map((contender): Summary => {
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
    const mode = good[0]!.mode;
    return {
      ...base,
      ...(mode !== undefined ? { mode } : {}),
      rows,
      timeMs,
      ...(contender === 'baseline' ? {} : { rowsPerSecond: rows / (timeMs / 1000) }),
      peakRssMiB,
      ...(baselineRss !== undefined ? { netRssMiB: peakRssMiB - baselineRss } : {}),
      peakHeapMiB: median(good.map((r) => r.peakHeapUsed / MIB))!,
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
    'time vs ref',
    'RSS vs ref',
  ];
  const body = summaries.map((s) =>
    s.runs === 0
      ? [s.contender, 'failed', ...Array<string>(header.length - 2).fill('—')]
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
          times(s.vsReference?.time),
          times(s.vsReference?.peakRss),
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

// ─── Main ─────────────────────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const repeat = countOption(argv, '--repeat', 1);
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
  for (const contender of CONTENDERS) {
    process.stdout.write(`  ${repeat > 1 ? `round ${round}/${repeat} ` : ''}${contender}… `);
    const run = runOne(contender, book.path);
    runs.push(run);
    console.log(run.ok ? `${(run.timeMs / 1000).toFixed(2)} s` : `failed: ${run.error}`);
  }
}

const summaries = summarise(runs);
console.log(`\n${table(summaries)}\n`);
for (const s of sentences(summaries)) console.log(s);
// The issue's yardstick for the reader: the unzip-and-scan floor, not exceljs.
const floor = summaries.find((s) => s.contender === 'unzip-scan')?.timeMs;
const streamedMs = summaries.find((s) => s.contender === 'ours-stream')?.timeMs;
const readerMs = summaries.find((s) => s.contender === 'ours-reader')?.timeMs;
if (floor && readerMs)
  console.log(`ours-reader: ${times(readerMs / floor)} the time of the unzip-and-scan floor (target 1.5×)`);
if (floor && streamedMs)
  console.log(
    `ours-stream: ${times(streamedMs / floor)} the time of the unzip-and-scan floor (reader + table)`,
  );

const auto = summaries.find((s) => s.contender === 'ours-auto');
const threshold = `${mib(DEFAULT_LIMITS.streamAboveBytes)} MiB of sheet XML`;
console.log(
  auto?.mode === 'stream'
    ? `\nours-auto chose mode 'stream' by itself (the sheet is above ${threshold}).`
    : `\nours-auto chose mode '${auto?.mode ?? 'unknown'}': at this size the sheet is below ${threshold}, so auto reads it whole.`,
);
console.log(
  `ref = ${REFERENCE}. RSS − start: peak RSS minus the baseline child's (node + tsx, nothing read). ` +
    'Kept heap: heap the result still holds after a forced GC (after minus before the work), and per row.',
);

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

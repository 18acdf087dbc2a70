// `npm run bench:render`: what laying out and exporting a large catalog costs in time and memory, for
// each template and output, measured in the same run against pdfkit drawing the same runs without our
// layout (the floor), and how memory grows with the catalog (1,000 → 5,000 → 10,000 products).
// Ratios are the result; the absolute figures say as much about the machine as about the code.
// A benchmark, not a test: nothing here passes or fails.
//
// Peers in the same run: Debian's Chromium (print to PDF, via playwright-core) and WeasyPrint, each
// printing the equivalent HTML catalog (peers/html-catalog.ts); a peer not found (and not
// installable) is reported missing, never faked. And the 100,000-product price list.
//
// Options: --products N (the catalog of the main table, default 10000), --sizes A,B (smaller catalogs
// for the memory curve, default 1000,5000; the main size is added), --templates a,b (default all
// three built-in), --repeat N (runs per contender, default 1; each figure is then the median),
// --peers a,b|none (default chromium,weasyprint), --chromium-products N (default the main size),
// --weasyprint-products N (default 1000: WeasyPrint takes minutes per thousand pages), --large N
// (the big price list, default 100000; --no-large skips it).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_PRODUCTS } from './make-large-catalog.ts';
import { BENCH_DIR } from './make-large-workbook.ts';
import {
  PEERS,
  peerBinEnv,
  runsFile,
  type PeerFigures,
  type PeerName,
  type PlanStats,
  type RenderContender,
  type RenderReport,
} from './render-one.ts';
import { debianPeer, type Peer } from './debian-peer.ts';
import { recordResults } from './results-file.ts';
import { countOption, median, range, ROOT, runChild, type Timed, addRatios } from './run-child.ts';
import { fixed, grouped, renderTable, span, times } from './table.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RENDER_ONE = path.join(HERE, 'render-one.ts');
const OUT_DIR = path.join(BENCH_DIR, 'render');
const RESULTS = path.join(BENCH_DIR, 'render-results.json');
const TEMPLATES = ['product-grid', 'list-catalog', 'price-list'];
/** The template of the memory curve and of the screen PDF: the heaviest pages (a picture per card). */
const MAIN_TEMPLATE = 'product-grid';
/** Every ratio is taken against the print PDF of the same template and size: what users export most. */
const REFERENCE: RenderContender = 'print-pdf';
const MIB = 1024 * 1024;

type Job = { contender: RenderContender; template: string; products: number };
/** The template and size of the big price list (issue 10: 100,000 products). */
const LARGE_TEMPLATE = 'price-list';
const DEFAULT_LARGE = 100_000;
/** WeasyPrint lays out about 5 pages a second here: 1,000 products is under a minute per template. */
const DEFAULT_WEASYPRINT_PRODUCTS = 1_000;
type Ok = Timed<Extract<RenderReport, { ok: true }>>;
type Run = Timed<RenderReport>;

type Summary = Job & {
  runs: number;
  failures: string[];
  pages?: number;
  timeMs?: number;
  /** The whole time over the pages: what each page of the catalog costs, all stages included. */
  msPerPage?: number;
  /** Before the first page is drawn: pictures, layout, preflight, picture conversion. */
  firstPageMs?: number;
  /** The drawing loop alone, first page to last. */
  drawMsPerPage?: number;
  peakRssMiB?: number;
  /** Peak RSS minus the baseline child's of the same size (node, modules and the catalog). */
  netRssMiB?: number;
  peakHeapMiB?: number;
  keptHeapMiB?: number;
  keptBytesPerProduct?: number;
  outputMiB?: number;
  imageObjects?: number;
  issues?: Record<string, number>;
  plan?: PlanStats;
  spread?: { timeMs: [number, number]; peakRssMiB: [number, number] };
  /** A peer that could not be run: why (not found, not installable). */
  missing?: string;
  /** A peer's version and how its memory was read; its peakRssMiB is the peer's own (see README). */
  peer?: Omit<PeerFigures, 'peakKiB' | 'launchMs' | 'loadMs' | 'printMs'> & {
    /** The node process driving the peer (playwright, or the spawn): its own maxRSS. */
    driverPeakRssMiB: number;
    launchMs?: number;
    loadMs?: number;
    printMs?: number;
  };
  vsReference?: { time: number; peakRss: number; netRss?: number };
};

// ─── Options ──────────────────────────────────────────────────────────────────────────────────────

function listOption(argv: readonly string[], name: string): string[] | undefined {
  const at = argv.indexOf(name);
  if (at < 0) return undefined;
  const value = argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a comma-separated list`);
  return value.split(',').map((v) => v.trim());
}

function peersOption(argv: readonly string[]): PeerName[] {
  const list = listOption(argv, '--peers');
  if (!list) return [...PEERS];
  if (list.length === 1 && list[0] === 'none') return [];
  const bad = list.find((name) => !PEERS.some((p) => p === name));
  if (bad) throw new Error(`--peers takes ${PEERS.join(', ')} or none, got ${bad}`);
  return list as PeerName[];
}

/** playwright wants a path, the PATH lookup gives a name. */
function absolute(bin: string): string {
  if (bin.includes('/')) return bin;
  try {
    return execFileSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).trim() || bin;
  } catch {
    return bin;
  }
}

function sizesOption(argv: readonly string[]): number[] {
  const sizes = (listOption(argv, '--sizes') ?? ['1000', '5000']).map(Number);
  const bad = sizes.find((n) => !Number.isInteger(n) || n < 1);
  if (bad !== undefined) throw new Error(`--sizes takes positive whole numbers, got ${bad}`);
  return sizes;
}

/**
 * The main size gets every contender for every template; the smaller sizes only what the memory
 * curve needs. Ordered so that each layout child runs before the floor that draws the runs it writes.
 */
function jobsOf(products: number, sizes: number[], templates: string[]): Job[] {
  const jobs: Job[] = [];
  const all = [...new Set([...sizes, products])].sort((a, b) => a - b);
  for (const size of all) {
    jobs.push({ contender: 'baseline', template: MAIN_TEMPLATE, products: size });
    for (const template of size === products ? templates : [MAIN_TEMPLATE]) {
      jobs.push({ contender: 'layout', template, products: size });
      jobs.push({ contender: 'print-pdf', template, products: size });
      if (template === MAIN_TEMPLATE && size === products)
        jobs.push({ contender: 'screen-pdf', template, products: size });
      jobs.push({ contender: 'tagged-text', template, products: size });
      jobs.push({ contender: 'pdfkit-floor', template, products: size });
    }
  }
  return jobs;
}

/**
 * Each peer prints every template at its size; where that is not the main size, our print PDF of the
 * same template runs at that size too, so every ratio is taken on the same products. Then the big
 * price list: print PDF and tagged text only.
 */
function extraJobs(jobs: Job[], templates: string[], peerSizes: [PeerName, number][], large: number): Job[] {
  const extra: Job[] = [];
  const has = (j: Job) => [...jobs, ...extra].some((x) => sameJob(x, j));
  for (const template of templates)
    for (const [peer, size] of peerSizes) {
      const ours: Job = { contender: 'print-pdf', template, products: size };
      if (!has(ours)) extra.push(ours);
      extra.push({ contender: peer, template, products: size });
    }
  if (large > 0)
    for (const contender of ['print-pdf', 'tagged-text'] as const) {
      const job: Job = { contender, template: LARGE_TEMPLATE, products: large };
      if (!has(job)) extra.push(job);
    }
  return extra;
}

const runOne = (job: Job): Run =>
  runChild<RenderReport>(
    RENDER_ONE,
    [job.contender, job.template, String(job.products), OUT_DIR],
    (error) => ({
      ok: false,
      ...job,
      error,
    }),
  );

// ─── Summaries ────────────────────────────────────────────────────────────────────────────────────

// A failed child reports its contender as the string it was given, hence the looser type.
type JobKey = { contender: string; template: string; products: number };
const sameJob = (a: JobKey, b: JobKey): boolean =>
  a.contender === b.contender && a.template === b.template && a.products === b.products;

function summarise(jobs: Job[], runs: Run[]): Summary[] {
  const ok = (job: Job): Ok[] => runs.filter((r): r is Ok => r.ok && sameJob(r, job));
  const med = (values: (number | undefined)[]): number | undefined =>
    median(values.filter((v): v is number => v !== undefined));
  const summaries = jobs.map((job): Summary => {
    const good = ok(job);
    const failures = runs
      .filter((r): r is Extract<Run, { ok: false }> => !r.ok && sameJob(r, job))
      .map((r) => r.error + (r.where ? ` at ${r.where[0]}` : ''));
    const base: Summary = { ...job, runs: good.length, failures };
    if (good.length === 0) return base;
    const baseline = med(
      ok({ contender: 'baseline', template: MAIN_TEMPLATE, products: job.products }).map(
        (r) => r.peakRssKiB / 1024,
      ),
    );
    const first = good[0]!;
    const pages = first.pages;
    const timeMs = med(good.map((r) => r.timeMs))!;
    // A peer's memory is its own (the browser's processes, WeasyPrint's), not the node driving it.
    const peakRssMiB = med(good.map((r) => (r.peer ? r.peer.peakKiB : r.peakRssKiB) / 1024))!;
    const peer = first.peer
      ? {
          memoryFrom: first.peer.memoryFrom,
          htmlBytes: first.peer.htmlBytes,
          ...(first.peer.version ? { version: first.peer.version } : {}),
          ...(first.peer.processes ? { processes: first.peer.processes } : {}),
          ...(first.peer.browserRssSumKiB
            ? { browserRssSumKiB: med(good.map((r) => r.peer?.browserRssSumKiB))! }
            : {}),
          driverPeakRssMiB: med(good.map((r) => r.peakRssKiB / 1024))!,
          ...(first.peer.launchMs !== undefined ? { launchMs: med(good.map((r) => r.peer?.launchMs))! } : {}),
          ...(first.peer.loadMs !== undefined ? { loadMs: med(good.map((r) => r.peer?.loadMs))! } : {}),
          ...(first.peer.printMs !== undefined ? { printMs: med(good.map((r) => r.peer?.printMs))! } : {}),
        }
      : undefined;
    const kept = med(
      good.map((r) =>
        r.retainedHeap === undefined || r.heapBeforeWork === undefined
          ? undefined
          : r.retainedHeap - r.heapBeforeWork,
      ),
    );
    const draw = med(
      good.map((r) =>
        r.firstPageMs !== undefined && r.lastPageMs !== undefined && (r.pages ?? 0) > 1
          ? (r.lastPageMs - r.firstPageMs) / (r.pages! - 1)
          : undefined,
      ),
    );
    const firstPageMs = med(good.map((r) => r.firstPageMs));
    const outputBytes = med(good.map((r) => r.outputBytes));
    // RSS − start subtracts our baseline child: meaningless for a peer's own processes.
    const worked = job.contender !== 'baseline' && !peer;
    return {
      ...base,
      ...(pages !== undefined ? { pages } : {}),
      timeMs,
      ...(pages && job.contender !== 'baseline' ? { msPerPage: timeMs / pages } : {}),
      ...(peer ? { peer } : {}),
      ...(firstPageMs !== undefined ? { firstPageMs } : {}),
      ...(draw !== undefined ? { drawMsPerPage: draw } : {}),
      peakRssMiB,
      ...(baseline !== undefined && worked ? { netRssMiB: peakRssMiB - baseline } : {}),
      peakHeapMiB: med(good.map((r) => r.peakHeapUsed / MIB))!,
      ...(kept !== undefined ? { keptHeapMiB: kept / MIB, keptBytesPerProduct: kept / job.products } : {}),
      ...(outputBytes !== undefined ? { outputMiB: outputBytes / MIB } : {}),
      ...(first.imageObjects !== undefined ? { imageObjects: first.imageObjects } : {}),
      ...(first.issues ? { issues: first.issues } : {}),
      ...(first.plan ? { plan: first.plan } : {}),
      ...(good.length > 1
        ? {
            spread: {
              timeMs: range(good.map((r) => r.timeMs)),
              peakRssMiB: range(good.map((r) => (r.peer ? r.peer.peakKiB : r.peakRssKiB) / 1024)),
            },
          }
        : {}),
    };
  });
  return addRatios(summaries, (s) => summaries.find((r) => sameJob(r, { ...s, contender: REFERENCE })));
}

// ─── Printing ─────────────────────────────────────────────────────────────────────────────────────

const failedRow = (width: number, lead: string[]): string[] => [
  ...lead,
  ...Array<string>(width - lead.length).fill('—'),
];

function mainTable(summaries: Summary[]): string {
  const repeated = summaries.some((s) => s.spread);
  const header = [
    'contender',
    'template',
    'pages',
    'time s',
    'ms/page',
    'before p.1 s',
    'draw ms/page',
    'peak RSS MiB',
    'RSS − start MiB',
    'kept heap MiB',
    'output MiB',
    'pictures',
    ...(repeated ? ['time range s', 'RSS range MiB'] : []),
    'time vs print',
    'RSS vs print',
    'RSS − start vs print',
  ];
  const body = summaries.map((s) =>
    s.runs === 0
      ? failedRow(header.length, [s.contender, s.template, 'failed'])
      : [
          s.contender,
          s.contender === 'baseline' ? '' : s.template,
          grouped(s.pages),
          fixed(s.timeMs === undefined ? undefined : s.timeMs / 1000, 2),
          fixed(s.msPerPage, 1),
          fixed(s.firstPageMs === undefined ? undefined : s.firstPageMs / 1000, 2),
          fixed(s.drawMsPerPage, 1),
          fixed(s.peakRssMiB, 0),
          s.contender === 'baseline' ? '—' : fixed(s.netRssMiB, 0),
          fixed(s.keptHeapMiB, 1),
          fixed(s.outputMiB, 1),
          grouped(s.imageObjects),
          ...(repeated ? [span(s.spread?.timeMs, 1000, 2), span(s.spread?.peakRssMiB, 1, 0)] : []),
          times(s.vsReference?.time),
          times(s.vsReference?.peakRss),
          times(s.vsReference?.netRss),
        ],
  );
  return renderTable(header, body, 2);
}

type Slope = { from: number; to: number; kibPerProduct: number };

/** KiB per added product between consecutive sizes, of RSS − start. */
function slopes(rows: Summary[]): Slope[] {
  const out: Slope[] = [];
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!;
    const b = rows[i]!;
    if (a.netRssMiB === undefined || b.netRssMiB === undefined) continue;
    out.push({
      from: a.products,
      to: b.products,
      kibPerProduct: ((b.netRssMiB - a.netRssMiB) * 1024) / (b.products - a.products),
    });
  }
  return out;
}

/** Least squares of RSS − start against products: intercept (MiB), slope (KiB/product) and R². */
function linearFit(rows: Summary[]): { interceptMiB: number; kibPerProduct: number; r2: number } | undefined {
  const points = rows
    .filter((r) => r.netRssMiB !== undefined)
    .map((r) => [r.products, r.netRssMiB!] as const);
  if (points.length < 3) return undefined;
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const syy = points.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  const slope = sxy / sxx;
  return {
    interceptMiB: my - slope * mx,
    kibPerProduct: slope * 1024,
    r2: syy === 0 ? 1 : sxy ** 2 / (sxx * syy),
  };
}

/**
 * How far one child's peak RSS moves from run to run of the same work on this kind of machine
 * (±8 MiB: the baseline child at one size peaked anywhere in 130–143 MiB, the 10,000-product print
 * PDF in 302–318). A figure, or a difference, smaller than this is not a finding.
 */
const NOISE_MIB = 8;
/** Heap kept after a forced GC moves by well under a MiB between runs of the same work. */
const KEPT_NOISE_MIB = 1;

/**
 * Heap kept per product added since the previous size: the first layout in a process also fills
 * module-level caches (font metrics), a fixed cost that a per-product average would spread thin.
 */
function keptStep(rows: Summary[], s: Summary): number | undefined {
  const previous = rows[rows.indexOf(s) - 1];
  if (!previous || previous.keptHeapMiB === undefined || s.keptHeapMiB === undefined) return undefined;
  return ((s.keptHeapMiB - previous.keptHeapMiB) * MIB) / (s.products - previous.products);
}

function curveTable(curve: Summary[]): string {
  const header = [
    'contender',
    'products',
    'pages',
    'time s',
    'ms/page',
    'peak RSS MiB',
    'RSS − start MiB',
    'KiB/product',
    'Δ KiB/added product',
    'kept heap MiB',
    'Δ kept B/added product',
    'output MiB',
    'time vs smallest',
    'RSS − start vs smallest',
  ];
  const body: string[][] = [];
  for (const contender of [...new Set(curve.map((s) => s.contender))]) {
    const rows = curve.filter((s) => s.contender === contender);
    const smallest = rows[0]!;
    const steps = slopes(rows);
    rows.forEach((s) => {
      if (s.runs === 0) {
        body.push(failedRow(header.length, [s.contender, grouped(s.products), 'failed']));
        return;
      }
      const step = steps.find((x) => x.to === s.products);
      body.push([
        s.contender,
        grouped(s.products),
        grouped(s.pages),
        fixed(s.timeMs === undefined ? undefined : s.timeMs / 1000, 2),
        fixed(s.msPerPage, 1),
        fixed(s.peakRssMiB, 0),
        fixed(s.netRssMiB, 0),
        fixed(s.netRssMiB === undefined ? undefined : (s.netRssMiB * 1024) / s.products, 1),
        fixed(step?.kibPerProduct, 1),
        fixed(s.keptHeapMiB, 1),
        grouped(keptStep(rows, s)),
        fixed(s.outputMiB, 1),
        times(smallest.timeMs && s.timeMs ? s.timeMs / smallest.timeMs : undefined),
        // A ratio to a few MiB is a ratio to the baseline's noise (a few MiB from run to run).
        times(
          smallest.netRssMiB !== undefined && smallest.netRssMiB >= NOISE_MIB && s.netRssMiB !== undefined
            ? s.netRssMiB / smallest.netRssMiB
            : undefined,
        ),
      ]);
    });
  }
  return renderTable(header, body, 1);
}

/**
 * How memory grows, in words: described, not judged. Each step's slope is only known to within the
 * noise of its two ends (2 × NOISE_MIB over the products added), so two slopes closer than the sum
 * of their uncertainties are the same slope: linear, as far as these runs can tell.
 */
function shape(rows: Summary[], steps: Slope[], repeat: number): string {
  if (steps.length < 2) return '';
  const growth = (rows.at(-1)!.netRssMiB ?? 0) - (rows[0]!.netRssMiB ?? 0);
  if (Math.abs(growth) < 2 * NOISE_MIB)
    return `RSS − start: no growth beyond the noise (${fixed(growth, 0)} MiB over the range)`;
  const first = steps[0]!;
  const last = steps.at(-1)!;
  const uncertainty = (x: Slope): number => (2 * NOISE_MIB * 1024) / (x.to - x.from) / Math.sqrt(repeat);
  const band = uncertainty(first) + uncertainty(last);
  const words =
    Math.abs(last.kibPerProduct - first.kibPerProduct) <= band
      ? 'linear within the noise'
      : last.kibPerProduct > first.kibPerProduct
        ? 'growing faster than linearly'
        : 'growing more slowly than linearly (fixed costs first)';
  return `RSS − start ${words} (the two slopes differ by ${fixed(Math.abs(last.kibPerProduct - first.kibPerProduct), 1)} KiB, noise ±${fixed(band, 1)})`;
}

function curveSentences(curve: Summary[], repeat: number): string[] {
  const lines: string[] = [];
  for (const contender of [...new Set(curve.map((s) => s.contender))]) {
    const rows = curve.filter((s) => s.contender === contender && s.runs > 0);
    if (rows.length < 2) continue;
    const first = rows[0]!;
    const last = rows.at(-1)!;
    const steps = slopes(rows);
    const fit = linearFit(rows);
    const stepText = steps
      .map((x) => `${grouped(x.from)}→${grouped(x.to)}: ${fixed(x.kibPerProduct, 1)} KiB per added product`)
      .join('; ');
    const fitText = fit
      ? `; fit: ${fixed(fit.interceptMiB, 0)} MiB + ${fixed(fit.kibPerProduct, 1)} KiB × products (R² ${fit.r2.toFixed(3)})`
      : '';
    const output =
      last.outputMiB !== undefined && first.outputMiB !== undefined
        ? `; output ${fixed(((last.outputMiB - first.outputMiB) * 1024) / (last.products - first.products), 1)} KiB per added product`
        : '';
    // The heap a result keeps is measured after a forced GC: far steadier than RSS, and for the
    // layout it is the plan itself.
    const keptSteps = rows.slice(1).map((r) => keptStep(rows, r));
    const kept =
      first.keptHeapMiB !== undefined &&
      last.keptHeapMiB !== undefined &&
      last.keptHeapMiB - first.keptHeapMiB > KEPT_NOISE_MIB
        ? `Kept heap ${keptSteps.map((b) => grouped(b)).join(' then ')} B per added product. `
        : '';
    const memory =
      first.netRssMiB! >= NOISE_MIB
        ? `${times(last.netRssMiB! / first.netRssMiB!)} the RSS − start`
        : `RSS − start ${fixed(first.netRssMiB, 0)} → ${fixed(last.netRssMiB, 0)} MiB`;
    lines.push(
      `${contender}: ${times(last.products / first.products)} the products → ${times(last.timeMs! / first.timeMs!)} the time, ` +
        `${memory}. ${stepText}${fitText}${output}. ${kept}${shape(rows, steps, repeat)}.`,
    );
  }
  return lines;
}

function mainSentences(summaries: Summary[], templates: string[]): string[] {
  const find = (contender: RenderContender, template: string): Summary | undefined =>
    summaries.find((s) => s.contender === contender && s.template === template && s.runs > 0);
  const lines: string[] = [];
  for (const template of templates) {
    const print = find('print-pdf', template);
    const floor = find('pdfkit-floor', template);
    const layout = find('layout', template);
    const tagged = find('tagged-text', template);
    if (!print?.timeMs) continue;
    const parts: string[] = [];
    if (floor?.timeMs && floor.netRssMiB)
      parts.push(
        `print PDF ${times(print.timeMs / floor.timeMs)} the time and ${times(print.netRssMiB! / floor.netRssMiB)} the RSS − start ` +
          `of pdfkit drawing the same runs (floor)` +
          (print.drawMsPerPage && floor.drawMsPerPage
            ? `; drawing alone ${fixed(print.drawMsPerPage, 1)} vs ${fixed(floor.drawMsPerPage, 1)} ms/page`
            : '') +
          (print.imageObjects !== undefined && floor.imageObjects !== undefined
            ? `; ${grouped(print.imageObjects)} picture objects embedded vs ${grouped(floor.imageObjects)}, ` +
              `${fixed(print.outputMiB, 1)} vs ${fixed(floor.outputMiB, 1)} MiB`
            : ''),
      );
    if (layout?.timeMs)
      parts.push(
        `layout alone ${Math.round((100 * layout.timeMs) / print.timeMs)} % of the print PDF's time` +
          (layout.keptHeapMiB !== undefined
            ? `, its plan ${fixed(layout.keptHeapMiB, 1)} MiB of heap (${grouped(layout.keptBytesPerProduct)} B/product)`
            : ''),
      );
    if (tagged?.vsReference)
      parts.push(
        `tagged text ${times(tagged.vsReference.time)} the time and ${times(tagged.vsReference.netRss)} the RSS − start of the print PDF` +
          // The file's size: cells in table and cell styles, not each with its own attributes (issue 11).
          (tagged.outputMiB !== undefined
            ? `, a ${fixed(tagged.outputMiB, 1)} MiB file for ${grouped(tagged.products)} products`
            : ''),
      );
    lines.push(`${template}: ${parts.join('; ')}.`);
  }
  const screen = find('screen-pdf', MAIN_TEMPLATE);
  if (screen?.vsReference)
    lines.push(
      `${MAIN_TEMPLATE}: screen PDF ${times(screen.vsReference.time)} the time and ${times(screen.vsReference.netRss)} the RSS − start of the print PDF.`,
    );
  for (const template of templates) {
    const layout = find('layout', template);
    const print = find('print-pdf', template);
    if (!layout?.plan) continue;
    const p = layout.plan;
    const issues = Object.entries(print?.issues ?? {})
      .map(([code, n]) => `${grouped(n)} ${code}`)
      .join(', ');
    lines.push(
      `${template}: ${grouped(layout.pages)} pages, ${grouped(p.textRuns)} text runs (${grouped(p.characters)} characters), ` +
        `${grouped(p.imageBoxes)} picture boxes from ${p.distinctImages} distinct pictures, ${grouped(p.rects)} rectangles; ` +
        `preflight: ${issues || 'no issue'}.`,
    );
  }
  return lines;
}

// ─── Peers and targets ────────────────────────────────────────────────────────────────────────────

const ours = (summaries: Summary[], s: Summary): Summary | undefined =>
  summaries.find((r) => r.runs > 0 && sameJob(r, { ...s, contender: REFERENCE }));

/** A peer's pages against ours: the HTML catalog is equivalent, not identical, so say how far apart. */
const PAGE_RANGE: [number, number] = [0.8, 1.25];

function peerTable(summaries: Summary[]): string {
  const header = [
    'peer',
    'template',
    'products',
    'pages',
    'our pages',
    'time s',
    'ms/page',
    'our time s',
    'our ms/page',
    'peer ÷ ours time',
    'per page',
    'peak MiB',
    'our peak RSS MiB',
    'peer ÷ ours memory',
    'output MiB',
    'version',
  ];
  const body = summaries
    .filter((s) => PEERS.some((p) => p === s.contender))
    .map((s) => {
      if (s.missing)
        return failedRow(header.length, [
          s.contender,
          s.template,
          grouped(s.products),
          `missing: ${s.missing}`,
        ]);
      if (s.runs === 0)
        return failedRow(header.length, [
          s.contender,
          s.template,
          grouped(s.products),
          `failed: ${s.failures[0] ?? ''}`,
        ]);
      const o = ours(summaries, s);
      return [
        s.contender,
        s.template,
        grouped(s.products),
        grouped(s.pages),
        grouped(o?.pages),
        fixed(s.timeMs! / 1000, 2),
        fixed(s.msPerPage, 1),
        fixed(o?.timeMs === undefined ? undefined : o.timeMs / 1000, 2),
        fixed(o?.msPerPage, 1),
        times(o?.timeMs ? s.timeMs! / o.timeMs : undefined),
        times(o?.msPerPage && s.msPerPage ? s.msPerPage / o.msPerPage : undefined),
        fixed(s.peakRssMiB, 0),
        fixed(o?.peakRssMiB, 0),
        times(o?.peakRssMiB ? s.peakRssMiB! / o.peakRssMiB : undefined),
        fixed(s.outputMiB, 1),
        s.peer?.version ?? '',
      ];
    });
  return renderTable(header, body, 3);
}

function peerSentences(summaries: Summary[]): string[] {
  const lines: string[] = [];
  for (const s of summaries.filter((r) => PEERS.some((p) => p === r.contender) && r.runs > 0)) {
    const o = ours(summaries, s);
    if (!o?.pages || !s.pages) continue;
    const ratio = s.pages / o.pages;
    if (ratio < PAGE_RANGE[0] || ratio > PAGE_RANGE[1])
      lines.push(
        `${s.contender} ${s.template} ${grouped(s.products)}: ${grouped(s.pages)} pages against our ${grouped(o.pages)} ` +
          `(${times(ratio)}): not the same range, so compare per page, not per catalog.`,
      );
    if (s.peer?.launchMs !== undefined)
      lines.push(
        `${s.contender} ${s.template} ${grouped(s.products)}: loading the page ${fixed(s.peer.loadMs! / 1000, 2)} s, ` +
          `printing ${fixed(s.peer.printMs! / 1000, 2)} s (launching the browser, outside the clock: ${fixed(s.peer.launchMs / 1000, 2)} s); ` +
          `memory: ${s.peer.processes ?? '?'} processes, PSS summed ${fixed(s.peakRssMiB, 0)} MiB, RSS summed ` +
          `${fixed((s.peer.browserRssSumKiB ?? 0) / 1024, 0)} MiB; the node driver ${fixed(s.peer.driverPeakRssMiB, 0)} MiB.`,
      );
  }
  return lines;
}

type Target = { line: string; figures: Record<string, number | string | undefined> };

/** The issue's "must show" lines, from this run's figures (nothing is judged: the targets are quoted). */
function targets(summaries: Summary[], products: number, large: number): Target[] {
  const find = (contender: RenderContender, template: string, size: number) =>
    summaries.find((s) => s.runs > 0 && sameJob(s, { contender, template, products: size }));
  const out: Target[] = [];
  const print = find('print-pdf', MAIN_TEMPLATE, products);
  const floor = find('pdfkit-floor', MAIN_TEMPLATE, products);
  if (print?.timeMs) {
    const chromium = summaries.find((s) => s.contender === 'chromium' && s.template === MAIN_TEMPLATE);
    const atSize = chromium?.runs && chromium.products === products;
    const chromiumOurs = chromium?.runs ? ours(summaries, chromium) : undefined;
    const faster =
      chromium?.runs && chromiumOurs?.timeMs ? chromium.timeMs! / chromiumOurs.timeMs : undefined;
    const fasterText = !chromium
      ? 'Chromium not run'
      : chromium.missing
        ? `Chromium missing (${chromium.missing})`
        : faster === undefined
          ? 'Chromium failed'
          : `${times(faster)} faster than Chromium${faster < 1 ? ` (Chromium ${times(1 / faster)} faster)` : ''}` +
            (atSize ? '' : ` (at ${grouped(chromium.products)} products)`);
    const floorRatio = floor?.timeMs ? print.timeMs / floor.timeMs : undefined;
    out.push({
      line:
        `${grouped(products)}-product grid print PDF: ${fasterText} (target ≥ 8×), ` +
        `${times(floorRatio)} pdfkit floor (target ≤ 1.5×), peak RSS ${fixed(print.peakRssMiB, 0)} MiB (target < 350)`,
      figures: {
        products,
        printSeconds: print.timeMs / 1000,
        chromiumSeconds: chromium?.timeMs === undefined ? undefined : chromium.timeMs / 1000,
        fasterThanChromium: faster,
        floorSeconds: floor?.timeMs === undefined ? undefined : floor.timeMs / 1000,
        vsFloor: floorRatio,
        peakRssMiB: print.peakRssMiB,
      },
    });
  }
  const big = find('print-pdf', LARGE_TEMPLATE, large);
  const bigText = find('tagged-text', LARGE_TEMPLATE, large);
  if (large > 0) {
    const mb = (mib: number | undefined) => (mib === undefined ? undefined : (mib * MIB) / 1e6);
    out.push({
      line:
        `${grouped(large)}-product price list: print PDF ` +
        (big?.timeMs
          ? `${fixed(big.timeMs / 1000, 1)} s (target < 30 s), ${grouped(big.pages)} pages, peak RSS ${fixed(big.peakRssMiB, 0)} MiB = ${fixed(mb(big.peakRssMiB), 0)} MB (target < 500 MB)`
          : 'failed') +
        '; tagged text ' +
        (bigText?.timeMs
          ? `${fixed(bigText.timeMs / 1000, 2)} s (target < 1.5 s), peak RSS ${fixed(bigText.peakRssMiB, 0)} MiB, ${fixed(bigText.outputMiB, 0)} MiB file`
          : 'failed'),
      figures: {
        products: large,
        printSeconds: big?.timeMs === undefined ? undefined : big.timeMs / 1000,
        printPages: big?.pages,
        printPeakRssMiB: big?.peakRssMiB,
        printPeakRssMB: mb(big?.peakRssMiB),
        taggedTextSeconds: bigText?.timeMs === undefined ? undefined : bigText.timeMs / 1000,
        taggedTextPeakRssMiB: bigText?.peakRssMiB,
        taggedTextMiB: bigText?.outputMiB,
      },
    });
  }
  return out;
}

// ─── What was measured ────────────────────────────────────────────────────────────────────────────

/**
 * A hash of the engine's sources and the templates. Other work lands in the tree while a run goes on
 * (minutes): comparing this at the start and the end tells figures of one version from a mix of two.
 */
async function engineFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const dir of ['main/engine', 'templates']) {
    const names = (await readdir(path.join(ROOT, dir), { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const file of names) hash.update(path.relative(ROOT, file)).update(await readFile(file));
  }
  return hash.digest('hex').slice(0, 12);
}

/** The commit checked out, read-only; undefined outside a git work tree. */
function commit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    }).trim();
  } catch {
    return undefined;
  }
}

// ─── Main ─────────────────────────────────────────────────────────────────────────────────────────

const argv = process.argv.slice(2);
const products = countOption(argv, '--products', DEFAULT_PRODUCTS);
const sizes = sizesOption(argv).filter((n) => n !== products);
const templates = listOption(argv, '--templates') ?? TEMPLATES;
const repeat = countOption(argv, '--repeat', 1);
const peerNames = peersOption(argv);
const peerSize: Record<PeerName, number> = {
  chromium: countOption(argv, '--chromium-products', products),
  weasyprint: countOption(argv, '--weasyprint-products', Math.min(products, DEFAULT_WEASYPRINT_PRODUCTS)),
};
const large = argv.includes('--no-large') ? 0 : countOption(argv, '--large', DEFAULT_LARGE);
// Found on the PATH, or installed with apt (root on Debian), before anything is measured.
const peers = new Map<PeerName, Peer>(
  peerNames.map((name) => [
    name,
    name === 'chromium'
      ? debianPeer(['chromium', 'chromium-browser'], 'chromium')
      : debianPeer(['weasyprint'], 'weasyprint'),
  ]),
);
for (const [name, peer] of peers) if (peer.found) process.env[peerBinEnv(name)] = absolute(peer.bin);
const available = [...peers].filter(([, p]) => p.found).map(([name]) => name);
const jobs = jobsOf(products, sizes, templates);
jobs.push(
  ...extraJobs(
    jobs,
    templates,
    available.map((name) => [name, peerSize[name]]),
    large,
  ),
);
await mkdir(OUT_DIR, { recursive: true });
const before = { commit: commit(), engine: await engineFingerprint() };

console.log(
  `Synthetic catalog: ${grouped(products)} products in 40 groups (curve also at ${sizes.map(grouped).join(', ') || 'no other size'}); ` +
    `templates ${templates.join(', ')}; outputs in ${path.relative(ROOT, OUT_DIR)}`,
);
console.log(
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `${(os.totalmem() / MIB).toFixed(1)} MiB RAM; ${repeat} run(s) per contender, each in its own process`,
);
console.log(`commit ${before.commit ?? 'unknown'}, engine and templates ${before.engine}`);
for (const [name, peer] of peers)
  console.log(
    `peer ${name}: ${peer.found ? `${peer.version} (${peer.bin}), at ${grouped(peerSize[name])} products` : `missing — ${peer.why}`}`,
  );
console.log(large ? `large: ${LARGE_TEMPLATE} at ${grouped(large)} products\n` : 'large: skipped\n');

const runs: Run[] = [];
// Round-robin rather than contender by contender, so drift over the run (heat, other load) is shared.
for (let round = 1; round <= repeat; round++) {
  for (const job of jobs) {
    process.stdout.write(
      `  ${repeat > 1 ? `round ${round}/${repeat} ` : ''}${job.contender} ${job.template} ${grouped(job.products)}… `,
    );
    // A layout that fails must not leave the floor drawing an earlier run's pages.
    if (job.contender === 'layout') rmSync(runsFile(OUT_DIR, job.template, job.products), { force: true });
    const run = runOne(job);
    runs.push(run);
    console.log(run.ok ? `${(run.timeMs / 1000).toFixed(2)} s` : `failed: ${run.error}`);
  }
}

const after = { commit: commit(), engine: await engineFingerprint() };
const changed = before.engine !== after.engine || before.commit !== after.commit;
const summaries = summarise(jobs, runs);
for (const [name, peer] of peers)
  if (!peer.found)
    for (const template of templates)
      summaries.push({
        contender: name,
        template,
        products: peerSize[name],
        runs: 0,
        failures: [],
        missing: peer.why,
      });
// The version the parent read (`--version`), where the child did not report one (WeasyPrint).
for (const s of summaries) {
  const peer = PEERS.find((p) => p === s.contender);
  const found = peer ? peers.get(peer) : undefined;
  if (s.peer && found?.found) s.peer.version ??= found.version;
}
const isPeer = (s: Summary) => PEERS.some((p) => p === s.contender);
const main = summaries.filter((s) => s.products === products && !isPeer(s));
const curve = summaries
  .filter(
    (s) =>
      s.template === MAIN_TEMPLATE &&
      s.contender !== 'baseline' &&
      s.contender !== 'screen-pdf' &&
      !isPeer(s) &&
      s.products !== large &&
      (s.products === products || sizes.includes(s.products)),
  )
  .sort((a, b) => a.contender.localeCompare(b.contender) || a.products - b.products);

if (changed)
  console.log(
    `\nThe engine changed during the run (commit ${before.commit ?? '?'} → ${after.commit ?? '?'}, sources ` +
      `${before.engine} → ${after.engine}): these figures mix two versions. Run again before comparing them.`,
  );
console.log(`\n${grouped(products)} products\n\n${mainTable(main)}\n`);
for (const line of mainSentences(main, templates)) console.log(line);
if (sizes.length) {
  console.log(`\nMemory against catalog size (${MAIN_TEMPLATE})\n\n${curveTable(curve)}\n`);
  for (const line of curveSentences(curve, repeat)) console.log(line);
}
if (peers.size) {
  console.log(
    `\nPeers: the equivalent HTML catalog printed by each peer, against our print PDF of the same products\n\n${peerTable(summaries)}\n`,
  );
  for (const line of peerSentences(summaries)) console.log(line);
}
const goals = targets(summaries, products, large);
if (goals.length) {
  console.log('\nTargets (issue 10, quoted; this run was measured, not judged)');
  for (const goal of goals) console.log(`  ${goal.line}`);
}
const failed = summaries.filter((s) => s.failures.length);
if (failed.length) {
  console.log('\nFailures:');
  for (const s of failed)
    for (const f of s.failures) console.log(`  ${s.contender} ${s.template} ${grouped(s.products)}: ${f}`);
}
console.log(
  `\nref = ${REFERENCE} of the same template. RSS − start: peak RSS minus the baseline child's of the same size ` +
    '(node, tsx, the engine modules and the catalog, nothing laid out). before p.1: from the call until the first page is ' +
    'drawn (pictures, layout, preflight, picture conversion); draw ms/page: first page to last. Kept heap: heap still held ' +
    'after a forced GC (the plan, for layout). pictures: image objects in the PDF.',
);

await writeFile(
  RESULTS,
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      version: { before, after, changedDuringRun: changed },
      machine: {
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        totalMemBytes: os.totalmem(),
      },
      products,
      sizes,
      templates,
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

// The committed summary: medians, peaks, pages, sizes, ratios, the peers' versions or why missing.
await recordResults('render', {
  version: { before, after, changedDuringRun: changed },
  loadAverage: os.loadavg(),
  products,
  sizes,
  templates,
  repeat,
  large,
  reference: REFERENCE,
  peers: Object.fromEntries(
    [...peers].map(([name, p]) => [
      name,
      p.found ? { version: p.version, bin: p.bin, products: peerSize[name] } : { missing: p.why },
    ]),
  ),
  targets: goals,
  summaries: summaries.map(({ plan, ...rest }) => ({
    ...rest,
    ...(plan ? { textRuns: plan.textRuns } : {}),
  })),
});

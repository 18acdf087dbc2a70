// Runs one contender of the render benchmark, alone in this process, and prints one line of JSON
// (see measure.ts for why each gets a process of its own).
//
// Every contender first builds the same synthetic catalog and loads the template, outside the clock:
// the catalog is the input every output starts from, and `baseline` (which does nothing else) is
// subtracted from the others' peak RSS so that "RSS − start" is what the work added.
//
// Usage (normally from bench/render.ts):
//   node --expose-gc --import tsx bench/render-one.ts <contender> <template> <products> <out-dir>
import { createReadStream, createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import type { PdfMode } from '../main/engine/export/pdf/prepare-images.ts';
import type { Format } from '../main/engine/export/export-catalog.ts';
import type { ImageSource, LayoutPlan } from '../main/engine/layout/layout-plan.ts';
import type { Catalog } from '../main/engine/model.ts';
import type { Template } from '../main/engine/templates/template.ts';
import { BUNDLED_FONTS } from '../main/service/font-provider.ts';
import { CATALOG_SHEET, makeLargeCatalog } from './make-large-catalog.ts';
import { pdfPages } from './peers/pdf-pages.ts';
import { describeError, isMain, measure, printReport, type Load, type Measurement } from './measure.ts';

export const RENDER_CONTENDERS = [
  'baseline',
  'layout',
  'print-pdf',
  'screen-pdf',
  'tagged-text',
  'pdfkit-floor',
  'chromium',
  'weasyprint',
] as const;
/** The peers: they print the equivalent HTML catalog (peers/html-catalog.ts), not our plan. */
export const PEERS = ['chromium', 'weasyprint'] as const satisfies readonly RenderContender[];
export type PeerName = (typeof PEERS)[number];
/** The parent tells a peer's child where the program is (found, or installed, by debianPeer). */
export const peerBinEnv = (peer: PeerName): string => `BENCH_${peer.toUpperCase()}_BIN`;
export type RenderContender = (typeof RENDER_CONTENDERS)[number];

/** What the layout made, counted after the clock stopped. */
export type PlanStats = {
  boxes: number;
  textRuns: number;
  /** Characters in all text runs: what pdfkit shapes and writes. */
  characters: number;
  imageBoxes: number;
  /** Distinct picture sources among the image boxes: what an embedding could share. */
  distinctImages: number;
  rects: number;
  oversetBoxes: number;
};

/** What a peer's child measured besides its own clock: the peer's memory, pages and phases. */
export type PeerFigures = {
  /** The peer's peak memory in KiB, as `memoryFrom` says: the figure compared with our peak RSS. */
  peakKiB: number;
  memoryFrom: 'browser-pss-sampled' | 'gnu-time-maxrss' | 'proc-sampling';
  /** Chromium: the sum of RSS over its processes (shared pages counted in each), sampled. */
  browserRssSumKiB?: number;
  processes?: number;
  launchMs?: number;
  loadMs?: number;
  printMs?: number;
  htmlBytes: number;
  version?: string;
};

export type RenderReport =
  | ({
      ok: true;
      contender: RenderContender;
      template: string;
      products: number;
      pages?: number;
      /** From the start of the work until the first page was drawn (PDFs): everything before drawing. */
      firstPageMs?: number;
      /** Until the last page was drawn; what follows is closing the document and writing the file. */
      lastPageMs?: number;
      /** Collecting the pictures' sizes, inside the layout contender's time. */
      imagesMs?: number;
      outputBytes?: number;
      /** `/Subtype /Image` objects in the PDF: one per embedded picture. */
      imageObjects?: number;
      /** Preflight issues by code (PDF exports). */
      issues?: Record<string, number>;
      plan?: PlanStats;
      peer?: PeerFigures;
    } & Measurement)
  | {
      ok: false;
      contender: string;
      template: string;
      products: number;
      error: string;
      /** The innermost frames of the error's stack: where it broke. */
      where?: string[];
    };

// What every export is asked for; fixed so that every run lays out the same pages.
const LOCALE = 'fr-FR';
const LANG = 'fr';
const TITLE = 'Catalogue professionnel 2026 — Quincaillerie Dupont';
const DATE = new Date(Date.UTC(2026, 0, 15));
// The service dates outputs from SOURCE_DATE_EPOCH: the same date for every contender and run.
process.env.SOURCE_DATE_EPOCH ??= String(DATE.getTime() / 1000);

export const runsFile = (outDir: string, template: string, products: number): string =>
  path.join(outDir, `runs-${template}-${products}.ndjson`);
export const outputFile = (outDir: string, contender: RenderContender, template: string, products: number) =>
  path.join(outDir, `${contender}-${template}-${products}.${contender === 'tagged-text' ? 'txt' : 'pdf'}`);
export const htmlFile = (outDir: string, template: string, products: number): string =>
  path.join(outDir, `html-${template}-${products}.html`);

type Input = { catalog: Catalog; template: Template };
type Outcome = {
  pages?: number;
  plan?: LayoutPlan;
  firstPageMs?: number;
  lastPageMs?: number;
  imagesMs?: number;
  issues?: Record<string, number>;
  peer?: PeerFigures;
  /** A peer's own clock (Chromium's excludes launching the browser): replaces the child's. */
  peerTimeMs?: number;
  keep: unknown;
};
type Job = { template: string; products: number; outDir: string };

async function input(job: Job): Promise<Input> {
  const { loadTemplate } = await import('../main/engine/templates/load-template.ts');
  return { catalog: makeLargeCatalog(job.products), template: await loadTemplate(job.template) };
}

const countCodes = (codes: readonly string[]): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
};

/** The service's last build step (`writeOutputs`) as a build calls it, with the times of the first and last page drawn. */
const viaExport =
  (job: Job, contender: RenderContender, formats: Format[], mode: PdfMode): Load<Outcome> =>
  async () => {
    const { writeOutputs } = await import('../main/service/index.ts');
    const { catalog, template } = await input(job);
    const file = outputFile(job.outDir, contender, job.template, job.products);
    return async () => {
      const started = performance.now();
      let firstPageMs: number | undefined;
      let lastPageMs: number | undefined;
      const result = await writeOutputs(
        {
          catalog,
          template,
          sheet: CATALOG_SHEET,
          out: path.dirname(file),
          baseName: path.basename(file, path.extname(file)),
          formats,
          mode,
          textVariant: 'win',
          locale: LOCALE,
          lang: LANG,
          title: TITLE,
        },
        {
          onProgress: (p) => {
            if (p.stage !== 'pdf') return;
            if (p.done === 1) firstPageMs = performance.now() - started;
            if (p.done === p.total) lastPageMs = performance.now() - started;
          },
        },
      );
      return {
        ...(formats.includes('pdf')
          ? { pages: result.pages, issues: countCodes(result.issues.map((i) => i.code)) }
          : {}),
        ...(firstPageMs !== undefined ? { firstPageMs } : {}),
        ...(lastPageMs !== undefined ? { lastPageMs } : {}),
        keep: result,
      };
    };
  };

const LOADS: Record<RenderContender, (job: Job) => Load<Outcome>> = {
  // Node, tsx, every engine module the exports load (pdfkit, sharp, fontkit) and the catalog: what
  // every other child holds before its work starts.
  baseline: (job) => async () => {
    await import('../main/engine/export/export-catalog.ts');
    const held = await input(job);
    return async () => ({ keep: held });
  },

  // What `exportCatalog` does before preflight and the PDF: the pictures' sizes, then the pure layout.
  // The plan is kept, so "kept heap" is what a plan of this many products costs.
  layout: (job) => async () => {
    const { collectImages } = await import('../main/engine/layout/collect-images.ts');
    const { layoutCatalog } = await import('../main/engine/layout/layout-catalog.ts');
    const { catalog, template } = await input(job);
    return async () => {
      const started = performance.now();
      const images = await collectImages(catalog, template.layout?.image?.field);
      const imagesMs = performance.now() - started;
      const plan = layoutCatalog(catalog, template, {
        locale: LOCALE,
        lang: LANG,
        title: TITLE,
        date: new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' }).format(DATE),
        images,
        fonts: BUNDLED_FONTS,
      });
      return { pages: plan.pages.length, plan, imagesMs, keep: plan };
    };
  },

  'print-pdf': (job) => viaExport(job, 'print-pdf', ['pdf'], 'print'),
  'screen-pdf': (job) => viaExport(job, 'screen-pdf', ['pdf'], 'screen'),
  'tagged-text': (job) => viaExport(job, 'tagged-text', ['tagged-text'], 'print'),

  // The floor: plain pdfkit drawing the text runs, rectangles and pictures our layout placed (read
  // one page at a time from the file the layout contender wrote), with the same fonts, sizes and CMYK
  // colours, streamed to a file. No layout, no preflight, no picture conversion. Text is drawn as
  // plain pdfkit draws it: no `features` option, so pdfkit shapes with the font's defaults and its
  // word-layout cache stays on (passing features turns that cache off).
  'pdfkit-floor': (job) => async () => {
    const { default: PDFDocument } = await import('pdfkit');
    // Held like every other contender's catalog, though the floor draws from the runs file: RSS − start
    // subtracts a baseline that holds it.
    const held = await input(job);
    const runs = runsFile(job.outDir, job.template, job.products);
    const file = outputFile(job.outDir, 'pdfkit-floor', job.template, job.products);
    return async () => {
      const started = performance.now();
      const lines = createInterface({ input: createReadStream(runs, 'utf8'), crlfDelay: Infinity });
      let head: FloorHead | undefined;
      let doc: PDFKit.PDFDocument | undefined;
      let out: ReturnType<typeof createWriteStream> | undefined;
      let pages = 0;
      let firstPageMs: number | undefined;
      for await (const line of lines) {
        if (!head) {
          head = JSON.parse(line) as FloorHead;
          const fonts = Object.entries(head.fonts);
          doc = new PDFDocument({
            autoFirstPage: false,
            margin: 0,
            compress: true,
            // Start on a bundled font, as ours does, so no standard-14 font is set up.
            font: fonts[0]![1],
            pdfVersion: '1.6',
          } as PDFKit.PDFDocumentOptions);
          for (const [key, fontFile] of fonts) doc.registerFont(key, fontFile);
          out = createWriteStream(file);
          doc.pipe(out);
          continue;
        }
        drawFloorPage(doc!, head, JSON.parse(line) as FloorPage);
        pages++;
        if (pages === 1) firstPageMs = performance.now() - started;
      }
      const lastPageMs = performance.now() - started;
      doc?.end();
      if (out) await finished(out);
      return { pages, ...(firstPageMs !== undefined ? { firstPageMs, lastPageMs } : {}), keep: held };
    };
  },

  chromium: (job) => viaPeer(job, 'chromium'),
  weasyprint: (job) => viaPeer(job, 'weasyprint'),
};

/**
 * A peer: the equivalent HTML catalog is written outside the clock (the input a peer starts from, as
 * the catalog is ours); the clock covers the peer turning it into a PDF on disk.
 */
const viaPeer =
  (job: Job, peer: PeerName): Load<Outcome> =>
  async () => {
    const { writeHtmlCatalog } = await import('./peers/html-catalog.ts');
    const { catalog, template } = await input(job);
    const html = htmlFile(job.outDir, job.template, job.products);
    await writeHtmlCatalog(
      catalog,
      template,
      {
        locale: LOCALE,
        lang: LANG,
        title: TITLE,
        date: new Intl.DateTimeFormat(LOCALE, { dateStyle: 'long', timeZone: 'UTC' }).format(DATE),
      },
      html,
    );
    const htmlBytes = (await stat(html)).size;
    const pdf = outputFile(job.outDir, peer, job.template, job.products);
    const bin = process.env[peerBinEnv(peer)] ?? (peer === 'chromium' ? '/usr/bin/chromium' : 'weasyprint');
    if (peer === 'chromium') {
      const { chromiumPrint } = await import('./peers/chromium-print.ts');
      return async () => {
        const r = await chromiumPrint(bin, html, pdf);
        return {
          peer: {
            peakKiB: r.browser.peakPssKiB,
            memoryFrom: 'browser-pss-sampled',
            browserRssSumKiB: r.browser.peakRssKiB,
            processes: r.browser.processes,
            launchMs: r.launchMs,
            loadMs: r.loadMs,
            printMs: r.printMs,
            htmlBytes,
            version: r.version,
          },
          peerTimeMs: r.timeMs,
          keep: catalog,
        };
      };
    }
    const { weasyPrint } = await import('./peers/weasyprint.ts');
    return async () => {
      const r = await weasyPrint(bin, html, pdf);
      return {
        peer: {
          peakKiB: r.peakRssKiB,
          memoryFrom: r.rssFrom === 'gnu-time' ? 'gnu-time-maxrss' : 'proc-sampling',
          htmlBytes,
        },
        peerTimeMs: r.timeMs,
        keep: catalog,
      };
    };
  };

// ─── The floor's input: the plan's drawing, one page a line ───────────────────────────────────────

type Cmyk4 = [number, number, number, number];
/** Media size, the fonts by pdfkit key, the pictures by index. */
type FloorHead = {
  width: number;
  height: number;
  fonts: Record<string, string>;
  images: string[];
};
/** Coordinates on the media box (bleed and slug already added), as renderPdf draws them. */
type FloorPage = {
  text: [font: string, size: number, colour: Cmyk4, x: number, y: number, text: string][];
  rects: [
    x: number,
    y: number,
    w: number,
    h: number,
    fill: Cmyk4 | null,
    stroke: Cmyk4 | null,
    lineWidth: number,
  ][];
  images: [
    x: number,
    y: number,
    w: number,
    h: number,
    px: number,
    py: number,
    pw: number,
    ph: number,
    image: number,
  ][];
};

function drawFloorPage(doc: PDFKit.PDFDocument, head: FloorHead, page: FloorPage): void {
  doc.addPage({ size: [head.width, head.height], margin: 0 });
  for (const [x, y, w, h, fill, stroke, lineWidth] of page.rects) {
    if (fill) doc.rect(x, y, w, h).fill(fill);
    if (stroke) doc.rect(x, y, w, h).lineWidth(lineWidth).stroke(stroke);
  }
  for (const [x, y, w, h, px, py, pw, ph, image] of page.images) {
    doc.save();
    doc.rect(x, y, w, h).clip();
    // A path, so pdfkit embeds each picture once and reuses it: how pdfkit is meant to be used.
    doc.image(head.images[image]!, px, py, { width: pw, height: ph });
    doc.restore();
  }
  // No `features`: pdfkit's default shaping, with its word cache (what "plain pdfkit" means here).
  for (const [font, size, colour, x, y, text] of page.text)
    doc
      .font(font)
      .fontSize(size)
      .fillColor(colour)
      .text(text, x, y, { lineBreak: false, baseline: 'alphabetic' });
}

/**
 * Writes what the plan draws as the floor reads it. renderPdf keeps its print geometry private, so
 * the same slug (10 mm for crop marks) and bleed offset are repeated here.
 */
async function writeRuns(plan: LayoutPlan, file: string): Promise<void> {
  const { fontKey, fontPath } = await import('../main/engine/layout/fonts.ts');
  const { mm } = await import('../main/engine/common/millimetres.ts');
  const offset = (plan.marks ? mm(10) : 0) + plan.bleed;
  const fonts: Record<string, string> = {};
  const images: string[] = [];
  const imageIndex = (source: ImageSource): number => {
    const key = 'path' in source ? source.path : '';
    const at = images.indexOf(key);
    return at >= 0 ? at : images.push(key) - 1;
  };
  const pages: string[] = [];
  for (const planPage of plan.pages) {
    const page: FloorPage = { text: [], rects: [], images: [] };
    for (const box of planPage.boxes) {
      const x = box.x + offset;
      const y = box.y + offset;
      if (box.kind === 'rect')
        page.rects.push([
          x,
          y,
          box.width,
          box.height,
          box.fill ?? null,
          box.stroke ?? null,
          box.lineWidth ?? 0.5,
        ]);
      else if (box.kind === 'image') {
        if (box.source && 'path' in box.source)
          page.images.push([
            x,
            y,
            box.width,
            box.height,
            box.placed.x + offset,
            box.placed.y + offset,
            box.placed.width,
            box.placed.height,
            imageIndex(box.source),
          ]);
      } else
        for (const line of box.lines)
          for (const run of line.runs) {
            const key = fontKey(run.font);
            fonts[key] ??= fontPath(run.font, BUNDLED_FONTS);
            page.text.push([key, run.size, [...run.color], x + run.x, y + line.baseline, run.text]);
          }
    }
    pages.push(JSON.stringify(page));
  }
  const head: FloorHead = {
    width: plan.width + 2 * offset,
    height: plan.height + 2 * offset,
    fonts,
    images,
  };
  const out = createWriteStream(file);
  for (const line of [JSON.stringify(head), ...pages])
    if (!out.write(`${line}\n`)) await new Promise<void>((done) => out.once('drain', () => done()));
  out.end();
  await finished(out);
}

function planStats(plan: LayoutPlan): PlanStats {
  const stats: PlanStats = {
    boxes: 0,
    textRuns: 0,
    characters: 0,
    imageBoxes: 0,
    distinctImages: 0,
    rects: 0,
    oversetBoxes: 0,
  };
  const sources = new Set<ImageSource>();
  for (const page of plan.pages)
    for (const box of page.boxes) {
      stats.boxes++;
      if (box.kind === 'rect') stats.rects++;
      else if (box.kind === 'image') {
        stats.imageBoxes++;
        if (box.source) sources.add(box.source);
      } else {
        if (box.overset) stats.oversetBoxes++;
        for (const line of box.lines)
          for (const run of line.runs) {
            stats.textRuns++;
            stats.characters += run.text.length;
          }
      }
    }
  stats.distinctImages = sources.size;
  return stats;
}

/** Counts picture XObjects without holding the PDF: pdfkit writes object dictionaries uncompressed. */
async function countImageObjects(file: string): Promise<number> {
  const needle = Buffer.from('/Subtype /Image');
  let count = 0;
  let carry = Buffer.alloc(0);
  for await (const chunk of createReadStream(file)) {
    const buffer = Buffer.concat([carry, chunk as Buffer]);
    for (let at = buffer.indexOf(needle); at >= 0; at = buffer.indexOf(needle, at + needle.length)) count++;
    // Keep a tail shorter than the needle, so a match split across chunks is found once.
    carry = buffer.subarray(buffer.length - (needle.length - 1));
  }
  return count;
}

async function run(contender: RenderContender, job: Job): Promise<RenderReport> {
  const { outcome, measurement } = await measure(LOADS[contender](job), (o) => o.keep);
  // Everything below happens after the clock and the memory readings.
  const file = outputFile(job.outDir, contender, job.template, job.products);
  const writes = contender !== 'baseline' && contender !== 'layout';
  const outputBytes = writes ? (await stat(file)).size : undefined;
  const peer = contender === 'chromium' || contender === 'weasyprint';
  const pdf = peer || contender === 'print-pdf' || contender === 'screen-pdf' || contender === 'pdfkit-floor';
  if (outcome.plan) await writeRuns(outcome.plan, runsFile(job.outDir, job.template, job.products));
  return {
    ok: true,
    contender,
    template: job.template,
    products: job.products,
    ...(outcome.pages !== undefined ? { pages: outcome.pages } : {}),
    // A peer's pages as poppler counts them in its PDF.
    ...(peer ? { pages: pdfPages(file) } : {}),
    ...(outcome.firstPageMs !== undefined ? { firstPageMs: outcome.firstPageMs } : {}),
    ...(outcome.lastPageMs !== undefined ? { lastPageMs: outcome.lastPageMs } : {}),
    ...(outcome.imagesMs !== undefined ? { imagesMs: outcome.imagesMs } : {}),
    ...(outputBytes !== undefined ? { outputBytes } : {}),
    ...(pdf ? { imageObjects: await countImageObjects(file) } : {}),
    ...(outcome.issues ? { issues: outcome.issues } : {}),
    ...(outcome.plan ? { plan: planStats(outcome.plan) } : {}),
    ...(outcome.peer ? { peer: outcome.peer } : {}),
    ...measurement,
    ...(outcome.peerTimeMs !== undefined ? { timeMs: outcome.peerTimeMs } : {}),
  };
}

const isContender = (name: string | undefined): name is RenderContender =>
  RENDER_CONTENDERS.some((c) => c === name);

async function main(argv: string[]): Promise<void> {
  const [name, template, count, outDir] = argv;
  const products = Number(count);
  if (!isContender(name) || !template || !Number.isInteger(products) || products < 1 || !outDir) {
    console.error(`usage: render-one.ts <${RENDER_CONTENDERS.join('|')}> <template> <products> <out-dir>`);
    process.exit(2);
  }
  let report: RenderReport;
  try {
    report = await run(name, { template, products, outDir });
  } catch (error) {
    // The whole stack goes to the terminal; the report keeps the frames that say where.
    console.error(error);
    const where =
      error instanceof Error
        ? (error.stack ?? '').split('\n').filter((l) => l.trimStart().startsWith('at '))
        : [];
    report = {
      ok: false,
      contender: name,
      template,
      products,
      error: describeError(error),
      ...(where.length ? { where: where.slice(0, 4).map((l) => l.trim()) } : {}),
    };
  }
  printReport(report);
}

// The parent imports this file for its list of contenders and types; only a child runs one.
if (isMain(import.meta.url)) {
  await main(process.argv.slice(2));
}

// LayoutPlan → PDF bytes with pdfkit. Print: CMYK only, TrimBox and BleedBox on every page, crop
// marks in registration colour outside the bleed, subset-embedded fonts, an OutputIntent naming the
// CMYK profile. Screen: RGB, bookmarks per group, clickable TOC and index, optional AES password.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { throwIfCancelled } from '../../cancelled.ts';
import type { OnProgress } from '../../progress.ts';
import type { Cmyk } from '../../templates/layout-schema.ts';
import { featuresOf, fontKey, fontPath, type FontProvider, type FontRef } from '../../layout/fonts.ts';
import type { Box, ImageSource, LayoutPlan, PlanFrame, PlanPage } from '../../layout/layout-plan.ts';
import { mm } from '../../common/millimetres.ts';
import { loadPdfKit } from '../../common/lazy-modules.ts';
import { pdfColour } from './colour.ts';
import { cacheShaping } from './shaping-cache.ts';
import { drawTextRun } from './draw-text.ts';
import { useRevision6 } from './encryption-r6.ts';
import { genericCmykProfile, prepareImages, type PdfMode, type PreparedImages } from './prepare-images.ts';
import { iccDescription, outputIntentEntries, type PressCondition } from './output-intent.ts';
import { drawProofMarks, type ProofMarks } from './proof-marks.ts';
import { PLACEHOLDER_STROKE } from '../../layout/item-image.ts';

export type PdfOptions = {
  mode: PdfMode;
  /** Where the font files are: the very ones the layout measured with. */
  fonts: FontProvider;
  /** Fixed creation date, for byte-identical output (tests, reproducible builds). */
  date?: Date;
  author?: string;
  subject?: string;
  /** The document's language (`en-GB`): screen readers and hyphenating viewers read it. */
  lang?: string;
  /** A folder where converted pictures are kept between builds (prepare-images.ts); none when absent. */
  imageCache?: string;
  /** Shape each distinct run once (shaping-cache.ts); off only to prove it changes no byte. */
  shapingCache?: boolean;
  /** The printer's ICC profile (CMYK); libvips's generic CMYK profile when absent. */
  icc?: Uint8Array;
  /** The standard printing condition `icc` characterizes (output-intent.ts): the OutputIntent names it. */
  press?: PressCondition;
  /** A proof (built over validation errors): its watermark and the faulty products' frames. */
  proof?: ProofMarks;
  /** Screen PDFs only. */
  password?: { user?: string; owner: string; allowPrinting?: boolean; allowCopying?: boolean };
  /** Checked before every page, and pictures: a cancelled render throws CANCELLED. */
  signal?: AbortSignal;
  /** `pdf` progress: 0 before the pictures are converted, then pages drawn out of the plan's. */
  onProgress?: OnProgress;
  /** A picture that could not be decoded, drawn as a placeholder; `row` is its product's. */
  onImageError?: (page: number, row: number | undefined) => void;
};

type Doc = PDFKit.PDFDocument;
/** pdfkit's page and catalog dictionaries: not in its public types, but where boxes and intents go. */
type Dictionary = { data: Record<string, unknown> };
type Internals = { page: { dictionary: Dictionary; resources: Dictionary }; _root: Dictionary };

const SLUG = mm(10); // room outside the bleed for crop marks
const MARK = mm(5);
const MARK_GAP = mm(1); // marks start this far outside the bleed, never inside it

const pageName = (n: number) => `page-${n}`;
/** Drawing is synchronous: every this many pages the event loop gets a turn, so a cancel is heard. */
const PAGES_PER_TURN = 8;

/** The whole PDF in memory: for previews and plans already held whole (price grids). */
export async function renderPdf(plan: LayoutPlan, options: PdfOptions): Promise<Buffer> {
  options.onProgress?.({ stage: 'pdf', done: 0, total: plan.pages.length });
  const images = await prepareImages(plan, options.mode, {
    signal: options.signal,
    cacheDir: options.imageCache,
  });
  const chunks: Buffer[] = [];
  await drawPdf(plan, plan.pages, plan.pages.length, images, options, (chunk) => chunks.push(chunk));
  return Buffer.concat(chunks);
}

/**
 * Draws `pages` (`count` of them, for progress) one at a time, handing the PDF's bytes to `write`
 * as pdfkit produces them: pages can come from an iterator that lays out or reads them back, so
 * neither the plan nor the PDF need be whole in memory. `images` must hold every picture placed.
 */
export async function drawPdf(
  plan: PlanFrame,
  pages: Iterable<PlanPage>,
  count: number,
  images: PreparedImages,
  options: PdfOptions,
  write: (chunk: Buffer) => void,
): Promise<void> {
  const { mode } = options;
  const print = mode === 'print';
  const slug = print && plan.marks ? SLUG : 0;
  const bleed = print ? plan.bleed : 0;
  const offset = slug + bleed;
  const mediaWidth = plan.width + 2 * offset;
  const mediaHeight = plan.height + 2 * offset;
  const date = options.date ?? new Date();
  const regular: FontRef = { family: 'Inter', weight: 'regular', italic: false };

  const PDFDocument = await loadPdfKit();
  const doc: Doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: true,
    // The standard 14 fonts are never embedded: start on a bundled font so Helvetica is never used.
    font: fontPath(regular, options.fonts),
    info: {
      Title: plan.title,
      ...(options.author ? { Author: options.author } : {}),
      ...(options.subject ? { Subject: options.subject } : {}),
      Creator: 'Catalog publisher',
      Producer: 'Catalog publisher (pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
    displayTitle: true,
    lang: options.lang ?? 'fr-FR',
    ...(print ? { pdfVersion: '1.6' as const } : {}),
    ...(!print && options.password
      ? {
          pdfVersion: '1.7ext3' as const,
          ...(options.password.user ? { userPassword: options.password.user } : {}),
          ownerPassword: options.password.owner,
          permissions: {
            printing: options.password.allowPrinting === false ? undefined : ('highResolution' as const),
            copying: options.password.allowCopying !== false,
            modifying: false,
            annotating: false,
            // Screen readers must still read a protected list: accessibility is never what a lock is for.
            contentAccessibility: true,
          },
        }
      : {}),
  } as PDFKit.PDFDocumentOptions);
  // pdfkit sets up AES-256 revision 5 (deprecated): same file key and stream encryption, revision 6 entries.
  if (!print && options.password) useRevision6(doc, options.password);

  doc.on('data', write);
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  // One image object per picture, however many times it is placed: pdfkit embeds a Buffer anew on
  // every call, which made a 10,000-product catalog 60 times larger than its 8 pictures need.
  const openedImages = new Map<ImageSource, object>();
  const opened = (source: ImageSource) => {
    const data = images.get(source);
    if (!data) return undefined;
    let image = openedImages.get(source);
    if (!image)
      openedImages.set(
        source,
        (image = (doc as unknown as { openImage(b: Buffer): object }).openImage(data)),
      );
    return image;
  };

  const registered = new Set<string>();
  const useFont = (font: FontRef) => {
    const key = fontKey(font);
    if (!registered.has(key)) {
      doc.registerFont(key, fontPath(font, options.fonts));
      registered.add(key);
    }
    doc.font(key);
    if (options.shapingCache !== false) cacheShaping((doc as unknown as { _font: unknown })._font);
  };
  const registration =
    print && plan.marks
      ? doc.ref({ FunctionType: 2, Domain: [0, 1], C0: [0, 0, 0, 0], C1: [1, 1, 1, 1], N: 1 })
      : undefined;
  registration?.end(undefined);
  // Facing pages open as spreads, page 1 alone on the right, as the bound catalog will.
  if (plan.safeLeft) (doc as unknown as Internals)._root.data.PageLayout = 'TwoPageRight';

  let index = 0;
  for (const page of pages) {
    if (index % PAGES_PER_TURN === PAGES_PER_TURN - 1) await nextTurn();
    throwIfCancelled(options.signal);
    doc.addPage({ size: [mediaWidth, mediaHeight], margin: 0 });
    const internals = doc as unknown as Internals;
    if (print) {
      const box = (inset: number) => [inset, inset, mediaWidth - inset, mediaHeight - inset];
      internals.page.dictionary.data.BleedBox = box(slug);
      internals.page.dictionary.data.TrimBox = box(offset);
    }
    if (!print) doc.addNamedDestination(pageName(page.number));
    for (const title of page.bookmarks) if (!print) doc.outline.addItem(title);
    for (const box of page.boxes) {
      if (box.kind === 'image' && box.source && images.failed(box.source)) {
        // The layout's placeholder hairline, not a 6 % fill a press would lose (preflight's TINT_TOO_LIGHT).
        doc
          .rect(box.x + offset, box.y + offset, box.width, box.height)
          .lineWidth(0.35)
          .stroke(pdfColour(PLACEHOLDER_STROKE, mode));
        options.onImageError?.(page.number, box.row);
        continue;
      }
      drawBox(doc, box, offset, mode, opened, useFont);
    }
    if (options.proof) {
      const frame = { boxes: page.boxes, offset, width: plan.width, height: plan.height, slug, bleed };
      drawProofMarks(doc, frame, options.proof, mode, useFont);
    }
    if (print && plan.marks && registration) drawCropMarks(doc, internals, registration, plan, slug, bleed);
    index++;
    options.onProgress?.({ stage: 'pdf', done: index, total: count });
  }

  if (print) {
    const profile = options.icc ? Buffer.from(options.icc) : await genericCmykProfile();
    const stream = doc.ref({ N: 4, Alternate: 'DeviceCMYK' });
    stream.end(profile);
    // A named condition only with the profile that characterizes it: never FOGRA39 over our generic one.
    const info = options.icc ? iccDescription(options.icc) : undefined;
    const words = outputIntentEntries(
      options.icc
        ? { ...(options.press ? { press: options.press } : {}), ...(info ? { info } : {}) }
        : undefined,
    );
    const intent = doc.ref({
      Type: 'OutputIntent',
      S: 'GTS_PDFX',
      ...Object.fromEntries(Object.entries(words).map(([key, value]) => [key, new String(value)])),
      DestOutputProfile: stream,
    });
    intent.end(undefined);
    (doc as unknown as Internals)._root.data.OutputIntents = [intent];
  }
  doc.end();
  await finished;
}

function drawBox(
  doc: Doc,
  box: Box,
  offset: number,
  mode: PdfMode,
  opened: (source: ImageSource) => object | undefined,
  useFont: (f: FontRef) => void,
): void {
  const x = box.x + offset;
  const y = box.y + offset;
  switch (box.kind) {
    case 'rect':
      if (box.fill)
        doc
          .rect(x, y, box.width, box.height)
          .fill(mode === 'screen' && box.fillRgb ? box.fillRgb : pdfColour(box.fill, mode));
      if (box.stroke)
        doc
          .rect(x, y, box.width, box.height)
          .lineWidth(box.lineWidth ?? 0.5)
          .stroke(pdfColour(box.stroke, mode));
      return;
    case 'image': {
      const data = box.source ? opened(box.source) : undefined;
      if (!data) return;
      doc.save();
      doc.rect(x, y, box.width, box.height).clip();
      doc.image(data as unknown as Buffer, box.placed.x + offset, box.placed.y + offset, {
        width: box.placed.width,
        height: box.placed.height,
      });
      doc.restore();
      return;
    }
    case 'text':
      for (const line of box.lines)
        for (const run of line.runs) {
          useFont(run.font);
          // pdfkit's text() bytes without its per-call overhead (draw-text.ts).
          drawTextRun(
            doc,
            run.text,
            run.size,
            pdfColour(run.color as Cmyk, mode),
            x + run.x,
            y + line.baseline,
            featuresOf(run.font),
          );
        }
      if (box.linkToPage !== undefined && mode === 'screen' && box.lines.length)
        doc.goTo(x, y, box.width, box.height, pageName(box.linkToPage));
      return;
  }
}

/** Corner marks on the trim lines, outside the bleed, in the registration colour (all plates). */
function drawCropMarks(
  doc: Doc,
  internals: Internals,
  fn: PDFKit.PDFKitReference,
  plan: PlanFrame,
  slug: number,
  bleed: number,
) {
  const resources = internals.page.resources.data;
  resources.ColorSpace = {
    ...(resources.ColorSpace as object | undefined),
    CSReg: ['Separation', 'All', 'DeviceCMYK', fn],
  };
  const left = slug + bleed;
  const top = slug + bleed;
  const right = left + plan.width;
  const bottom = top + plan.height;
  const far = bleed + MARK_GAP;
  const segments: [number, number, number, number][] = [];
  for (const [cx, sx] of [
    [left, -1],
    [right, 1],
  ] as const)
    for (const [cy, sy] of [
      [top, -1],
      [bottom, 1],
    ] as const) {
      segments.push([cx + sx * far, cy, cx + sx * (far + MARK), cy]); // horizontal, on the trim line
      segments.push([cx, cy + sy * far, cx, cy + sy * (far + MARK)]); // vertical
    }
  const path = segments
    .map(([x1, y1, x2, y2]) => `${x1.toFixed(2)} ${y1.toFixed(2)} m ${x2.toFixed(2)} ${y2.toFixed(2)} l`)
    .join(' ');
  doc.addContent(`q /CSReg CS 1 SCN 0.25 w ${path} S Q`);
}

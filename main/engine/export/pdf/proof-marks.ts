// What a proof — a build forced over validation errors — carries on every page, so no copy of it
// passes for the catalog: « ÉPREUVE — 5 erreurs » / "PROOF — 5 errors" across the page in large
// light letters (the prices under them still read) or in the slug outside the trim, and a red
// hairline frame with a flag giving the count around each product that has errors. Drawn over the
// page's boxes, in process red (no spot colour: a proof goes to any printer). A clean build has no
// ProofMarks, and this file draws nothing.
import type { Lang } from '../../model.ts';
import type { Cmyk } from '../../templates/layout-schema.ts';
import type { FontRef } from '../../layout/fonts.ts';
import type { Box, Rect } from '../../layout/layout-plan.ts';
import { pdfColour } from './colour.ts';
import { drawTextRun } from './draw-text.ts';
import type { PdfMode } from './prepare-images.ts';

export type ProofMarks = {
  /** Every validation error: the watermark's n. */
  count: number;
  /** Sheet row → its errors, for the rows whose boxes are framed (variants folded as laid out). */
  rows: ReadonlyMap<number, number>;
  placement: 'across' | 'slug';
  /** The words' language, and the locale the numbers are written in. */
  lang: Lang;
  locale: string;
};

const RED: Cmyk = [0, 100, 100, 0];
const WHITE: Cmyk = [0, 0, 0, 0];
const BOLD: FontRef = { family: 'Inter', weight: 'bold', italic: false };
/** Light enough that a price under the letters still reads, strong enough to see across a room. */
const WATERMARK_OPACITY = 0.16;
/** The frame stands this far outside the product's boxes, clear of its text. */
const FRAME_OUTSET = 2;
const FLAG_SIZE = 6.5;

/** « 5 erreurs », "1 error": the count in the locale's digits, the noun as the language agrees it. */
export function errorCount(count: number, lang: Lang, locale: string): string {
  const n = new Intl.NumberFormat(locale).format(count);
  // French says « 0 erreur », « 1 erreur », English "0 errors", "1 error": the language's own rule.
  const one = new Intl.PluralRules(lang).select(count) === 'one';
  if (lang === 'fr') return `${n} ${one ? 'erreur' : 'erreurs'}`;
  return `${n} ${one ? 'error' : 'errors'}`;
}

/** « ÉPREUVE — 5 erreurs » / "PROOF — 5 errors". */
export const proofLabel = (count: number, lang: Lang, locale: string): string =>
  `${lang === 'fr' ? 'ÉPREUVE' : 'PROOF'} — ${errorCount(count, lang, locale)}`;

/**
 * One frame per faulty product on the page: the smallest rectangle around its boxes (text and
 * picture carry the row), grown by a little. In the order the products first appear.
 */
export function faultyFrames(
  boxes: readonly Box[],
  rows: ReadonlyMap<number, number>,
): { rect: Rect; row: number; count: number }[] {
  const frames = new Map<number, { x1: number; y1: number; x2: number; y2: number }>();
  for (const box of boxes) {
    if (box.kind === 'rect' || box.row === undefined || !rows.has(box.row)) continue;
    const seen = frames.get(box.row);
    if (!seen) frames.set(box.row, { x1: box.x, y1: box.y, x2: box.x + box.width, y2: box.y + box.height });
    else {
      seen.x1 = Math.min(seen.x1, box.x);
      seen.y1 = Math.min(seen.y1, box.y);
      seen.x2 = Math.max(seen.x2, box.x + box.width);
      seen.y2 = Math.max(seen.y2, box.y + box.height);
    }
  }
  return [...frames].map(([row, f]) => ({
    row,
    count: rows.get(row)!,
    rect: {
      x: f.x1 - FRAME_OUTSET,
      y: f.y1 - FRAME_OUTSET,
      width: f.x2 - f.x1 + 2 * FRAME_OUTSET,
      height: f.y2 - f.y1 + 2 * FRAME_OUTSET,
    },
  }));
}

export type ProofPage = {
  boxes: readonly Box[];
  /** Where the trimmed page starts on the sheet (slug + bleed), and its size. */
  offset: number;
  width: number;
  height: number;
  /** The room outside the bleed (print PDFs with crop marks), 0 when there is none. */
  slug: number;
  bleed: number;
};

/** Draws the proof's marks over one page, after its boxes. */
export function drawProofMarks(
  doc: PDFKit.PDFDocument,
  page: ProofPage,
  proof: ProofMarks,
  mode: PdfMode,
  useFont: (font: FontRef) => void,
): void {
  const red = pdfColour(RED, mode);
  for (const { rect, count } of faultyFrames(page.boxes, proof.rows)) {
    const x = rect.x + page.offset;
    const y = rect.y + page.offset;
    doc.save();
    doc.lineWidth(0.5).rect(x, y, rect.width, rect.height).stroke(red);
    // The flag, outside the frame, never over a name or a price: a tab on a card's top-left corner
    // (over the gutter or the picture's edge); in the margin beside a table or list row, whose
    // neighbours sit right above and below it.
    useFont(BOLD);
    const label = errorCount(count, proof.lang, proof.locale);
    doc.fontSize(FLAG_SIZE);
    const width = doc.widthOfString(label) + 4;
    const height = FLAG_SIZE + 2.5;
    const row = rect.width > 0.6 * page.width;
    const left = row ? Math.max(x - width - 1, 1) : x;
    const top = row ? y : y - height;
    doc.rect(left, top, width, height).fill(red);
    drawTextRun(doc, label, FLAG_SIZE, pdfColour(WHITE, mode), left + 2, top + height - 2.2, undefined);
    doc.restore();
  }

  const label = proofLabel(proof.count, proof.lang, proof.locale);
  useFont(BOLD);
  if (proof.placement === 'slug' && page.slug > 0) {
    // Centred above and below the page, in the slug between the sheet's edge and the bleed: cut off
    // with the slug, clear of the crop marks at the corners.
    const size = Math.min(9, page.slug * 0.6);
    doc.fontSize(size);
    const width = doc.widthOfString(label);
    const sheetWidth = page.width + 2 * page.offset;
    const sheetHeight = page.height + 2 * page.offset;
    for (const middle of [page.slug / 2, sheetHeight - page.slug / 2])
      drawTextRun(doc, label, size, red, (sheetWidth - width) / 2, middle + size * 0.36, undefined);
    return;
  }
  // Across: along the page's rising diagonal, as large as fits three quarters of it.
  const diagonal = Math.hypot(page.width, page.height);
  doc.fontSize(100);
  const size = Math.min(120, (0.75 * diagonal * 100) / doc.widthOfString(label));
  doc.fontSize(size);
  const width = doc.widthOfString(label);
  const cx = page.offset + page.width / 2;
  const cy = page.offset + page.height / 2;
  doc.save();
  doc.fillOpacity(WATERMARK_OPACITY);
  doc.rotate((-Math.atan2(page.height, page.width) * 180) / Math.PI, { origin: [cx, cy] });
  drawTextRun(doc, label, size, red, cx - width / 2, cy + size * 0.36, undefined);
  doc.restore();
}

// Draws one laid-out text run straight into the page's content stream. It writes, byte for byte, what
// pdfkit's `doc.fillColor(c).text(text, x, y, { lineBreak: false, baseline: 'alphabetic', features })`
// writes (pdfkit 0.20, `_fragment`), with the font's own `encode` so glyphs are registered in the
// subset, widths and ToUnicode map exactly as pdfkit registers them. What it leaves out is the work
// around those bytes that a placed run never needs: option merging, the line wrapper, the width
// pdfkit measures only to advance its text cursor, and one content-stream chunk per operator
// (each chunk is converted to bytes on its own) — one chunk a run instead of ten.
//
// Why not merge consecutive runs into one BT…ET without repeating colour and font: the content would
// no longer be pdfkit's, so every byte golden would change and byte-for-byte checks against pdfkit
// (tests, the shaping cache's proof) would be lost, for a part of what is left: one string a run.
import type { PdfColour } from './colour.ts';

/** A glyph's placement in 1/1000 em, as pdfkit's font `encode` returns it. */
type Position = { xAdvance: number; advanceWidth: number; xOffset: number; yOffset: number };
/** pdfkit's font object (EmbeddedFont or StandardFont): not in its public types. */
type PdfFont = {
  id: string;
  ref(): unknown;
  encode(text: string, features?: object): [string[], Position[]];
};
/** The pdfkit document state `_fragment` reads and writes. */
type DocState = {
  _font: PdfFont;
  _fillColor?: unknown;
  x: number;
  y: number;
  page: { height: number; fonts: Record<string, unknown> };
  fontSize(size: number): unknown;
  addContent(data: string): unknown;
};

/** pdfkit's PDFObject.number: six decimals, as JavaScript prints them. */
const number = (n: number): number => {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
};

/**
 * The glyph operators of a run whose glyphs all sit on the baseline: they do not depend on where the
 * run is drawn, so each distinct run of a document is encoded once. Per pdfkit font object, hence per
 * document (subset glyph ids are the document's own); `null` marks a run with offset glyphs (marks),
 * encoded at every use because its operators carry absolute positions.
 */
const encodedRuns = new WeakMap<PdfFont, Map<object | undefined, Map<string, string | null>>>();
/**
 * A font's map starts afresh past this many distinct runs: memory stays bounded on any catalog (at
 * 200,000 it held 60 MB by the end of a 100,000-product list), and the runs that repeat — headers,
 * « Boîte de 100 » — are back in it within a page.
 */
const MAX_RUNS = 20_000;

/**
 * Draws `text` with the document's current font (doc.font() chosen by the caller) at `size` points,
 * in `colour` (pdfColour: CMYK 0–100 or RGB 0–255), its baseline starting at (x, baseline) in
 * pdfkit's top-down page coordinates.
 */
export function drawTextRun(
  pdf: PDFKit.PDFDocument,
  text: string,
  size: number,
  colour: PdfColour,
  x: number,
  baseline: number,
  features: object | undefined,
): void {
  const doc = pdf as unknown as DocState;
  doc.fontSize(size);
  // fillColor(): pdfkit sets the colour space and colour before anything else, even for empty text.
  const scaled = colour.length === 4 ? colour.map((v) => v / 100) : colour.map((v) => v / 255);
  doc._fillColor = [colour, undefined];
  let content = `/${colour.length === 4 ? 'DeviceCMYK' : 'DeviceRGB'} cs\n${scaled.join(' ')} scn`;
  doc.x = x;
  doc.y = baseline;
  // text(): one fragment per line of the run, each continuing where the previous one ended.
  const lines = text.includes('\n') ? text.split('\n') : [text];
  let at = x;
  for (const [i, line] of lines.entries()) {
    if (i > 0) at += pdf.widthOfString(lines[i - 1]!, { features } as PDFKit.Mixins.TextOptions);
    content += fragment(doc, line, at, baseline, size, features);
  }
  doc.addContent(content);
}

/** pdfkit's `_fragment` for a run without wrapping, spacing, rotation, decoration or stroke. */
function fragment(
  doc: DocState,
  text: string,
  x: number,
  top: number,
  size: number,
  features: object | undefined,
): string {
  if (text.length === 0) return '';
  const font = doc._font;
  const height = doc.page.height;
  const y = height - top;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  const head = `\nq\n1 0 0 -1 0 ${number(height)} cm\nBT\n1 0 0 1 ${number(x)} ${number(y)} Tm\n/${font.id} ${number(size)} Tf`;

  let byFeatures = encodedRuns.get(font);
  if (!byFeatures) encodedRuns.set(font, (byFeatures = new Map()));
  let runs = byFeatures.get(features);
  if (!runs) byFeatures.set(features, (runs = new Map()));
  const glyphs = runs.get(text);
  if (typeof glyphs === 'string') return `${head}${glyphs}\nET\nQ`;
  // First use (or a run with offset glyphs): pdfkit's encode, which also registers the glyphs.
  const [encoded, positions] = font.encode(text, features);
  const shown = showGlyphs(encoded, positions, x, y, size);
  if (glyphs === undefined) {
    if (runs.size >= MAX_RUNS) runs.clear();
    runs.set(text, positions.some((p) => p.xOffset || p.yOffset) ? null : shown);
  }
  return `${head}${shown}\nET\nQ`;
}

/** The TJ (and, around offset glyphs, Tm) operators of `_fragment`, each line preceded by `\n`. */
function showGlyphs(encoded: string[], positions: Position[], x: number, y: number, size: number): string {
  const scale = size / 1000;
  let out = '';
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${hex}> ${number(-advance)}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      out += `\n[${commands.join(' ')}] TJ`;
      commands.length = 0;
    }
  };
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out += `\n1 0 0 1 ${number(x + pos.xOffset * scale)} ${number(y + pos.yOffset * scale)} Tm`;
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out += `\n1 0 0 1 ${number(x)} ${number(y)} Tm`;
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
  return out;
}

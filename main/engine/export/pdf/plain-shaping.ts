// Glyph runs of plain Latin text without asking fontkit to shape them. Shaping was most of the time
// left in drawing a catalog: a price list's runs are nearly all distinct (references, prices), so
// caching whole runs (shaping-cache.ts) saves little, and fontkit walks every lookup over every glyph
// of every run. advance-widths.ts (which layout measures with) knows, from the font's own tables,
// which text fontkit would shape as one-to-one substitutions plus pair kerning, and what it gives.
//
// It reads the font through a private copy: its tables answer by glyph id, and making them creates
// glyph objects, while on the document's font object the first creation of a glyph fixes the
// characters its ToUnicode entry gives. The document's glyph objects are then asked for in the order
// fontkit asks for them, with the characters fontkit gives them, so the PDF stays byte-identical.
import { createHash } from 'node:crypto';
import * as fontkit from 'fontkit';
import { fastShaping, type FastShaping } from '../../layout/advance-widths.ts';

/** pdfkit's layout run: fontkit's glyphs, positions in 1/1000 em with the glyph's own advance added. */
export type Position = {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
};
export type Glyph = { id: number; advanceWidth: number; codePoints: number[] };
export type Run = { glyphs: Glyph[]; positions: Position[]; advanceWidth: number };

/** The fontkit font pdfkit embeds, as much of it as is read here. */
type DocumentFont = {
  unitsPerEm: number;
  stream?: { buffer?: Uint8Array };
  getGlyph(id: number, codePoints?: number[]): Glyph;
  glyphForCodePoint(cp: number): Glyph;
};

/** A private copy per font content, its shapers per features object (fonts.ts featuresOf: a few constants). */
const shared = new Map<string, { font: fontkit.Font; byFeatures: Map<object, FastShaping | null> }>();
const fontIds = new WeakMap<object, string>();

/**
 * A shaper for `font` (pdfkit's fontkit font of one document) with `features`: the run pdfkit's
 * `layout(text, features)` would return, or undefined for text only fontkit can shape.
 */
export function plainShaper(
  font: unknown,
  features: object,
): ((text: string) => Run | undefined) | undefined {
  const documentFont = font as DocumentFont | undefined;
  const data = documentFont?.stream?.buffer;
  if (!documentFont || !data) return undefined;
  let id = fontIds.get(documentFont);
  if (!id) fontIds.set(documentFont, (id = createHash('sha1').update(data).digest('hex')));
  let copy = shared.get(id);
  if (!copy) {
    copy = { font: fontkit.create(Buffer.from(data)) as fontkit.Font, byFeatures: new Map() };
    shared.set(id, copy);
  }
  let fast = copy.byFeatures.get(features);
  if (fast === undefined) {
    // A copy of the features: fontkit writes the features it planned into the object it is given.
    fast = fastShaping(copy.font, { ...(features as Record<string, boolean>) }) ?? null;
    copy.byFeatures.set(features, fast);
  }
  if (!fast) return undefined;
  const shaping = fast;
  const scale = 1000 / documentFont.unitsPerEm;

  return (text) => {
    const shaped = text.length > 0 ? shaping.shape(text) : undefined;
    if (!shaped) return undefined;
    const n = shaped.glyphs.length;
    // fontkit maps the characters to glyphs first, then makes the substituted glyphs with the
    // characters of the glyphs they replace, then asks for the space glyph (default ignorables).
    const originals = new Array<Glyph>(n);
    for (let i = 0; i < n; i++)
      originals[i] = documentFont.getGlyph(shaped.originals[i]!, [shaped.codePoints[i]!]);
    const glyphs = new Array<Glyph>(n);
    for (let i = 0; i < n; i++)
      glyphs[i] =
        shaped.glyphs[i] === shaped.originals[i]
          ? originals[i]!
          : documentFont.getGlyph(shaped.glyphs[i]!, [...originals[i]!.codePoints]);
    documentFont.glyphForCodePoint(0x20);
    // Font units, scaled once: the very numbers pdfkit's layoutRun makes of fontkit's.
    const positions = new Array<Position>(n);
    let advanceWidth = 0;
    for (let i = 0; i < n; i++) {
      const [x, y, dx, dy] = shaped.positions[i]!;
      const position = {
        xAdvance: x * scale,
        yAdvance: y * scale,
        xOffset: dx * scale,
        yOffset: dy * scale,
        advanceWidth: glyphs[i]!.advanceWidth * scale,
      };
      positions[i] = position;
      advanceWidth += position.xAdvance;
    }
    return { glyphs, positions, advanceWidth };
  };
}

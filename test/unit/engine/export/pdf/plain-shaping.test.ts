// Plain shaping must give pdfkit the very run fontkit would have shaped (glyph ids, the characters
// each glyph stands for, placements, width), and give up on text where only fontkit can tell.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { plainShaper, type Run } from '../../../../../main/engine/export/pdf/plain-shaping.ts';
import { featuresOf, fontKey, fontPath, type FontRef } from '../../../../../main/engine/layout/fonts.ts';
import { BUNDLED_FONTS } from '../../../../../main/service/font-provider.ts';

type PdfFont = { font: unknown; layoutRun(text: string, features: object): Run };

/** pdfkit's font object of a fresh document: its layoutRun is fontkit's shaping, as pdfkit scales it. */
function pdfFont(ref: FontRef): PdfFont {
  const doc = new PDFDocument({ autoFirstPage: false, font: fontPath(ref, BUNDLED_FONTS) });
  doc.registerFont(fontKey(ref), fontPath(ref, BUNDLED_FONTS));
  doc.font(fontKey(ref));
  return (doc as unknown as { _font: PdfFont })._font;
}

const plain = (run: Run) => ({
  advanceWidth: run.advanceWidth,
  glyphs: run.glyphs.map((g, i) => {
    const { xAdvance, yAdvance, xOffset, yOffset, advanceWidth } = run.positions[i]!;
    return [g.id, g.codePoints, xAdvance, yAdvance, xOffset, yOffset, advanceWidth];
  }),
});

// Kerned pairs (AV, To, Wa, « W), accents, apostrophes, digits, prices with French spaces, all-digit
// runs (fontkit picks the default script for them, not Latin), punctuation.
const PLAIN = [
  'AVATAR Tôle ondulée « Wave »',
  'Réf. VIS-4x40 — 1 234,50\u202f€',
  "L'œil de bœuf, Ÿ, ß, Æ, ø; T.V.A. 20 %",
  '0123456789',
  '12,50 €',
  '—',
  'Yo-yo « Tapis » (x2) / Pack: 4×40',
];
// Ligatures, combining marks, other scripts, fractions: fontkit's to shape.
const NOT_PLAIN = ['office ﬁne', 'Cafe\u0301', 'Ελληνικά', 'Кириллица', '1\u20442', ''];

describe('plain shaping', () => {
  it.each([
    { family: 'Inter', weight: 'regular', italic: false },
    { family: 'Inter', weight: 'bold', italic: true },
    { family: 'Inter', weight: 'semibold', italic: false, figures: 'tabular' },
  ] as FontRef[])('gives fontkit’s run for plain Latin text (%o)', (ref) => {
    const features = featuresOf(ref);
    const shape = plainShaper(pdfFont(ref).font, features)!;
    expect(shape).toBeDefined();
    // A fresh document for fontkit: glyph objects are created in the same order in both.
    const reference = pdfFont(ref);
    for (const text of PLAIN) {
      const run = shape(text);
      expect(run, text).toBeDefined();
      expect(plain(run!), text).toEqual(plain(reference.layoutRun(text, features)));
    }
  });

  it('kerns: a pair fontkit kerns is placed as fontkit places it, not at the glyphs’ advances', () => {
    const ref: FontRef = { family: 'Inter', weight: 'regular', italic: false };
    const run = plainShaper(pdfFont(ref).font, featuresOf(ref))!('AV')!;
    expect(run.positions[0]!.xAdvance).not.toBe(run.positions[0]!.advanceWidth);
  });

  it('substitutes tabular figures as fontkit does', () => {
    const proportional: FontRef = { family: 'Inter', weight: 'regular', italic: false };
    const tabular: FontRef = { ...proportional, figures: 'tabular' };
    const ids = (ref: FontRef) => plainShaper(pdfFont(ref).font, featuresOf(ref))!('1')!.glyphs[0]!.id;
    expect(ids(tabular)).not.toBe(ids(proportional));
  });

  it('leaves to fontkit the text it cannot vouch for', () => {
    const ref: FontRef = { family: 'Inter', weight: 'regular', italic: false };
    const shape = plainShaper(pdfFont(ref).font, featuresOf(ref))!;
    for (const text of NOT_PLAIN) expect(shape(text), text).toBeUndefined();
    expect(plainShaper(undefined, featuresOf(ref))).toBeUndefined();
  });
});

// drawTextRun must write what pdfkit's text() writes for a placed run, byte for byte: the same
// document drawn both ways, whole files compared (content streams, font subsets, ToUnicode maps).
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { drawTextRun } from '../../../../../main/engine/export/pdf/draw-text.ts';
import { cacheShaping } from '../../../../../main/engine/export/pdf/shaping-cache.ts';
import { pdfColour, type PdfColour } from '../../../../../main/engine/export/pdf/colour.ts';
import { featuresOf, fontKey, fontPath, type FontRef } from '../../../../../main/engine/layout/fonts.ts';
import { BUNDLED_FONTS } from '../../../../../main/service/font-provider.ts';

const regular: FontRef = { family: 'Inter', weight: 'regular', italic: false };
const bold: FontRef = { family: 'Inter', weight: 'bold', italic: false };
const prices: FontRef = { ...regular, figures: 'tabular' };
type Run = { text: string; font: FontRef; size: number; colour: [number, number, number, number] };

// Kerning pairs, accents, tabular prices, French spaces, a combining accent (a glyph placed with an
// offset), an empty run, a line break, and repeats at other sizes and colours (the encoded-run cache).
const RUNS: Run[] = [
  { text: 'AVATAR Tôle ondulée « Wave »', font: bold, size: 11, colour: [0, 0, 0, 100] },
  { text: 'Réf. VIS-4x40 — 1 234,50\u202f€', font: regular, size: 8, colour: [100, 60, 0, 20] },
  { text: '12,50 €', font: prices, size: 9, colour: [0, 0, 0, 85] },
  { text: 'Cafe\u0301 noir, k\u0308 Q\u0306', font: regular, size: 10, colour: [0, 100, 100, 0] },
  { text: '', font: regular, size: 10, colour: [0, 0, 0, 100] },
  { text: 'Ligne un\nLigne deux', font: regular, size: 7, colour: [0, 0, 0, 100] },
  { text: 'AVATAR Tôle ondulée « Wave »', font: bold, size: 6.5, colour: [10, 0, 0, 0] },
  { text: 'Cafe\u0301 noir, k\u0308 Q\u0306', font: regular, size: 12, colour: [0, 0, 0, 100] },
  { text: '12,50 €', font: prices, size: 9, colour: [0, 0, 0, 85] },
];

async function draw(mode: 'print' | 'screen', fast: boolean, shapingCache: boolean): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    compress: false,
    font: fontPath(regular, BUNDLED_FONTS),
    info: { CreationDate: new Date(0), ModDate: new Date(0) },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  const registered = new Set<string>();
  for (const page of [0, 1]) {
    doc.addPage({ size: [400, 300 + page], margin: 0 });
    for (const [i, run] of RUNS.entries()) {
      const key = fontKey(run.font);
      if (!registered.has(key)) doc.registerFont(key, fontPath(run.font, BUNDLED_FONTS));
      registered.add(key);
      doc.font(key);
      if (shapingCache) cacheShaping((doc as unknown as { _font: unknown })._font);
      const colour: PdfColour = pdfColour(run.colour, mode);
      const x = 10.123456789 + page;
      const y = 20 + i * 25.5;
      if (fast) drawTextRun(doc, run.text, run.size, colour, x, y, featuresOf(run.font));
      else
        doc
          .fontSize(run.size)
          .fillColor(colour)
          .text(run.text, x, y, {
            lineBreak: false,
            baseline: 'alphabetic',
            features: featuresOf(run.font) as unknown as PDFKit.Mixins.OpenTypeFeatures[],
          });
    }
    doc.rect(5, 5, 10, 10).fill(pdfColour([0, 0, 0, 50], mode));
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('drawTextRun', () => {
  it.each([
    ['print', true],
    ['screen', true],
    ['print', false],
  ] as const)('writes pdfkit text() bytes (%s, shaping cache %s)', async (mode, shapingCache) => {
    const pdfkit = await draw(mode, false, shapingCache);
    const ours = await draw(mode, true, shapingCache);
    // The test can fail: the runs are really there (a subset font, colour operators, offset glyphs).
    const text = pdfkit.toString('latin1');
    expect(text).toContain(mode === 'print' ? '/DeviceCMYK cs' : '/DeviceRGB cs');
    expect(text).toMatch(/\] TJ\n1 0 0 1 [\d.]+ [\d.]+ Tm/);
    expect(ours.toString('latin1')).toBe(text);
  });
});

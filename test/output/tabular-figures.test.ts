// Prices read back from the PDF with poppler (pdftotext -bbox): every price keeps one width per
// figure (Inter's tabular figures, `tnum`), so « 17,88 € » cannot read as « 1788 » and a column of
// prices aligns on the decimal. With proportional figures a « 1 » is two thirds of an « 8 » and
// « 5,10 » is narrower than « 9,80 »: these tests fail.
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/workbooks.ts';
import { pdfWords, type PdfWord } from '../support/pdf-words.ts';
import { buildSamplePdf } from './build-fixture.ts';

const dir = tempDir('catalog-tnum-');
const words: Record<string, PdfWord[]> = {};

async function build(templateId: string, lang: 'fr' | 'en') {
  return pdfWords(await buildSamplePdf(templateId, dir, `${templateId}-${lang}`, { lang }));
}

beforeAll(async () => {
  words['product-grid-fr'] = await build('product-grid', 'fr');
  words['product-grid-en'] = await build('product-grid', 'en');
  words['price-list-fr'] = await build('price-list', 'fr');
}, 120_000);

/** An amount as pdftotext cuts it: « 12,50 » (the € and a thousands group are words of their own), "€12.50". */
const AMOUNT = /^[€$£]?\d+[.,]\d\d$/;
/** The same figures in other digits print the same width only with tabular figures: « 5,10 » ~ « 0,00 ». */
const shape = (text: string) => text.replace(/\d/g, '0');
const digitsOf = (text: string) => text.replace(/\D/g, '');

/** Amounts grouped by shape and text height (one style: the card price, a table cell). */
function amountGroups(all: PdfWord[]): Map<string, PdfWord[]> {
  const groups = new Map<string, PdfWord[]>();
  for (const w of all) {
    if (!AMOUNT.test(w.text)) continue;
    const key = `${shape(w.text)} @ ${(w.yMax - w.yMin).toFixed(1)}`;
    groups.set(key, [...(groups.get(key) ?? []), w]);
  }
  return groups;
}

describe.each(['product-grid-fr', 'product-grid-en', 'price-list-fr'])('prices of %s', (id) => {
  it('give every figure of every price one advance width (tabular figures)', () => {
    const groups = amountGroups(words[id]!);
    // The test can fail: the sample prints prices of one shape in different figures, a 1 and an 8
    // among them (proportional « 1 » 407 units, « 8 » 619).
    const telling = [...groups.values()].filter((g) => new Set(g.map((w) => digitsOf(w.text))).size > 1);
    expect(telling.length).toBeGreaterThan(0);
    expect(telling.flat().some((w) => w.text.includes('1'))).toBe(true);
    expect(telling.flat().some((w) => w.text.includes('8'))).toBe(true);
    for (const [key, group] of groups) {
      const widths = group.map((w) => w.xMax - w.xMin);
      const spread = Math.max(...widths) - Math.min(...widths);
      expect(
        spread,
        `${key}: ${group.map((w) => `${w.text} ${(w.xMax - w.xMin).toFixed(3)}`).join(', ')}`,
      ).toBeLessThan(0.01);
    }
  });

  it('measures one more figure as one figure wider, the same for every price', () => {
    // Two shapes that differ by one figure (« 0,00 » and « 00,00 ») differ by one figure's advance;
    // that advance is one number across the document's prices in a style (one text height here).
    const groups = amountGroups(words[id]!);
    const widthOf = new Map([...groups].map(([key, g]) => [key, g[0]!.xMax - g[0]!.xMin]));
    const steps = new Map<string, number[]>();
    for (const [key, width] of widthOf) {
      const wider = widthOf.get(key.replace(/^([€$£]?)0/, '$100'));
      const height = key.split(' @ ')[1]!;
      if (wider !== undefined) steps.set(height, [...(steps.get(height) ?? []), wider - width]);
    }
    expect(steps.size).toBeGreaterThan(0);
    for (const [height, found] of steps)
      for (const step of found) expect(step, `${height}: ${found.join(', ')}`).toBeCloseTo(found[0]!, 2);
  });
});

describe('a price list column', () => {
  it('aligns its prices on the decimal: each figure before the comma one step further left', () => {
    const amounts = words['price-list-fr']!.filter((w) => AMOUNT.test(w.text));
    // Right-aligned: the amounts of a column end at one x (Prix HT, Prix TTC).
    const columns = new Map<string, PdfWord[]>();
    for (const w of amounts) columns.set(w.xMax.toFixed(2), [...(columns.get(w.xMax.toFixed(2)) ?? []), w]);
    expect(columns.size).toBe(2);
    for (const column of columns.values()) {
      // Amounts with as many figures before the comma start at one x; one figure more starts one
      // figure's advance further left, the same step each time: the commas sit at one x.
      const starts = new Map<number, Set<string>>();
      for (const w of column) {
        const figures = w.text.split(/[.,]/)[0]!.length;
        starts.set(figures, (starts.get(figures) ?? new Set()).add(w.xMin.toFixed(2)));
      }
      for (const xs of starts.values()) expect(xs.size).toBe(1);
      const byFigures = [...starts].sort((a, b) => a[0] - b[0]).map(([n, xs]) => [n, Number([...xs][0])]);
      expect(byFigures.length).toBeGreaterThan(1);
      const step = (byFigures[0]![1]! - byFigures[1]![1]!) / (byFigures[1]![0]! - byFigures[0]![0]!);
      for (const [n, x] of byFigures)
        expect(x! + n! * step).toBeCloseTo(byFigures[0]![1]! + byFigures[0]![0]! * step, 2);
    }
  });
});

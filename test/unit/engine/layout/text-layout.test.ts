import { describe, expect, it } from 'vitest';
import { fieldRuns } from '../../../../main/engine/format/field-text.ts';
import { fontMetrics, type FontRef } from '../../../../main/engine/layout/fonts.ts';
import { layoutText, type TextResult } from '../../../../main/engine/layout/text-layout.ts';
import type { TextRun } from '../../../../main/engine/model.ts';
import {
  DEFAULT_CHARACTER_STYLES,
  ParagraphStyle,
  type CharacterStyle,
} from '../../../../main/engine/templates/layout-schema.ts';
import { item, price } from './make-catalog.ts';
import { lineEnd, lineText } from './plan-queries.ts';
import { givenMoney } from '../../../../main/engine/money/given-money.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const CHARS: Record<string, CharacterStyle> = DEFAULT_CHARACTER_STYLES;
const REGULAR: FontRef = { family: 'Inter', weight: 'regular', italic: false };

/** A 10 pt paragraph style on 12 pt leading, changed by `extra`. */
const style = (extra: Partial<ParagraphStyle> = {}): ParagraphStyle =>
  ParagraphStyle.parse({ name: 'Essai', size: 10, leading: 12, ...extra });

const width = (text: string, size = 10, font = REGULAR) => fontMetrics(font, BUNDLED_FONTS).width(text, size);
const lay = (
  runs: TextRun[] | string,
  extra: Partial<ParagraphStyle>,
  frame: { width: number; height?: number },
) =>
  layoutText(
    typeof runs === 'string' ? [{ text: runs }] : runs,
    style(extra),
    CHARS,
    {
      width: frame.width,
      height: frame.height ?? 1000,
    },
    BUNDLED_FONTS,
  );
const lines = (result: TextResult) => result.lines.map(lineText);
const widest = (result: TextResult) => Math.max(0, ...result.lines.map(lineEnd));

const SENTENCE =
  'Vis à bois tête fraisée pozidriv en acier zingué, boîte de deux cents pièces pour bois tendre et dur';

describe('layoutText: line breaking', () => {
  it('breaks at ordinary spaces only, keeping every word whole and in order', () => {
    const result = lay(SENTENCE, {}, { width: 90 });
    expect(result.lines.length).toBeGreaterThan(3);
    expect(lines(result).join(' ')).toBe(SENTENCE);
    for (const line of lines(result)) expect(line).not.toMatch(/^ | $/);
  });

  it('never breaks « 1 234,50 € » joined by U+202F and U+00A0, where plain spaces would break', () => {
    const amount = `1${NNBSP}234,50${NBSP}€`;
    const frame = { width: width(amount) + 2 };
    expect(lines(lay(`Prix ${amount} HT`, {}, frame))).toEqual(['Prix', amount, 'HT']);
    // The same frame is narrow enough to split the amount if its spaces were ordinary ones.
    expect(lines(lay('Prix 1 234,50 € HT', {}, frame))).not.toContain('1 234,50 €');
  });

  it('keeps a French price from the formatter whole in a frame as wide as the price', () => {
    const format = {
      locale: 'fr-FR',
      lang: 'fr' as const,
      money: givenMoney({ currency: 'EUR', basis: 'excl' }),
    };
    const runs = fieldRuns(item(5, 'Visserie', { price: price(1234.5) }), 'price', format)!;
    const amount = `1${NNBSP}234,50${NBSP}€`;
    expect(runs.map((r) => r.text).join('')).toBe(amount);
    const result = layoutText(
      [{ text: 'Prix ' }, ...runs, { text: ' HT' }],
      style(),
      CHARS,
      {
        width: width(amount) + 1,
        height: 1000,
      },
      BUNDLED_FONTS,
    );
    expect(lines(result)).toEqual(['Prix', amount, 'HT']);
  });

  it('does not break a reference at its hyphens', () => {
    expect(lines(lay('Réf. VIS-4X30-ZN', {}, { width: width('VIS-4X30-ZN') + 1 }))).toEqual([
      'Réf.',
      'VIS-4X30-ZN',
    ]);
  });

  it('starts a new line at each \\n (Alt+Enter), keeps empty lines and steps baselines by the leading', () => {
    const result = lay('Pour béton\nSans perçage\n\nGarantie 10 ans', {}, { width: 500 });
    expect(lines(result)).toEqual(['Pour béton', 'Sans perçage', '', 'Garantie 10 ans']);
    const baselines = result.lines.map((l) => l.baseline);
    expect(baselines[1]! - baselines[0]!).toBeCloseTo(12, 6);
    expect(baselines[3]! - baselines[0]!).toBeCloseTo(36, 6);
    expect(result.height).toBeCloseTo(48, 6);
  });

  it('puts the first baseline one ascent below the top of the box', () => {
    const result = lay('Cheville', {}, { width: 100 });
    expect(result.lines[0]!.baseline).toBeCloseTo(fontMetrics(REGULAR, BUNDLED_FONTS).ascent(10), 6);
  });

  it('keeps every line within the frame width, measured with the font metrics', () => {
    const runs: TextRun[] = [
      { text: 'Manche en frêne verni, ' },
      { text: 'garantie dix ans', bold: true },
      { text: ' — tête forgée et trempée, ' },
      { text: 'usage professionnel intensif', bold: true, italic: true },
      { text: ' sur chantier et en atelier.' },
    ];
    for (let frameWidth = 70; frameWidth <= 400; frameWidth += 11) {
      const result = layoutText(runs, style(), CHARS, { width: frameWidth, height: 1000 }, BUNDLED_FONTS);
      expect(widest(result), `frame ${frameWidth}`).toBeLessThanOrEqual(frameWidth + 0.01);
      expect(result.overset).toBe(false);
    }
  });

  it('gives an empty text one empty line, not an overset box', () => {
    const result = lay('', {}, { width: 100 });
    expect(result.overset).toBe(false);
    expect(result.lines.flatMap((l) => l.runs)).toEqual([]);
  });
});

describe('layoutText: alignment', () => {
  const runs: TextRun[] = [{ text: 'Prix ' }, { text: '12,50 €', bold: true }];

  it('sets left-aligned text against the left edge', () => {
    const result = layoutText(
      runs,
      style({ align: 'left' }),
      CHARS,
      { width: 200, height: 100 },
      BUNDLED_FONTS,
    );
    expect(result.lines[0]!.runs[0]!.x).toBe(0);
  });

  it('shifts right-aligned runs so the line ends at the right edge', () => {
    const result = layoutText(
      runs,
      style({ align: 'right' }),
      CHARS,
      { width: 200, height: 100 },
      BUNDLED_FONTS,
    );
    expect(lineEnd(result.lines[0]!)).toBeCloseTo(200, 2);
    expect(result.lines[0]!.runs[0]!.x).toBeGreaterThan(100);
  });

  it('centres each line of centred text', () => {
    const result = lay('Quincaillerie Martin\nTarif', { align: 'center' }, { width: 200 });
    for (const line of result.lines) {
      const left = line.runs[0]!.x;
      expect(left).toBeGreaterThan(0);
      expect(200 - lineEnd(line)).toBeCloseTo(left, 2);
    }
  });

  it('right-aligns each line of a wrapped paragraph on its own', () => {
    const result = lay(SENTENCE, { align: 'right' }, { width: 120 });
    expect(result.lines.length).toBeGreaterThan(2);
    for (const line of result.lines) expect(lineEnd(line)).toBeCloseTo(120, 2);
  });
});

describe('layoutText: bold and italic runs', () => {
  const fontsOf = (result: TextResult) =>
    result.lines.flatMap((l) => l.runs.map((r) => [r.text.trim(), r.font.weight, r.font.italic]));

  it('draws rich-text runs in the fonts of the bold, italic and bold-italic character styles', () => {
    const result = layoutText(
      [
        { text: 'Acier ' },
        { text: 'zingué', bold: true },
        { text: ' boîte ', italic: true },
        { text: 'garantie', bold: true, italic: true },
      ],
      style(),
      CHARS,
      { width: 500, height: 100 },
      BUNDLED_FONTS,
    );
    expect(fontsOf(result)).toEqual([
      ['Acier', 'regular', false],
      ['zingué', 'bold', false],
      ['boîte', 'regular', true],
      ['garantie', 'bold', true],
    ]);
  });

  it("follows the template's own character styles: weight and colour", () => {
    const red: [number, number, number, number] = [0, 100, 100, 0];
    const chars = { ...CHARS, bold: { name: 'Accent', weight: 'semibold' as const, color: red } };
    const result = layoutText(
      [{ text: 'Prix ' }, { text: 'net', bold: true }],
      style(),
      chars,
      {
        width: 500,
        height: 100,
      },
      BUNDLED_FONTS,
    );
    const net = result.lines[0]!.runs.find((r) => r.text === 'net')!;
    expect(net.font).toEqual({ family: 'Inter', weight: 'semibold', italic: false });
    expect(net.color).toEqual(red);
    expect(result.lines[0]!.runs[0]!.color).toEqual(style().color);
  });

  it("keeps the paragraph's weight for italic runs and its font for plain ones", () => {
    const result = layoutText(
      [{ text: 'Marteau ' }, { text: 'frêne', italic: true }],
      style({ weight: 'semibold' }),
      CHARS,
      {
        width: 500,
        height: 100,
      },
      BUNDLED_FONTS,
    );
    expect(fontsOf(result)).toEqual([
      ['Marteau', 'semibold', false],
      ['frêne', 'semibold', true],
    ]);
  });

  it('measures bold words with the bold font, so a bold line still fits', () => {
    const bold: FontRef = { ...REGULAR, weight: 'bold' };
    const words = 'MMMM WWWW MMMM WWWW';
    const frameWidth = width('MMMM WWWW', 10, bold) + 0.5;
    const result = layoutText(
      [{ text: words, bold: true }],
      style(),
      CHARS,
      {
        width: frameWidth,
        height: 100,
      },
      BUNDLED_FONTS,
    );
    expect(lines(result)).toEqual(['MMMM WWWW', 'MMMM WWWW']);
    expect(widest(result)).toBeLessThanOrEqual(frameWidth);
  });
});

describe('layoutText: fitting a frame', () => {
  it('shrinks text by half points down to the style minimum before cutting anything', () => {
    const name = 'Équerre de fixation renforcée 80 mm';
    const frame = { width: width(name, 9) + 0.1, height: 100 };
    const result = lay(name, { minSize: 8, maxLines: 1 }, frame);
    expect(result.size).toBe(9);
    expect(result.overset).toBe(false);
    expect(lines(result)).toEqual([name]);
    // The leading shrinks with the size, in the style's proportion.
    expect(result.height).toBeCloseTo(12 * 0.9, 6);
    expect(result.lines[0]!.runs[0]!.size).toBe(9);
  });

  it('shrinks to fit the frame height too', () => {
    const result = lay(SENTENCE, { minSize: 6 }, { width: 150, height: 36 });
    expect(result.size).toBeLessThan(10);
    expect(result.overset).toBe(false);
    expect(result.height).toBeLessThanOrEqual(36 + 0.01);
    expect(lines(result).join(' ')).toBe(SENTENCE);
  });

  it('keeps the full size when the text fits', () => {
    const result = lay('Cheville nylon', { minSize: 6 }, { width: 200, height: 12 });
    expect(result.size).toBe(10);
    expect(result.overset).toBe(false);
  });

  it('cuts with an ellipsis at the minimum size and marks the box overset when the text still does not fit', () => {
    const result = lay(SENTENCE, { minSize: 8, maxLines: 2 }, { width: 100 });
    expect(result.size).toBe(8);
    expect(result.overset).toBe(true);
    expect(result.lines).toHaveLength(2);
    const shown = lines(result);
    expect(shown[1]!.endsWith('…')).toBe(true);
    // What is kept is the start of the text, word for word.
    expect(SENTENCE.startsWith(shown.join(' ').replace(/…$/, '').replace(/\S*$/, '').trim())).toBe(true);
    expect(widest(result)).toBeLessThanOrEqual(100 + 0.01);
  });

  it('never shows more lines than maxLines, even in a frame tall enough for more', () => {
    for (const maxLines of [1, 2, 3]) {
      const result = lay(SENTENCE, { maxLines }, { width: 80, height: 1000 });
      expect(result.lines).toHaveLength(maxLines);
      expect(result.overset).toBe(true);
    }
  });

  it('keeps only the lines the frame height holds when there is no maxLines', () => {
    const result = lay(SENTENCE, {}, { width: 80, height: 30 });
    expect(result.lines).toHaveLength(2);
    expect(result.height).toBeLessThanOrEqual(30);
    expect(result.overset).toBe(true);
    expect(lines(result)[1]!.endsWith('…')).toBe(true);
  });

  it('does not add an ellipsis to text that fits', () => {
    const result = lay('Marteau de charpentier', { maxLines: 2 }, { width: 200, height: 100 });
    expect(lines(result)).toEqual(['Marteau de charpentier']);
  });

  it('cuts a word wider than the frame at the minimum size letter by letter, every line within the frame', () => {
    const word = '3760123456784-VIS-TRES-LONGUE';
    const result = lay(word, { minSize: 8 }, { width: 40 });
    expect(result.lines.length).toBeGreaterThan(1);
    expect(lines(result).join('')).toBe(word);
    expect(widest(result)).toBeLessThanOrEqual(40.01);
  });

  // Regression: a word wider than the line is
  // cut letter by letter at the full size, before any shrinking — « VIS-TRES-LONGUE- / 4X30 », or a
  // price « 1 234, / 50 € » in a narrow column — although it would fit whole at minSize, and the cut
  // is silent (overset false). Fixed by: try the sizes down to minSize without cutting words first, and
  // cut letter by letter only at minSize (and then tell preflight).
  it('shrinks a word wider than the frame towards minSize before cutting it', () => {
    const word = 'VIS-TRES-LONGUE-4X30';
    const result = lay(word, { minSize: 6 }, { width: width(word, 8) + 0.5 });
    expect(lines(result)).toEqual([word]);
    expect(result.size).toBeLessThanOrEqual(8);
  });

  // Regression: only words of one piece are cut; a word whose letters
  // change style (« VIS-TRES-LONGUE-**4X30-ZINGUE** » from a rich cell) is left wider than the
  // frame (166 pt in 60) and not overset. Fixed by: cut across pieces, measuring each piece in its font.
  it('cuts a rich word wider than the frame too', () => {
    const result = layoutText(
      [{ text: 'VIS-TRES-LONGUE-' }, { text: '4X30-ZINGUE', bold: true }],
      style(),
      CHARS,
      { width: 60, height: 1000 },
      BUNDLED_FONTS,
    );
    expect(widest(result) <= 60.01 || result.overset).toBe(true);
  });

  // Regression: the shrink loop steps by 0.5 pt from `size`, so a minSize off
  // that grid (8.2 under 10) is never tried in the loop; the fallback then lays the text out at
  // minSize, where it fits, but still appends the ellipsis and shortens the last word
  // ("pièces" → "pièc…") — with overset false, so the cut is silent. Fixed by: try minSize itself as the
  // last step of the loop, and add the ellipsis only when lines were dropped (all.length > kept.length).
  it('does not cut text that fits at a minimum size off the half-point steps', () => {
    const text = 'Vis à bois tête fraisée acier zingué boîte de deux cents pièces';
    const result = lay(text, { minSize: 8.2, maxLines: 1 }, { width: 240 });
    expect(result.overset || !lines(result)[0]!.includes('…')).toBe(true);
    expect(lines(result)).toEqual([text]);
  });

  // Regression: the ellipsis loop only shortens the last word; when that word is one
  // letter the loop stops at "…" alone and the line stays wider than the frame (114.2 pt in 112).
  // Fixed by: when the last word is used up, drop it and put the ellipsis after the word before.
  it('keeps the line cut with an ellipsis within the frame', () => {
    const result = lay('aaaa bbbb cccc dddd a eeee ffff', { maxLines: 1 }, { width: 112 });
    expect(result.overset).toBe(true);
    expect(widest(result)).toBeLessThanOrEqual(112 + 0.01);
  });

  // Regression: a frame lower than one line (`room` is clamped to 1) gets its one
  // line with an ellipsis appended although nothing was cut ("Hello…"), the box is taller than its
  // frame, and overset is false. Fixed by: overset = all.length > kept.length || kept.length * leading >
  // frame.height, and the ellipsis only when lines were dropped.
  it('reports overset a line taller than its frame', () => {
    const result = lay('Cheville', {}, { width: 200, height: 8 });
    expect(lines(result)).toEqual(['Cheville']);
    expect(result.overset).toBe(true);
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { layoutText } from '../../../../main/engine/layout/text-layout.ts';
import type { TextRun } from '../../../../main/engine/model.ts';
import { DEFAULT_CHARACTER_STYLES, ParagraphStyle } from '../../../../main/engine/templates/layout-schema.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';
import { lineText } from './plan-queries.ts';

const STYLE = ParagraphStyle.parse({ name: 'Essai', size: 10, leading: 12, minSize: 7 });
const FRAME = { width: 180, height: 90 };

const lay = (runs: TextRun[], style = STYLE, frame = FRAME) =>
  layoutText(runs, style, DEFAULT_CHARACTER_STYLES, frame, BUNDLED_FONTS);

const SENTENCE = 'Vis à bois tête fraisée pozidriv en acier zingué, boîte de deux cents pièces ';

afterEach(() => vi.restoreAllMocks());

describe('layoutText: a very long text', () => {
  it('keeps the same lines as a text just long enough to overflow, and marks the box overset', () => {
    // Long enough to overflow by many lines, short enough to be laid out whole.
    const overflowing = SENTENCE.repeat(12);
    const reference = lay([{ text: overflowing }]);
    expect(reference.overset).toBe(true);
    for (const tail of [SENTENCE.repeat(1300), 'x'.repeat(100_000), '\n'.repeat(50_000)]) {
      const result = lay([{ text: overflowing + tail }]);
      expect(result).toEqual(reference);
    }
  });

  it('cuts a 100,000-letter word into the lines the frame holds, ending with an ellipsis', () => {
    const result = lay([{ text: 'x'.repeat(100_000) }]);
    expect(result.overset).toBe(true);
    expect(result.size).toBe(7);
    expect(result.lines).toHaveLength(Math.floor(90 / (7 * 1.2)));
    expect(lineText(result.lines.at(-1)!)).toMatch(/^x+…$/);
  });

  it('segments and measures only what could fit, not the whole text', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    lay([{ text: 'y'.repeat(100_000), bold: true }, { text: 'z'.repeat(100_000) }]);
    const segmented = segment.mock.calls.reduce((sum, [text]) => sum + text.length, 0);
    // Letters were cut from a head of the text: a few lines' worth each time, never 200,000.
    expect(segmented).toBeGreaterThan(0);
    expect(segmented).toBeLessThan(20_000);
  });

  it('still lays out whole a long text in a frame with room for it', () => {
    const text = SENTENCE.repeat(40);
    const result = lay([{ text }], STYLE, { width: 400, height: 10_000 });
    expect(result.overset).toBe(false);
    expect(result.lines.map(lineText).join(' ')).toBe(text.trim());
  });
});

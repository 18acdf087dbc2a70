// The shaping cache must change nothing but the time: the same plan drawn with and without it gives
// the same bytes, for a catalog (proportional figures, contextual alternates off) and a price list
// (tabular figures), in print and on screen.
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../../../../main/engine/export/pdf/render-pdf.ts';
import { cacheShaping } from '../../../../../main/engine/export/pdf/shaping-cache.ts';
import { BUNDLED_FONTS } from '../../../../../main/service/font-provider.ts';
import { samplePlan } from '../../../../output/build-fixture.ts';

const date = new Date('2026-01-05T00:00:00Z');

describe('the shaping cache', () => {
  it.each([
    ['product-grid', 'print'],
    ['price-list', 'screen'],
  ] as const)('draws %s (%s) byte for byte as without it', async (template, mode) => {
    const { plan } = await samplePlan(template);
    const cached = await renderPdf(plan, { mode, fonts: BUNDLED_FONTS, date });
    const plain = await renderPdf(plan, { mode, fonts: BUNDLED_FONTS, date, shapingCache: false });
    expect(cached.equals(plain)).toBe(true);
  });

  it('shapes a run once per set of features, and a width-only call gets the whole run', () => {
    const calls: string[] = [];
    const font = {
      layout: (text: string, features?: object, onlyWidth?: boolean) => {
        calls.push(`${text}:${features ? 'f' : '-'}:${onlyWidth ? 'w' : 'g'}`);
        return { glyphs: [text], positions: [], advanceWidth: text.length };
      },
    };
    cacheShaping(font);
    cacheShaping(font); // twice is once
    const tabular = { tnum: true };
    const plain = { calt: false };
    const first = font.layout('12,50', tabular);
    expect(font.layout('12,50', tabular, true)).toBe(first);
    font.layout('12,50', plain);
    font.layout('12,50'); // no features: pdfkit's own word cache, not ours
    font.layout('12,50');
    expect(calls).toEqual(['12,50:f:g', '12,50:f:g', '12,50:-:g', '12,50:-:g']);
  });
});

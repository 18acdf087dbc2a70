// TINT_TOO_LIGHT: a flat fill under 8 % total ink breaks up or vanishes on press — said once per
// tint with its pages, in print only; none (a deliberate white) and a picture's own backdrop pass.
import { describe, expect, it } from 'vitest';
import type { Box, LayoutPlan, PlanPage, RectBox } from '../../../../main/engine/layout/layout-plan.ts';
import type { Cmyk } from '../../../../main/engine/templates/layout-schema.ts';
import { pageRanges, preflight, type PreflightOptions } from '../../../../main/engine/preflight/preflight.ts';
import { DEFAULT_GRID, Layout } from '../../../../main/engine/templates/layout-schema.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { BUNDLED_FONTS } from '../../../../main/service/font-provider.ts';

const options = (mode: 'print' | 'screen'): PreflightOptions => ({
  mode,
  fonts: BUNDLED_FONTS,
  sheet: 'Tarif',
});
const card = (fill: Cmyk, extra: Partial<RectBox> = {}): Box => ({
  kind: 'rect',
  x: 40,
  y: 60,
  width: 150,
  height: 200,
  fill,
  ...extra,
});
function planOf(...pages: Box[][]): LayoutPlan {
  return {
    title: 'Tarif',
    width: 595.28,
    height: 841.89,
    bleed: 8.5,
    marks: true,
    safe: { x: 34, y: 51, width: 527, height: 745 },
    pages: pages.map((boxes, i): PlanPage => ({ number: i + 1, boxes, bookmarks: [] })),
    issues: [],
  };
}
const tints = (plan: LayoutPlan, mode: 'print' | 'screen' = 'print') =>
  preflight(plan, options(mode)).filter((i) => i.code === 'TINT_TOO_LIGHT');

describe('TINT_TOO_LIGHT', () => {
  it('warns once per light tint, naming its ink and pages', () => {
    const light = card([0, 0, 0, 4]);
    const plan = planOf([light, light], [light], [light], [light], [], [card([2, 2, 2, 0])]);
    const found = tints(plan);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      params: { colour: '0/0/0/4', ink: 4, pages: '1–4', minTint: 8 },
    });
    expect(found[0]!.message.fr).toContain("aplat de 4\u202f% d'encre");
    expect(found[0]!.message.en).toContain('below the 8 % a press holds');
    expect(found[1]!.params).toMatchObject({ ink: 6, pages: '6' });
  });

  it('lets through 8 % and more, no ink at all, a picture’s backdrop, and screen PDFs', () => {
    const plan = planOf([
      card([0, 0, 0, 8]),
      card([0, 0, 0, 0]),
      card([0, 0, 2, 3], { fillRgb: [250, 248, 240] }),
      { kind: 'rect', x: 0, y: 0, width: 10, height: 10, stroke: [0, 0, 0, 4] },
    ]);
    expect(tints(plan)).toEqual([]);
    expect(tints(planOf([card([0, 0, 0, 4])]), 'screen')).toEqual([]);
  });

  it('finds nothing in the shipped defaults (cards, stripes)', async () => {
    expect(DEFAULT_GRID.background.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(8);
    for (const id of ['product-grid', 'list-catalog', 'price-list']) {
      const layout = Layout.parse((await loadTemplate(id)).layout);
      const fills = [layout.grid?.background, layout.table?.stripeFill, layout.table?.headerFill];
      for (const fill of fills)
        if (fill)
          expect(
            fill.reduce((a, b) => a + b, 0),
            `${id} ${fill.join('/')}`,
          ).not.toSatisfy((ink: number) => ink > 0 && ink < 8);
    }
  });
});

describe('pageRanges', () => {
  it('shortens runs of pages', () => {
    expect(pageRanges([1, 2, 3, 5, 7, 8])).toBe('1–3, 5, 7–8');
    expect(pageRanges([4])).toBe('4');
    expect(pageRanges([])).toBe('');
  });
});

// The plan tells, page by page, which products it shows and where: what lets a click on a preview
// page find its sheet row, and a row find its page.
import { describe, expect, it } from 'vitest';
import { PlanResponse } from '../../../main/api/channels.ts';
import { call } from '../../../main/service/index.ts';
import { pageProducts } from '../../../main/service/page-products.ts';
import type { LayoutPlan } from '../../../main/engine/layout/layout-plan.ts';

const FRENCH = 'samples/quincaillerie-tarif-2026.xlsx';

describe('the products on each planned page', () => {
  it('merges a product’s boxes into one rectangle, grown to the card behind it alone', () => {
    const text = (row: number | undefined, x: number, y: number) => ({
      kind: 'text' as const,
      style: 'name',
      lines: [],
      overset: false,
      x,
      y,
      width: 10,
      height: 5,
      ...(row !== undefined ? { row } : {}),
    });
    const plan = {
      width: 500,
      height: 500,
      pages: [
        {
          number: 1,
          bookmarks: [],
          boxes: [
            text(7, 0, 0),
            text(7, 20, 30),
            text(undefined, 50, 50),
            // Behind both products: not one product's card.
            { kind: 'rect' as const, x: 0, y: 0, width: 100, height: 100 },
            text(9, 40, 0),
            // Product 9's card.
            { kind: 'rect' as const, x: 38, y: -2, width: 20, height: 30 },
            // The page's background: not a card.
            { kind: 'rect' as const, x: 0, y: 0, width: 500, height: 500 },
          ],
        },
        { number: 2, bookmarks: [], boxes: [] },
      ],
    } as unknown as LayoutPlan;
    expect(pageProducts(plan)).toEqual([
      [
        { row: 7, x: 0, y: 0, width: 30, height: 35 },
        { row: 9, x: 38, y: -2, width: 20, height: 30 },
      ],
      [],
    ]);
  });

  it('answers the plan channel with one list of rows per page, each product on one page', async () => {
    const result = await call('plan', { file: FRENCH, lang: 'fr', layout: { cover: true } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const plan = PlanResponse.parse(result.value);
    expect(plan.pageRows).toHaveLength(plan.pages);
    expect(plan.pageBoxes).toHaveLength(plan.pages);
    // The cover shows no product; later pages do, and each box lies inside the page.
    expect(plan.pageRows[0]).toEqual([]);
    const all = plan.pageRows.flat();
    expect(all.length).toBeGreaterThan(10);
    expect(new Set(all).size).toBe(all.length);
    for (const [i, boxes] of plan.pageBoxes.entries()) {
      expect(boxes.map((b) => b.row)).toEqual(plan.pageRows[i]);
      for (const b of boxes) {
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height).toBeLessThanOrEqual(plan.height);
      }
    }
  });
});

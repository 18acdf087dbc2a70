// Which products each planned page shows, and where: a preview page is a picture, and this is what
// lets a click on it find the sheet row behind a card or a table line. A product's boxes (picture,
// name, price…) are merged into one rectangle per page, grown to the card or table stripe drawn
// behind them when there is one (a click on a card's empty picture frame still finds its row);
// pages without products (cover, contents, index) have none.
import type { LayoutPlan, Rect } from '../engine/layout/layout-plan.ts';

export type ProductBox = { row: number; x: number; y: number; width: number; height: number };

type Edges = { x0: number; y0: number; x1: number; y1: number };

const edges = (r: Rect): Edges => ({ x0: r.x, y0: r.y, x1: r.x + r.width, y1: r.y + r.height });
const merge = (a: Edges, b: Edges): Edges => ({
  x0: Math.min(a.x0, b.x0),
  y0: Math.min(a.y0, b.y0),
  x1: Math.max(a.x1, b.x1),
  y1: Math.max(a.y1, b.y1),
});
// Half a point of slack: boxes are computed in floating point.
const holds = (outer: Edges, inner: Edges) =>
  outer.x0 <= inner.x0 + 0.5 &&
  outer.y0 <= inner.y0 + 0.5 &&
  outer.x1 >= inner.x1 - 0.5 &&
  outer.y1 >= inner.y1 - 0.5;
const area = (e: Edges) => (e.x1 - e.x0) * (e.y1 - e.y0);

export function pageProducts(plan: LayoutPlan): ProductBox[][] {
  return plan.pages.map((page) => {
    const byRow = new Map<number, Edges>();
    for (const box of page.boxes) {
      if (box.kind === 'rect' || box.row === undefined) continue;
      const seen = byRow.get(box.row);
      byRow.set(box.row, seen ? merge(seen, edges(box)) : edges(box));
    }
    // Backgrounds a product may sit on: drawn rectangles smaller than half the page.
    const backs = page.boxes
      .filter((b) => b.kind === 'rect')
      .map(edges)
      .filter((e) => area(e) < (plan.width * plan.height) / 2);
    const all = [...byRow.values()];
    return [...byRow].map(([row, own]) => {
      const back = backs
        .filter((b) => holds(b, own) && all.every((other) => other === own || !holds(b, other)))
        .sort((a, b) => area(a) - area(b))[0];
      const r = back ? merge(own, back) : own;
      return { row, x: r.x0, y: r.y0, width: r.x1 - r.x0, height: r.y1 - r.y0 };
    });
  });
}

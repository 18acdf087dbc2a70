// Facing pages: every page is laid out against the right-hand page's content rect, and a left-hand
// page takes its side when it is finished: its boxes move across by the difference of the two
// margins, so the inside margin is at the gutter (on the right of a left-hand page) and the outer
// one at the edge. Moved, not mirrored: a row of cards, a contents entry and its page number keep
// their order and read left to right. Only where boxes sit changes, never what is inside them.
// Backgrounds that span the whole page, bleed included, stay where they are.
import type { Box, PlanPage } from './layout-plan.ts';
import { isLeftHand, type Geometry } from './page-geometry.ts';

/** `boxes` moved `dx` points across; a box spanning the page's `width` (a background) stays. Pure. */
export function shiftBoxes(boxes: readonly Box[], dx: number, width: number): Box[] {
  return boxes.map((box) => {
    if (box.x <= 0 && box.x + box.width >= width) return box;
    if (box.kind === 'image')
      return { ...box, x: box.x + dx, placed: { ...box.placed, x: box.placed.x + dx } };
    return { ...box, x: box.x + dx };
  });
}

/** Moves `page` to its side, in place, when it is a left-hand page of a facing document. */
export function sidePage<P extends PlanPage>(page: P, geometry: Geometry): P {
  const dx = geometry.contentLeft.x - geometry.content.x;
  if (dx !== 0 && isLeftHand(geometry, page.number)) page.boxes = shiftBoxes(page.boxes, dx, geometry.width);
  return page;
}

import { describe, expect, it } from 'vitest';
import { mm } from '../../../../main/engine/common/millimetres.ts';
import type { Box, PlanPage } from '../../../../main/engine/layout/layout-plan.ts';
import { contentOf, isLeftHand, pageGeometry } from '../../../../main/engine/layout/page-geometry.ts';
import { shiftBoxes, sidePage } from '../../../../main/engine/layout/page-side.ts';

const facing = pageGeometry({
  size: 'A4',
  orientation: 'portrait',
  margins: { top: 15, right: 12, bottom: 15, left: 12, inside: 20, outside: 10 },
  bleed: 3,
  marks: true,
  facing: true,
});
const single = pageGeometry({
  size: 'A4',
  orientation: 'portrait',
  margins: { top: 15, right: 12, bottom: 15, left: 20 },
  bleed: 3,
  marks: true,
});

const boxes = (): Box[] => [
  // A card in the first column and one in the second, as a grid lays them out.
  { kind: 'rect', x: facing.content.x, y: 100, width: 150, height: 200, fill: [0, 0, 0, 8] },
  { kind: 'rect', x: facing.content.x + 160, y: 100, width: 150, height: 200 },
  {
    kind: 'image',
    x: facing.content.x,
    y: 100,
    width: 150,
    height: 100,
    placed: { x: facing.content.x + 25, y: 100, width: 100, height: 100 },
  },
  // A background from bleed to bleed.
  { kind: 'rect', x: -facing.bleed, y: -facing.bleed, width: facing.width + 2 * facing.bleed, height: 300 },
];
const page = (number: number): PlanPage => ({ number, bookmarks: [], boxes: boxes() });

describe('facing pages', () => {
  it('put the inside margin at the gutter: left on a right-hand page, right on a left-hand one', () => {
    expect(facing.content.x).toBeCloseTo(mm(20), 9);
    expect(facing.width - facing.content.x - facing.content.width).toBeCloseTo(mm(10), 9);
    expect(facing.contentLeft.x).toBeCloseTo(mm(10), 9);
    expect(facing.width - facing.contentLeft.x - facing.contentLeft.width).toBeCloseTo(mm(20), 9);
    expect(facing.contentLeft.width).toBeCloseTo(facing.content.width, 9);
  });

  it('read left = inside and right = outside when the template gives no inside/outside', () => {
    const g = pageGeometry({
      size: 'A4',
      orientation: 'portrait',
      margins: { top: 15, right: 12, bottom: 15, left: 18 },
      bleed: 3,
      marks: true,
      facing: true,
    });
    expect(g.content.x).toBeCloseTo(mm(18), 9);
    expect(g.contentLeft.x).toBeCloseTo(mm(12), 9);
  });

  it('start on the right: page 1 and every odd page are right-hand pages', () => {
    expect([1, 2, 3, 4].map((n) => isLeftHand(facing, n))).toEqual([false, true, false, true]);
    expect(contentOf(facing, 2)).toBe(facing.contentLeft);
    expect(contentOf(facing, 3)).toBe(facing.content);
    expect([1, 2].map((n) => isLeftHand(single, n))).toEqual([false, false]);
  });

  it('move the boxes of an even page across to the left-hand content, keeping their order', () => {
    const moved = sidePage(page(2), facing).boxes;
    const dx = facing.contentLeft.x - facing.content.x;
    expect(dx).toBeLessThan(0);
    const original = boxes();
    for (const i of [0, 1, 2]) expect(moved[i]!.x).toBeCloseTo(original[i]!.x + dx, 9);
    // The first column stays on the left of the second: moved, not mirrored.
    expect(moved[0]!.x).toBeLessThan(moved[1]!.x);
    const image = moved[2]!;
    expect(image.kind === 'image' && image.placed.x).toBeCloseTo(facing.content.x + 25 + dx, 9);
    // Against the left-hand content's edge, inside its margins.
    expect(moved[0]!.x).toBeCloseTo(facing.contentLeft.x, 9);
  });

  it('leave odd pages, single pages and bleed-to-bleed backgrounds where they are', () => {
    expect(sidePage(page(3), facing).boxes).toEqual(boxes());
    expect(sidePage(page(2), single).boxes).toEqual(boxes());
    const background = boxes()[3]!;
    expect(sidePage(page(2), facing).boxes[3]).toEqual(background);
  });

  it('shift a copy: the boxes given are not changed', () => {
    const given = boxes();
    const before = JSON.stringify(given);
    shiftBoxes(given, -30, facing.width);
    expect(JSON.stringify(given)).toBe(before);
  });
});

import { describe, expect, it } from 'vitest';
import { MM, mm } from '../../../../main/engine/common/millimetres.ts';
import { pageGeometry } from '../../../../main/engine/layout/page-geometry.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { DEFAULT_PARAGRAPH_STYLES, type Layout } from '../../../../main/engine/templates/layout-schema.ts';

type Page = Layout['page'];
const page = (change: Partial<Page> = {}): Page => ({
  size: 'A4',
  orientation: 'portrait',
  margins: { top: 15, right: 12, bottom: 15, left: 12 },
  bleed: 3,
  marks: true,
  facing: false,
  ...change,
});

describe('millimetres to points', () => {
  it('counts 72 points to the inch of 25.4 mm', () => {
    expect(mm(25.4)).toBeCloseTo(72, 10);
    expect(MM).toBeCloseTo(2.834645669, 8);
    expect(mm(0)).toBe(0);
  });
});

describe('pageGeometry', () => {
  it('gives A4 portrait as 595.28 × 841.89 points', () => {
    const g = pageGeometry(page());
    expect(g.width).toBeCloseTo(595.2756, 3);
    expect(g.height).toBeCloseTo(841.8898, 3);
  });

  it('turns A4 on its side in landscape', () => {
    const g = pageGeometry(page({ orientation: 'landscape' }));
    expect(g.width).toBeCloseTo(841.8898, 3);
    expect(g.height).toBeCloseTo(595.2756, 3);
  });

  it.each<[Page['size'], number, number]>([
    ['A3', 841.8898, 1190.5512],
    ['A5', 419.5276, 595.2756],
    ['Letter', 612, 792],
  ])('gives %s its size in points', (size, width, height) => {
    const g = pageGeometry(page({ size }));
    expect(g.width).toBeCloseTo(width, 3);
    expect(g.height).toBeCloseTo(height, 3);
  });

  it('reads a custom size in millimetres and orients it whichever side was typed first', () => {
    for (const size of [
      { width: 100, height: 150 },
      { width: 150, height: 100 },
    ]) {
      const portrait = pageGeometry(page({ size }));
      expect([portrait.width, portrait.height]).toEqual([mm(100), mm(150)]);
      const landscape = pageGeometry(page({ size, orientation: 'landscape' }));
      expect([landscape.width, landscape.height]).toEqual([mm(150), mm(100)]);
    }
  });

  it('gives the bleed in points', () => {
    expect(pageGeometry(page()).bleed).toBeCloseTo(8.5039, 3);
    expect(pageGeometry(page({ bleed: 0 })).bleed).toBe(0);
    expect(pageGeometry(page({ bleed: 5 })).bleed).toBeCloseTo(mm(5), 10);
  });

  it('puts the content area inside the margins, each side its own', () => {
    const g = pageGeometry(page({ margins: { top: 20, right: 10, bottom: 25, left: 15 } }));
    expect(g.content.x).toBeCloseTo(mm(15), 10);
    expect(g.content.y).toBeCloseTo(mm(20), 10);
    expect(g.content.x + g.content.width).toBeCloseTo(g.width - mm(10), 10);
    expect(g.content.y + g.content.height).toBeCloseTo(g.height - mm(25), 10);
  });

  it('keeps the content area inside the margins in landscape', () => {
    const g = pageGeometry(page({ orientation: 'landscape' }));
    expect(g.content.width).toBeCloseTo(g.width - mm(24), 10);
    expect(g.content.height).toBeCloseTo(g.height - mm(30), 10);
  });

  it('fills the whole page when the margins are zero', () => {
    const g = pageGeometry(page({ margins: { top: 0, right: 0, bottom: 0, left: 0 } }));
    expect(g.content).toEqual({ x: 0, y: 0, width: g.width, height: g.height });
  });

  it.each(['product-grid', 'list-catalog', 'price-list'])(
    'sets the running heads of %s in the margins, inside the trim',
    async (id) => {
      const g = pageGeometry((await loadTemplate(id)).layout!.page);
      const running = DEFAULT_PARAGRAPH_STYLES.running;
      expect(g.headerY).toBeGreaterThan(0);
      expect(g.headerY + running.leading).toBeLessThanOrEqual(g.content.y);
      expect(g.footerY).toBeGreaterThanOrEqual(g.content.y + g.content.height);
      expect(g.footerY + running.leading).toBeLessThanOrEqual(g.height);
    },
  );
});

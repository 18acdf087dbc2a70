import { describe, expect, it } from 'vitest';
import { thrown } from '../../../fixtures/catalog-error.ts';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { Box } from '../../../../main/engine/layout/layout-plan.ts';
import { mm } from '../../../../main/engine/common/millimetres.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import type { Template } from '../../../../main/engine/templates/template.ts';
import { COUNTS, FAMILIES, options, product, threeFamilies, TITLE } from './make-catalog.ts';
import { bodyPages, boxText, fieldBoxes, groupHeaders, referencePages, rowOf } from './plan-queries.ts';

const TEMPLATES: Record<string, Template> = {
  'product-grid': await loadTemplate('product-grid'),
  'list-catalog': await loadTemplate('list-catalog'),
  'price-list': await loadTemplate('price-list'),
};

const ascending = (numbers: number[]) => [...numbers].sort((a, b) => a - b);

const inside = (box: Box, area: { x: number; y: number; width: number; height: number }, slack = 0.01) =>
  box.x >= area.x - slack &&
  box.y >= area.y - slack &&
  box.x + box.width <= area.x + area.width + slack &&
  box.y + box.height <= area.y + area.height + slack;

describe.each(Object.keys(TEMPLATES))('layoutCatalog with the built-in template %s', (id) => {
  const template = TEMPLATES[id]!;
  const catalog = threeFamilies(COUNTS[id]!, id);
  const plan = layoutCatalog(catalog, template, options('fr'));
  const trim = { x: 0, y: 0, width: plan.width, height: plan.height };

  it('prints every product exactly once: one reference box per catalog row', () => {
    const boxes = fieldBoxes(plan, 'reference');
    expect(ascending(boxes.map(({ box }) => box.row!))).toEqual(catalog.items.map((i) => i.row));
    for (const { box } of boxes) {
      const reference = catalog.items.find((i) => i.row === box.row)!.fields.reference;
      expect(reference?.kind).toBe('text');
      if (reference?.kind === 'text') expect(boxText(box)).toContain(reference.value);
    }
  });

  it('runs the long family onto a second page', () => {
    const pages = new Set(
      catalog.groups[1]!.items.map((i) => referencePages(plan).get(i.row)).filter((p) => p !== undefined),
    );
    expect(pages.size).toBeGreaterThanOrEqual(2);
  });

  it('keeps products in catalog order, page after page', () => {
    const pages = catalog.items.map((i) => referencePages(plan).get(i.row)!);
    expect(pages).toEqual(ascending(pages));
  });

  it('numbers the pages 1 to n in order', () => {
    expect(plan.pages.map((p) => p.number)).toEqual(plan.pages.map((_, i) => i + 1));
  });

  it('keeps every box inside the trim, but for the cover band that runs to the bleed', () => {
    const bleedBox = {
      x: -plan.bleed,
      y: -plan.bleed,
      width: plan.width + 2 * plan.bleed,
      height: plan.height + 2 * plan.bleed,
    };
    plan.pages.forEach((page, p) => {
      const cover = p === 0 && template.layout!.cover !== undefined;
      for (const box of page.boxes) {
        if (cover && box.kind === 'rect') expect(inside(box, bleedBox), `cover ${box.kind}`).toBe(true);
        else expect(inside(box, trim), `page ${page.number}: ${box.kind} at ${box.x},${box.y}`).toBe(true);
      }
    });
  });

  it('keeps the text of every product inside the safe area', () => {
    for (const page of plan.pages)
      for (const box of page.boxes)
        if (box.kind === 'text' && box.row !== undefined)
          expect(
            // Facing pages: a left-hand page has its own safe area, the right-hand one's mirrored.
            inside(box, page.number % 2 === 0 && plan.safeLeft ? plan.safeLeft : plan.safe),
            `page ${page.number}: ${box.field} of row ${box.row}`,
          ).toBe(true);
  });

  it('fits the text of ordinary products: nothing overset', () => {
    const overset = plan.pages.flatMap((p) => p.boxes).filter((b) => b.kind === 'text' && b.overset);
    expect(overset).toEqual([]);
  });

  it('opens each family with its header, and each page it runs onto with its "(suite)" header', () => {
    for (const group of catalog.groups) {
      const pages = [...new Set(group.items.map((i) => referencePages(plan).get(i.row)!))];
      pages.forEach((number, k) => {
        const page = plan.pages[number - 1]!;
        const expected = k === 0 ? group.name : `${group.name} (suite)`;
        const header = groupHeaders(page).find((h) => boxText(h) === expected);
        expect(header, `page ${number} of ${group.name}`).toBeDefined();
        // The header sits above the family's products on that page.
        const rows = new Set(group.items.map((i) => i.row));
        for (const box of page.boxes)
          if (rows.has(rowOf(box) ?? -1)) expect(box.y).toBeGreaterThan(header!.y);
      });
    }
  });

  it('says "(continued)" in English', () => {
    const english = layoutCatalog(catalog, template, options('en'));
    const headers = english.pages.flatMap(groupHeaders).map(boxText);
    expect(headers).toContain('Outillage (continued)');
    expect(headers.join()).not.toContain('(suite)');
  });

  it('never leaves a family header last on its page: a product follows it there', () => {
    for (const page of plan.pages)
      for (const header of groupHeaders(page))
        expect(page.boxes.some((b) => rowOf(b) !== undefined && b.y > header.y)).toBe(true);
  });

  it('gives the same plan twice: layout is deterministic', () => {
    expect(layoutCatalog(threeFamilies(COUNTS[id]!, id), template, options('fr'))).toEqual(plan);
  });

  it("describes the page from the template's settings: trim, bleed, marks, safe area, title", () => {
    const page = template.layout!.page;
    expect(plan.width).toBeCloseTo(mm(210), 6);
    expect(plan.height).toBeCloseTo(mm(297), 6);
    expect(plan.bleed).toBeCloseTo(mm(page.bleed), 6);
    expect(plan.marks).toBe(page.marks);
    // Facing pages: the right-hand page's safe area starts at the inside margin, by the gutter.
    const gutter = page.facing ? (page.margins.inside ?? page.margins.left) : page.margins.left;
    expect(plan.safe.x).toBeCloseTo(mm(gutter), 6);
    if (page.facing) {
      const outside = page.margins.outside ?? page.margins.right;
      expect(plan.safeLeft!.x).toBeCloseTo(mm(outside), 6);
      expect(plan.safeLeft!.x + plan.safeLeft!.width).toBeCloseTo(plan.width - mm(gutter), 6);
    } else expect(plan.safeLeft).toBeUndefined();
    expect(plan.safe.y).toBeCloseTo(mm(page.margins.top), 6);
    expect(plan.title).toBe(TITLE);
    expect(plan.issues).toEqual([]);
  });

  it('shows each page of products once per family, in the order of the families', () => {
    const firstPages = FAMILIES.map((name) =>
      plan.pages.find((p) => groupHeaders(p).some((h) => boxText(h) === name)),
    );
    expect(firstPages.every((p) => p !== undefined)).toBe(true);
    const numbers = firstPages.map((p) => p!.number);
    expect(numbers).toEqual(ascending(numbers));
    expect(bodyPages(plan).length).toBeGreaterThanOrEqual(2);
  });
});

describe('layoutCatalog: edge cases', () => {
  const grid = TEMPLATES['product-grid']!;

  it('refuses a data-only template with TEMPLATE_NO_LAYOUT, in both languages', () => {
    const { layout: _layout, ...dataOnly } = grid;
    const error = thrown(() => layoutCatalog(threeFamilies([1, 1, 1]), dataOnly, options()));
    expect(error.code).toBe('TEMPLATE_NO_LAYOUT');
    expect(error.text.fr).toContain('product-grid');
    expect(error.text.en).toContain('product-grid');
  });

  it('still gives a body page for a catalog without products', () => {
    const plan = layoutCatalog(
      { source: { file: 'vide.xlsx', sheet: 'Tarif' }, template: 'product-grid', items: [], groups: [] },
      grid,
      options(),
    );
    expect(plan.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(plan.pages.flatMap((p) => p.boxes).some((b) => rowOf(b) !== undefined)).toBe(false);
  });

  it('skips empty families', () => {
    const catalog = threeFamilies([2, 0, 2]);
    const plan = layoutCatalog(catalog, grid, options());
    const headers = plan.pages.flatMap(groupHeaders).map(boxText);
    expect(headers).toEqual(['Visserie', 'Quincaillerie']);
  });

  it('lays out an ungrouped catalog without family headers or contents', () => {
    const items = Array.from({ length: 5 }, (_, i) => product(5 + i, '', i));
    const plan = layoutCatalog(
      {
        source: { file: 't.xlsx', sheet: 'Tarif' },
        template: 'product-grid',
        items,
        groups: [{ name: '', items }],
      },
      grid,
      options(),
    );
    expect(plan.pages.flatMap(groupHeaders)).toEqual([]);
    // The cover, then the products straight away.
    expect(plan.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(fieldBoxes(plan, 'reference')).toHaveLength(5);
  });

  it('stops when the signal is aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() =>
      layoutCatalog(threeFamilies([2, 2, 2]), grid, { ...options(), signal: controller.signal }),
    ).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { LayoutPlan, PlanPage, TextBox } from '../../../../main/engine/layout/layout-plan.ts';
import { rowsPerPage } from '../../../../main/engine/layout/group-header.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../../../../main/engine/templates/layout-schema.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import type { Template } from '../../../../main/engine/templates/template.ts';
import { COUNTS, options, threeFamilies, withGrouping } from './make-catalog.ts';
import { boxText, groupHeaders, referencePages, rowOf, RUNNING } from './plan-queries.ts';

const TEMPLATES: Record<string, Template> = {
  'product-grid': await loadTemplate('product-grid'),
  'list-catalog': await loadTemplate('list-catalog'),
  'price-list': await loadTemplate('price-list'),
};
const IDS = Object.keys(TEMPLATES);

/** The first thing printed on a page, running heads aside. */
const topOf = (page: PlanPage) =>
  page.boxes
    .filter((b) => !(b.kind === 'text' && b.style === RUNNING))
    .reduce((top, b) => (b.y < top.y ? b : top));

/** Every family header has a product printed below it on the same page. */
function lonelyHeaders(plan: LayoutPlan): string[] {
  return plan.pages.flatMap((page) =>
    groupHeaders(page)
      .filter((h) => !page.boxes.some((b) => rowOf(b) !== undefined && b.y > h.y))
      .map((h) => `page ${page.number}: ${boxText(h)}`),
  );
}

describe.each(IDS)('family headers in %s', (id) => {
  const template = TEMPLATES[id]!;

  it('with grouping.newPage, starts each family at the top of a page of its own', () => {
    const catalog = threeFamilies(COUNTS[id]!, id);
    const plan = layoutCatalog(catalog, withGrouping(template, { newPage: true }), options());
    const pages = referencePages(plan);
    catalog.groups.forEach((group, g) => {
      const first = pages.get(group.items[0]!.row)!;
      const page = plan.pages[first - 1]!;
      const top = topOf(page);
      expect(top.kind === 'text' && boxText(top), `${group.name} on page ${first}`).toBe(group.name);
      if (g > 0) {
        const before = catalog.groups[g - 1]!.items.map((i) => pages.get(i.row)!);
        expect(Math.max(...before)).toBeLessThan(first);
      }
    });
  });

  it('without grouping.newPage, lets a short family follow the previous one on its page', () => {
    const catalog = threeFamilies([2, 2, 2], id);
    const plan = layoutCatalog(catalog, withGrouping(template, { newPage: false }), options());
    const pages = referencePages(plan);
    const [visserie, outillage] = catalog.groups;
    expect(pages.get(outillage!.items[0]!.row)).toBe(pages.get(visserie!.items[0]!.row));
    expect(plan.pages.flatMap(groupHeaders).map(boxText)).toEqual(['Visserie', 'Outillage', 'Quincaillerie']);
  });

  it('keeps a family header with its first product, whatever the length of the family before it', () => {
    const loose = withGrouping(template, { newPage: false });
    for (let before = 1; before <= 24; before++) {
      const plan = layoutCatalog(threeFamilies([before, 3, 2], id), loose, options());
      expect(lonelyHeaders(plan), `${before} products before`).toEqual([]);
    }
  });

  it('uses the "(suite)" words of the template', () => {
    const custom = withGrouping(template, { continued: { fr: '— suite', en: '— cont.' } });
    const catalog = threeFamilies(COUNTS[id]!, id);
    const fr = layoutCatalog(catalog, custom, options('fr')).pages.flatMap(groupHeaders).map(boxText);
    const en = layoutCatalog(catalog, custom, options('en')).pages.flatMap(groupHeaders).map(boxText);
    expect(fr).toContain('Outillage — suite');
    expect(en).toContain('Outillage — cont.');
  });

  it('draws no family header when the template turns them off, but keeps every product', () => {
    const catalog = threeFamilies(COUNTS[id]!, id);
    const plan = layoutCatalog(catalog, withGrouping(template, { header: false }), options());
    expect(plan.pages.flatMap(groupHeaders)).toEqual([]);
    expect(referencePages(plan).size).toBe(catalog.items.length);
  });

  it('bookmarks each family on the page its header opens, and only there', () => {
    const catalog = threeFamilies(COUNTS[id]!, id);
    const plan = layoutCatalog(catalog, template, options());
    for (const group of catalog.groups) {
      const marked = plan.pages.filter((p) => p.bookmarks.includes(group.name));
      expect(marked).toHaveLength(1);
      expect(groupHeaders(marked[0]!).map(boxText)).toContain(group.name);
    }
  });
});

describe('rowsPerPage', () => {
  it('fills each page, and takes a row from the page before rather than end on one lone row', () => {
    expect(rowsPerPage([1, 1, 1, 1], 3, 3)).toEqual([2, 2]);
    expect(rowsPerPage([1, 1, 1, 1, 1, 1, 1], 3, 3)).toEqual([3, 2, 2]);
    // Nothing to take when the page before keeps too few: a group that starts low on a page.
    expect(rowsPerPage([1, 1, 1], 2, 3)).toEqual([2, 1]);
    expect(rowsPerPage([1, 1, 1], 3, 3)).toEqual([3]);
    // Rows of their own heights; the two last must fit together on the last page.
    expect(rowsPerPage([1, 1, 1, 2.5], 3, 3)).toEqual([3, 1]);
    expect(rowsPerPage([], 3, 3)).toEqual([]);
  });
});

describe('the flow of families', () => {
  const grid = TEMPLATES['product-grid']!;
  const list = TEMPLATES['list-catalog']!;
  const CONTINUED = DEFAULT_PARAGRAPH_STYLES.groupHeaderContinued;

  it('opens a new page only for a family that fills the share of a page the template sets', () => {
    // One row, one row, then a full page of cards.
    const catalog = threeFamilies([3, 3, 9]);
    const plan = layoutCatalog(
      catalog,
      withGrouping(grid, { newPage: true, newPageMinFill: 0.5 }),
      options(),
    );
    const pages = referencePages(plan);
    const first = catalog.groups.map((g) => pages.get(g.items[0]!.row)!);
    expect(first[1]).toBe(first[0]);
    expect(first[2]).toBeGreaterThan(first[1]!);
    expect(boxText(topOf(plan.pages[first[2]! - 1]!) as TextBox)).toBe('Quincaillerie');
    // Without a threshold, every family opens a page, as before.
    const always = layoutCatalog(
      catalog,
      withGrouping(grid, { newPage: true, newPageMinFill: 0 }),
      options(),
    );
    const starts = catalog.groups.map((g) => referencePages(always).get(g.items[0]!.row)!);
    expect(new Set(starts).size).toBe(3);
  });

  it("sets a continued family's header smaller and grey, in a style of its own", () => {
    const plan = layoutCatalog(threeFamilies(COUNTS['product-grid']!), grid, options());
    const continued = plan.pages.flatMap(groupHeaders).filter((h) => boxText(h).endsWith('(suite)'));
    expect(continued.length).toBeGreaterThan(0);
    for (const header of continued) {
      expect(header.style).toBe(CONTINUED.name);
      const run = header.lines[0]!.runs[0]!;
      expect(run.size).toBeLessThan(DEFAULT_PARAGRAPH_STYLES.groupHeader.size);
      expect(run.color).toEqual(CONTINUED.color);
    }
  });

  it.each([
    ['product-grid', grid],
    ['list-catalog', list],
  ])(
    'never ends a family in %s on a page of one lone row when the page before can spare one',
    (_, template) => {
      const isGrid = template === grid;
      for (let n = 1; n <= 30; n++) {
        const catalog = threeFamilies([n, 2, 2]);
        const plan = layoutCatalog(catalog, withGrouping(template, { newPage: true }), options());
        const pages = referencePages(plan);
        const family = catalog.groups[0]!.items;
        // Rows of the family on each page: a grid's row is the cards of one height on the page.
        const rows = new Map<number, Set<string>>();
        for (const product of family) {
          const page = pages.get(product.row)!;
          const ref = plan.pages[page - 1]!.boxes.find((b) => b.kind === 'text' && b.row === product.row)!;
          if (!rows.has(page)) rows.set(page, new Set());
          rows.get(page)!.add(isGrid ? ref.y.toFixed(1) : String(product.row));
        }
        const counts = [...rows.values()].map((r) => r.size);
        const last = counts.length - 1;
        if (last >= 1 && counts[last] === 1)
          expect(counts[last - 1], `${n} products: ${counts}`).toBeLessThan(3);
      }
    },
  );
});

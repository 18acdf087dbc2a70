import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { LayoutPlan, PlanPage } from '../../../../main/engine/layout/layout-plan.ts';
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

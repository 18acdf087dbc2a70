import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { LayoutPlan, PlanPage } from '../../../../main/engine/layout/layout-plan.ts';
import { fillTokens } from '../../../../main/engine/layout/running-heads.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import type { Template } from '../../../../main/engine/templates/template.ts';
import { COUNTS, DATE, options, threeFamilies, TITLE, withLayout } from './make-catalog.ts';
import { bodyPages, boxText, groupHeaders, RUNNING, runningHeads, textBoxes } from './plan-queries.ts';

const TEMPLATES: Record<string, Template> = {
  'product-grid': await loadTemplate('product-grid'),
  'list-catalog': await loadTemplate('list-catalog'),
  'price-list': await loadTemplate('price-list'),
};

/** The family a body page is about: the first one whose products it shows. */
const familyOf = (page: PlanPage) => boxText(groupHeaders(page)[0]!).replace(/ \(suite\)$/, '');

describe('fillTokens', () => {
  it('replaces the tokens it knows and leaves the others as typed', () => {
    expect(fillTokens('{title} — p. {page}/{pages}', { title: 'Tarif', page: '3', pages: '9' })).toBe(
      'Tarif — p. 3/9',
    );
    expect(fillTokens('{title} {unknown}', { title: 'Tarif' })).toBe('Tarif {unknown}');
    expect(fillTokens('no token', {})).toBe('no token');
  });

  it('fills a value once, without reading tokens inside it', () => {
    expect(fillTokens('{title}', { title: 'Prix {date}', date: 'x' })).toBe('Prix {date}');
  });
});

describe.each(Object.keys(TEMPLATES))('running heads of %s', (id) => {
  const template = TEMPLATES[id]!;
  const plan = layoutCatalog(threeFamilies(COUNTS[id]!, id), template, options('fr'));
  const hasCover = template.layout!.cover !== undefined;
  const headed = plan.pages.slice(hasCover ? 1 : 0);

  it('leaves no token unfilled anywhere in the plan', () => {
    for (const page of plan.pages)
      for (const box of textBoxes(page)) expect(boxText(box), `page ${page.number}`).not.toMatch(/[{}]/);
  });

  it('prints "{page} / {pages}" as the folio of every page but the cover', () => {
    for (const page of headed)
      expect(runningHeads(plan, page).footerRight).toBe(`${page.number} / ${plan.pages.length}`);
  });

  it('prints the title in the header and the date in the footer', () => {
    for (const page of headed) {
      expect(runningHeads(plan, page).headerLeft).toBe(TITLE);
      expect(runningHeads(plan, page).footerLeft).toBe(DATE.fr);
    }
  });

  it("names each product page's family in the header, and no family on the other pages", () => {
    for (const page of headed) {
      const right = runningHeads(plan, page).headerRight;
      if (bodyPages(plan).includes(page)) expect(right, `page ${page.number}`).toBe(familyOf(page));
      else expect(right).toBeUndefined();
    }
  });

  it('sets the running heads in the margins, clear of the products', () => {
    for (const page of headed)
      for (const box of textBoxes(page).filter((b) => b.style === RUNNING)) {
        const above = box.y + box.height <= plan.safe.y + 0.01;
        const below = box.y >= plan.safe.y + plan.safe.height - 0.01;
        expect(above || below).toBe(true);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(plan.height);
      }
  });
});

describe('running heads of a designer template', () => {
  it('fill every token, wherever it is typed', () => {
    const grid = TEMPLATES['product-grid']!;
    const custom = withLayout(grid, {
      header: { left: '{group} · {title}', right: 'Édition du {date}' },
      footer: { right: 'Page {page} sur {pages}' },
    });
    const plan: LayoutPlan = layoutCatalog(threeFamilies([2, 2, 2]), custom, options('fr'));
    const page = bodyPages(plan)[0]!;
    const heads = runningHeads(plan, page);
    expect(heads.headerLeft).toBe(`Visserie · ${TITLE}`);
    expect(heads.headerRight).toBe(`Édition du ${DATE.fr}`);
    expect(heads.footerRight).toBe(`Page ${page.number} sur ${plan.pages.length}`);
    expect(heads.footerLeft).toBeUndefined();
  });

  it('drop a head whose only token is empty on that page', () => {
    const grid = TEMPLATES['product-grid']!;
    const plan = layoutCatalog(threeFamilies([2, 2, 2]), grid, options('fr'));
    const toc = plan.pages[1]!;
    expect(runningHeads(plan, toc).all).toEqual([TITLE, DATE.fr, `2 / ${plan.pages.length}`]);
  });
});

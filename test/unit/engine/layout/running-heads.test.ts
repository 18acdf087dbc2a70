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

/**
 * A page's running heads by side: `outer` is the edge away from the gutter (the right of a single
 * page or a right-hand page, the left of a left-hand one), `inner` the other.
 */
function sides(plan: LayoutPlan, page: PlanPage) {
  const heads = runningHeads(plan, page);
  const leftHand = plan.safeLeft !== undefined && page.number % 2 === 0;
  return leftHand
    ? {
        headerInner: heads.headerRight,
        headerOuter: heads.headerLeft,
        footerInner: heads.footerRight,
        footerOuter: heads.footerLeft,
      }
    : {
        headerInner: heads.headerLeft,
        headerOuter: heads.headerRight,
        footerInner: heads.footerLeft,
        footerOuter: heads.footerRight,
      };
}

/** The families a body page is about: the first whose products it shows, and the last when another. */
function familyOf(page: PlanPage): string {
  const families = groupHeaders(page).map((b) => boxText(b).replace(/ \(suite\)$/, ''));
  const [first, last] = [families[0]!, families.at(-1)!];
  return last === first ? first : `${first}\u00a0– ${last}`;
}

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

  it('prints « page N » as the folio of every page but the cover, on the outer edge', () => {
    for (const page of headed) expect(sides(plan, page).footerOuter).toBe(`page ${page.number}`);
  });

  it('prints the title in the header and the date in the footer, on the inner side', () => {
    for (const page of headed) {
      expect(sides(plan, page).headerInner).toBe(TITLE);
      expect(sides(plan, page).footerInner).toBe(DATE.fr);
    }
  });

  it('binds the catalogs on facing pages, and keeps the price list on single pages', () => {
    expect(plan.safeLeft !== undefined).toBe(id !== 'price-list');
  });

  it("names each product page's family (the first and the last when it shows several) in the header, and no family on the other pages", () => {
    for (const page of headed) {
      const right = sides(plan, page).headerOuter;
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
    expect(heads.headerLeft).toBe(`${familyOf(page)} · ${TITLE}`);
    expect(familyOf(page)).toMatch(/^Visserie/);
    expect(heads.headerRight).toBe(`Édition du ${DATE.fr}`);
    expect(heads.footerRight).toBe(`Page ${page.number} sur ${plan.pages.length}`);
    expect(heads.footerLeft).toBeUndefined();
  });

  it('drop a head whose only token is empty on that page', () => {
    const grid = TEMPLATES['product-grid']!;
    const plan = layoutCatalog(threeFamilies([2, 2, 2]), grid, options('fr'));
    const toc = plan.pages[1]!;
    expect(runningHeads(plan, toc).all).toEqual([TITLE, DATE.fr, 'page 2']);
  });

  it('print no title, and never the file name, when the catalog has none', () => {
    const grid = TEMPLATES['product-grid']!;
    const plan = layoutCatalog(threeFamilies([2, 2, 2]), grid, { ...options('fr'), title: '' });
    const heads = plan.pages.flatMap((page) => runningHeads(plan, page).all);
    expect(heads).toContain('page 2');
    expect(heads.join(' ')).not.toMatch(/Tarif|Quincaillerie Martin|undefined/);
  });

  it('put the folio on the outer edge of facing pages: left on even pages, right on odd ones', () => {
    const grid = TEMPLATES['product-grid']!;
    const plan = layoutCatalog(threeFamilies([9, 9, 9]), grid, options('fr'));
    for (const page of plan.pages.slice(1)) {
      const heads = runningHeads(plan, page);
      if (page.number % 2 === 0) expect(heads.footerLeft, `page ${page.number}`).toBe(`page ${page.number}`);
      else expect(heads.footerRight, `page ${page.number}`).toBe(`page ${page.number}`);
      // Set in the outer margin's column: flush with the content's outer edge.
      const folio = textBoxes(page).find((b) => b.style.length && boxText(b) === `page ${page.number}`)!;
      const safe = page.number % 2 === 0 ? plan.safeLeft! : plan.safe;
      expect(folio.x).toBeCloseTo(safe.x, 6);
    }
  });
});

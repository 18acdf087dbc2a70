import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { Box, LayoutPlan, RectBox } from '../../../../main/engine/layout/layout-plan.ts';
import { mm } from '../../../../main/engine/common/millimetres.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import type { Template } from '../../../../main/engine/templates/template.ts';
import { catalogOf, COUNTS, item, options, price, text, threeFamilies, withLayout } from './make-catalog.ts';
import { bodyPages, boxText, lineEnd, rowOf, textBoxes } from './plan-queries.ts';

const NBSP = '\u00a0';
const list = await loadTemplate('list-catalog');
const RULE = list.layout!.list!.rule;

const boxesOf = (plan: LayoutPlan, row: number): { page: number; box: Box }[] =>
  plan.pages.flatMap((p) => p.boxes.filter((b) => rowOf(b) === row).map((box) => ({ page: p.number, box })));
const bottom = (boxes: Box[]) => Math.max(...boxes.map((b) => b.y + b.height));
const top = (boxes: Box[]) => Math.min(...boxes.map((b) => b.y));
const rules = (plan: LayoutPlan) =>
  plan.pages.flatMap((p) =>
    p.boxes
      .filter((b): b is RectBox => b.kind === 'rect' && String(b.fill) === String(RULE))
      .map((box) => ({ page: p.number, box })),
  );

/** Each product's boxes end before the next product's on the same page, with a rule between them. */
function overlaps(plan: LayoutPlan, rows: number[]): string[] {
  const found: string[] = [];
  for (let k = 1; k < rows.length; k++) {
    const before = boxesOf(plan, rows[k - 1]!);
    const after = boxesOf(plan, rows[k]!);
    if (before[0]!.page !== after[0]!.page) continue;
    const end = bottom(before.map((b) => b.box));
    if (end > top(after.map((b) => b.box)) + 0.01) found.push(`row ${rows[k - 1]} runs into row ${rows[k]}`);
    const rule = rules(plan).find((r) => r.page === after[0]!.page && r.box.y >= end - 0.01);
    if (!rule || rule.box.y > top(after.map((b) => b.box)))
      found.push(`no rule between ${rows[k - 1]} and ${rows[k]}`);
  }
  return found;
}

describe('list-catalog: one row per product', () => {
  const catalog = threeFamilies(COUNTS['list-catalog']!, 'list-catalog');
  const plan = layoutCatalog(catalog, list, options('fr'));

  it('never breaks a row across pages', () => {
    for (const product of catalog.items)
      expect(new Set(boxesOf(plan, product.row).map((b) => b.page)).size).toBe(1);
  });

  it('stacks rows without overlap, a hairline rule between them', () => {
    expect(
      overlaps(
        plan,
        catalog.items.map((i) => i.row),
      ),
    ).toEqual([]);
  });

  it('puts the thumbnail on the left, the text in the middle and the price in a right column', () => {
    for (const product of catalog.items) {
      const boxes = boxesOf(plan, product.row).map((b) => b.box);
      // Facing pages: a left-hand page has its own safe area, across from the right-hand one's.
      const page = boxesOf(plan, product.row)[0]!.page;
      const safe = page % 2 === 0 && plan.safeLeft ? plan.safeLeft : plan.safe;
      const picture = boxes.find((b) => b.kind === 'image')!;
      expect(picture.x).toBeCloseTo(safe.x, 9);
      expect(picture.width).toBeCloseTo(mm(list.layout!.list!.thumbnail), 9);
      const name = textBoxes({ number: 0, boxes, bookmarks: [] }).find((b) => b.field === 'name')!;
      const cost = textBoxes({ number: 0, boxes, bookmarks: [] }).find((b) => b.field === 'price')!;
      expect(name.x).toBeGreaterThan(picture.x + picture.width);
      expect(name.x + name.width).toBeLessThan(cost.x);
      expect(cost.x + cost.width).toBeCloseTo(safe.x + safe.width, 9);
      // Right-aligned: the amount ends at the right margin.
      expect(lineEnd(cost.lines[0]!)).toBeCloseTo(cost.width, 1);
    }
  });

  it('labels the reference in the language of the catalog', () => {
    const ref = (p: LayoutPlan) => boxText(p.pages.flatMap(textBoxes).find((b) => b.field === 'reference')!);
    // Tied to the reference by a no-break space: the label never ends a line alone.
    expect(ref(plan)).toBe('Réf.\u00a0VIS-1');
    expect(ref(layoutCatalog(catalog, list, options('en')))).toBe('Ref.\u00a0VIS-1');
  });

  it('shows the prices the template asks for: HT and TTC, each tied to its amount', () => {
    const both = withLayout(list, { price: { ...list.layout!.price, show: 'both' } });
    const items = [item(5, 'Visserie', { reference: text('A'), name: text('Vis'), price: price(10) })];
    const small = layoutCatalog(catalogOf([{ name: 'Visserie', items }]), both, options('fr'));
    const shown = boxText(small.pages.flatMap(textBoxes).find((b) => b.field === 'price')!);
    expect(shown.replace(/\n/g, ' ')).toBe(`10,00${NBSP}€${NBSP}HT · 12,00${NBSP}€${NBSP}TTC`);
    // No line ever starts with the tax word or ends with an amount alone.
    for (const line of shown.split('\n')) expect(line).not.toMatch(/^(HT|TTC)|€$/);
  });

  it('cuts a very long description at the style limit and marks it overset, the row staying bounded', () => {
    const long = `${'Acier zingué trempé, tête fraisée, filetage partiel, pour bois tendre et dur. '.repeat(12)}Fin.`;
    const items = [
      item(5, 'Visserie', {
        reference: text('A'),
        name: text('Vis'),
        description: text(long),
        price: price(1),
      }),
      item(6, 'Visserie', { reference: text('B'), name: text('Clou'), price: price(1) }),
    ];
    const small = layoutCatalog(catalogOf([{ name: 'Visserie', items }]), list, options());
    const description = small.pages.flatMap(textBoxes).find((b) => b.field === 'description')!;
    expect(description.overset).toBe(true);
    expect(description.lines.length).toBeLessThanOrEqual(4);
    expect(boxText(description).endsWith('…')).toBe(true);
    expect(overlaps(small, [5, 6])).toEqual([]);
  });

  // Regression: a row is as tall as its thumbnail or its text column, but the price box
  // (up to two lines, right column) is left out. Without a thumbnail and with `price.show: 'both'`,
  // « 1 234,50 € HT · 1 481,40 € TTC » takes two lines and runs over the rule into the next row.
  // Fixed by: const height = Math.max(thumb, top - y, priceBox?.height ?? 0).
  it('makes a row as tall as its price when the price takes more room than the text', () => {
    const { image: _image, ...layout } = list.layout!;
    const noThumbs: Template = { ...list, layout: { ...layout, price: { ...layout.price, show: 'both' } } };
    const items = [5, 6, 7].map((row) => item(row, '', { name: text('Vis'), price: price(1234.5) }));
    const small = layoutCatalog(catalogOf([{ name: '', items }]), noThumbs, options());
    expect(overlaps(small, [5, 6, 7])).toEqual([]);
  });

  it('keeps every product on a body page', () => {
    expect(bodyPages(plan).length).toBeGreaterThanOrEqual(2);
  });
});

describe('list-catalog: a product without a picture', () => {
  const items = [
    item(5, 'Visserie', { reference: text('A'), name: text('Vis'), price: price(1) }),
    item(6, 'Visserie', { reference: text('B'), name: text('Écrou'), price: price(1) }),
  ];
  const nameX = (plan: LayoutPlan, row: number) =>
    textBoxes(plan.pages.find((p) => p.boxes.some((b) => rowOf(b) === row))!).find(
      (b) => b.row === row && b.field === 'name',
    )!.x;
  const gap = (plan: LayoutPlan) => {
    const [a, b] = rules(plan);
    return b!.box.y - a!.box.y;
  };

  it('keeps a thumbnail-tall row with its placeholder, or shrinks the row to its text when collapsed', () => {
    const placeholder = layoutCatalog(
      catalogOf([{ name: 'Visserie', items }], 'list-catalog'),
      list,
      options(),
    );
    const collapsing = withLayout(list, { image: { ...list.layout!.image!, missing: 'collapse' } });
    const collapsed = layoutCatalog(
      catalogOf([{ name: 'Visserie', items }], 'list-catalog'),
      collapsing,
      options(),
    );
    expect(gap(placeholder)).toBeGreaterThanOrEqual(mm(list.layout!.list!.thumbnail));
    expect(gap(collapsed)).toBeLessThan(mm(list.layout!.list!.thumbnail));
    // The text column stays where it is: the names of a list still line up.
    expect(nameX(collapsed, 5)).toBeCloseTo(nameX(placeholder, 5), 6);
  });
});

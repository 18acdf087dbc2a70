import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { LayoutPlan, RectBox } from '../../../../main/engine/layout/layout-plan.ts';
import { mm } from '../../../../main/engine/common/millimetres.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { catalogOf, COUNTS, imageFile, item, options, price, text, threeFamilies } from './make-catalog.ts';
import { bodyPages, boxText, fieldBoxes, textBoxes } from './plan-queries.ts';

const grid = await loadTemplate('product-grid');
const spec = grid.layout!.grid!;
const catalog = threeFamilies(COUNTS['product-grid']!);
const plan = layoutCatalog(catalog, grid, options('fr'));

/**
 * Each card: its tint lies under its text only (the picture's part is the paper), so the card is the
 * tint with the picture's share of the card above it.
 */
const cards = (p: LayoutPlan) =>
  p.pages.flatMap((page) =>
    page.boxes
      .filter((b): b is RectBox => b.kind === 'rect' && String(b.fill) === String(spec.background))
      .map((tint) => {
        const picture = (tint.height * spec.imageShare) / (1 - spec.imageShare);
        const box = { ...tint, y: tint.y - picture, height: tint.height + picture };
        return { page: page.number, box, tint };
      }),
  );
const cardOf = (p: LayoutPlan, row: number) => {
  const { page, box } = fieldBoxes(p, 'reference').find((r) => r.box.row === row)!;
  return cards(p).find(
    (c) =>
      c.page === page &&
      box.x >= c.box.x &&
      box.x < c.box.x + c.box.width &&
      box.y >= c.box.y &&
      box.y < c.box.y + c.box.height,
  )!;
};

describe('product-grid: cards', () => {
  it('draws one card per product, at most columns × rows on a page', () => {
    expect(cards(plan)).toHaveLength(catalog.items.length);
    for (const page of bodyPages(plan))
      expect(cards(plan).filter((c) => c.page === page.number).length).toBeLessThanOrEqual(
        spec.columns * spec.rows,
      );
  });

  it('fills pages in full rows of equal cards on a fixed set of columns', () => {
    const all = cards(plan).map((c) => c.box);
    // From the page's own content edge: a left-hand page of facing pages sits across from a right-hand one.
    const safeOf = (page: number) => (page % 2 === 0 && plan.safeLeft ? plan.safeLeft : plan.safe);
    const xs = [...new Set(cards(plan).map((c) => (c.box.x - safeOf(c.page).x).toFixed(6)))];
    expect(xs).toHaveLength(spec.columns);
    for (const card of all) {
      expect(card.width).toBeCloseTo(all[0]!.width, 9);
      expect(card.height).toBeCloseTo(all[0]!.height, 9);
    }
    // Columns and gutters take the whole width of the safe area.
    const gutter = mm(spec.gutter);
    expect(all[0]!.width * spec.columns + gutter * (spec.columns - 1)).toBeCloseTo(plan.safe.width, 6);
  });

  it("keeps each product's texts and picture inside its card", () => {
    for (const product of catalog.items) {
      const card = cardOf(plan, product.row).box;
      for (const box of plan.pages.flatMap((p) => p.boxes))
        if (box.kind !== 'rect' && box.row === product.row) {
          expect(box.x).toBeGreaterThanOrEqual(card.x);
          expect(box.y).toBeGreaterThanOrEqual(card.y);
          expect(box.x + box.width).toBeLessThanOrEqual(card.x + card.width + 0.01);
          expect(box.y + box.height).toBeLessThanOrEqual(card.y + card.height + 0.01);
        }
    }
  });

  it('sets the price at the foot of the card, the picture at its head', () => {
    for (const product of catalog.items) {
      const card = cardOf(plan, product.row).box;
      const cost = fieldBoxes(plan, 'price').find((b) => b.box.row === product.row)!.box;
      expect(cost.y + cost.height).toBeCloseTo(card.y + card.height - mm(spec.padding), 6);
      const picture = plan.pages
        .flatMap((p) => p.boxes)
        .find((b) => b.kind === 'image' && b.row === product.row)!;
      expect(picture.y).toBeCloseTo(card.y + mm(spec.padding), 6);
    }
  });

  it('keeps the bold and italic words of a rich description', () => {
    const description = fieldBoxes(plan, 'description').find((b) => b.box.row === catalog.items[0]!.row)!.box;
    const runs = description.lines.flatMap((l) => l.runs);
    expect(runs.find((r) => r.text.includes('zingué'))!.font.weight).toBe('bold');
    expect(runs.find((r) => r.text.includes('boîte'))!.font.italic).toBe(true);
  });

  it('cuts a name too long for two lines and marks it overset, without leaving the card', () => {
    const longName =
      'Équerre de fixation renforcée à ailes perforées en acier galvanisé à chaud pour charpente et ossature bois';
    const items = [item(5, 'Visserie', { reference: text('EQ-1'), name: text(longName), price: price(3) })];
    const small = layoutCatalog(catalogOf([{ name: 'Visserie', items }]), grid, options());
    const name = small.pages.flatMap(textBoxes).find((b) => b.field === 'name')!;
    expect(name.overset).toBe(true);
    expect(name.lines).toHaveLength(2);
    expect(boxText(name).endsWith('…')).toBe(true);
    const card = cardOf(small, 5).box;
    expect(name.y + name.height).toBeLessThanOrEqual(card.y + card.height);
  });
});

describe('product-grid: pictures on the paper', () => {
  it("lays the card's tint under its text only: no tint frames a picture a second time", () => {
    for (const page of plan.pages) {
      const tints = page.boxes.filter(
        (b): b is RectBox => b.kind === 'rect' && String(b.fill) === String(spec.background),
      );
      for (const picture of page.boxes.filter((b) => b.kind === 'image'))
        for (const tint of tints) {
          const overlaps =
            picture.x < tint.x + tint.width &&
            tint.x < picture.x + picture.width &&
            picture.y < tint.y + tint.height &&
            tint.y < picture.y + picture.height;
          expect(overlaps).toBe(false);
        }
    }
  });

  it('gives a card without a picture all its height when the template collapses missing pictures', () => {
    const collapsing = {
      ...grid,
      layout: { ...grid.layout!, image: { ...grid.layout!.image!, missing: 'collapse' as const } },
    };
    const items = [
      item(5, 'Visserie', {
        reference: text('A'),
        name: text('Vis'),
        price: price(1),
        image: imageFile('A.jpg'),
      }),
      item(6, 'Visserie', { reference: text('B'), name: text('Écrou'), price: price(1) }),
    ];
    const small = layoutCatalog(catalogOf([{ name: 'Visserie', items }]), collapsing, options());
    const name = (row: number) => fieldBoxes(small, 'name').find((b) => b.box.row === row)!.box;
    const tint = cardOf(small, 6).tint;
    // The tint covers the whole card, and the name starts at its top.
    expect(name(6).y).toBeCloseTo(tint.y + mm(spec.padding), 6);
    expect(cardOf(small, 5).tint.height).toBeLessThan(tint.height);
    expect(name(5).y).toBeGreaterThan(name(6).y + 50);
  });
});

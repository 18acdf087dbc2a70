import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { LayoutPlan } from '../../../../main/engine/layout/layout-plan.ts';
import { statedBasis } from '../../../../main/engine/layout/price-legend.ts';
import { givenMoney } from '../../../../main/engine/money/given-money.ts';
import { UNKNOWN_MONEY } from '../../../../main/engine/money/money.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../../../../main/engine/templates/layout-schema.ts';
import { catalogOf, COUNTS, item, options, price, text, threeFamilies } from './make-catalog.ts';
import { bodyPages, boxText, fieldBoxes, textBoxes } from './plan-queries.ts';

const LEGEND = DEFAULT_PARAGRAPH_STYLES.priceLegend.name;
/** The legend lines of each page: text of no product that says a tax basis. */
const legends = (plan: LayoutPlan) =>
  plan.pages.map((p) =>
    textBoxes(p)
      .filter((b) => b.row === undefined && /^(Prix|Prices)\b/.test(boxText(b)))
      .map(boxText),
  );

const TEMPLATES = {
  'product-grid': await loadTemplate('product-grid'),
  'list-catalog': await loadTemplate('list-catalog'),
};

describe.each(Object.keys(TEMPLATES))('the price legend of %s', (id) => {
  const template = TEMPLATES[id as keyof typeof TEMPLATES];
  const catalog = threeFamilies(COUNTS[id]!, id);

  it('says « Prix HT » / "Prices excl. VAT" once on every page that shows prices, and nowhere else', () => {
    for (const [lang, words] of [
      ['fr', 'Prix\u00a0HT'],
      ['en', 'Prices excl. VAT'],
    ] as const) {
      const plan = layoutCatalog(catalog, template, options(lang));
      const withPrices = new Set(fieldBoxes(plan, 'price').map((b) => b.page));
      expect(withPrices.size).toBeGreaterThan(1);
      plan.pages.forEach((page, i) =>
        expect(legends(plan)[i], `page ${page.number}`).toEqual(withPrices.has(page.number) ? [words] : []),
      );
    }
  });

  it('sits under the products, inside the safe area, and the prices carry no tax word', () => {
    const plan = layoutCatalog(catalog, template, options('fr'));
    for (const page of bodyPages(plan)) {
      const legend = textBoxes(page).find((b) => b.style === LEGEND)!;
      expect(boxText(legend)).toBe('Prix\u00a0HT');
      expect(legend.y + legend.height).toBeLessThanOrEqual(plan.safe.y + plan.safe.height + 0.01);
      for (const box of page.boxes)
        if (box.kind !== 'rect' && box.row !== undefined)
          expect(box.y + box.height).toBeLessThanOrEqual(legend.y);
    }
    for (const { box } of fieldBoxes(plan, 'price')) expect(boxText(box)).not.toMatch(/HT|TTC/);
  });

  it('says nothing when nobody said whether the prices include VAT, and the prices say nothing either', () => {
    const unknown = { ...catalog, money: UNKNOWN_MONEY };
    const plan = layoutCatalog(unknown, template, options('fr'));
    expect(legends(plan).flat()).toEqual([]);
    for (const { box } of fieldBoxes(plan, 'price')) expect(boxText(box)).not.toMatch(/HT|TTC/);
    // Nor a currency nobody gave: the amounts print plain.
    for (const { box } of fieldBoxes(plan, 'price')) expect(boxText(box)).toMatch(/^[\d\s\u00a0\u202f,.]+$/);
  });

  it("prints the template's words for a missing price, in their own quieter style — never an amount", () => {
    const items = [
      item(5, 'Visserie', { reference: text('A'), name: text('Vis'), price: price(2) }),
      item(6, 'Visserie', { reference: text('B'), name: text('Écrou') }),
    ];
    for (const [lang, words] of [
      ['fr', 'Prix sur demande'],
      ['en', 'Price on request'],
    ] as const) {
      const plan = layoutCatalog(catalogOf([{ name: 'Visserie', items }], id), template, options(lang));
      const missing = fieldBoxes(plan, 'price').find((b) => b.box.row === 6)!.box;
      expect(boxText(missing)).toBe(words);
      // Not the price's bold colour: a quieter style of its own.
      expect(missing.style).not.toBe(fieldBoxes(plan, 'price').find((b) => b.box.row === 5)!.box.style);
      expect(missing.lines[0]!.runs[0]!.size).toBeLessThan(DEFAULT_PARAGRAPH_STYLES.price.size);
    }
    // Without the template's words, the slot stays empty.
    const { missing: _m, ...price2 } = template.layout!.price;
    const bare = { ...template, layout: { ...template.layout!, price: price2 } };
    const plan = layoutCatalog(catalogOf([{ name: 'Visserie', items }], id), bare, options('fr'));
    expect(fieldBoxes(plan, 'price').map((b) => b.box.row)).toEqual([5]);
  });
});

describe('statedBasis', () => {
  const excl = givenMoney({ currency: 'EUR', vat: 0.2, basis: 'excl' });
  const exclNoVat = givenMoney({ currency: 'EUR', basis: 'excl' });
  it('states only a basis someone gave', () => {
    expect(statedBasis(excl, 'ht')).toBe('excl');
    expect(statedBasis(excl, 'ttc')).toBe('incl');
    // No rate: no price with VAT is printed, the prices before tax keep being said HT.
    expect(statedBasis(exclNoVat, 'ttc')).toBe('excl');
    expect(statedBasis(UNKNOWN_MONEY, 'ht')).toBeUndefined();
    expect(statedBasis(UNKNOWN_MONEY, 'ttc')).toBeUndefined();
    // Both prices on a card: each keeps its own word, no legend.
    expect(statedBasis(excl, 'both')).toBeUndefined();
  });
});

describe('a sheet whose prices include VAT', () => {
  // The sheet's only price column includes VAT: read as `priceTtc`, as the import does.
  const money = givenMoney({ currency: 'GBP', basis: 'excl' });
  const incl = { ...money, columns: [{ ...money.columns[0]!, field: 'priceTtc', mappedAs: 'price' }] };
  const items = [
    item(5, 'Tops', { reference: text('A'), name: text('Tee'), priceTtc: price(35) }),
    item(6, 'Tops', { reference: text('B'), name: text('Shirt'), priceTtc: price(69) }),
  ];

  it.each(Object.keys(TEMPLATES))(
    '%s: says « Prix TTC » once on the page, and the prices drop the word',
    (id) => {
      const catalog = { ...catalogOf([{ name: 'Tops', items }], id), money: incl };
      const template = TEMPLATES[id as keyof typeof TEMPLATES];
      for (const [lang, words, word] of [
        ['fr', 'Prix\u00a0TTC', 'TTC'],
        ['en', 'Prices incl. VAT', 'VAT'],
      ] as const) {
        const plan = layoutCatalog(catalog, template, options(lang));
        expect(legends(plan).flat()).toEqual([words]);
        const prices = fieldBoxes(plan, 'price').map((b) => boxText(b.box));
        expect(prices).toHaveLength(2);
        for (const p of prices) expect(p).not.toContain(word);
      }
      // Legend off: each price says it itself.
      const off = {
        ...template,
        layout: { ...template.layout!, price: { ...template.layout!.price, legend: false } },
      };
      const plan = layoutCatalog(catalog, off, options('fr'));
      expect(legends(plan).flat()).toEqual([]);
      for (const { box } of fieldBoxes(plan, 'price')) expect(boxText(box)).toMatch(/TTC$/);
    },
  );
});

// The tagged text says what the PDF prints: the same price-table columns (the VAT-rate column when
// the products' rates differ), the same legend under the table, and the template's words for a
// missing price (« Prix sur demande ») where the PDF prints them, in the same style.
import { describe, expect, it } from 'vitest';
import { buildTaggedText } from '../../../../../main/engine/export/tagged-text/build-tagged-text.ts';
import { layoutCatalog } from '../../../../../main/engine/layout/layout-catalog.ts';
import type { Lang } from '../../../../../main/engine/model.ts';
import { loadTemplate } from '../../../../../main/engine/templates/load-template.ts';
import { resolveStyles } from '../../../../../main/engine/templates/resolve-styles.ts';
import type { Template } from '../../../../../main/engine/templates/template.ts';
import { parseTaggedText } from '../../../../support/tagged-text-grammar.ts';
import { options } from '../../layout/make-catalog.ts';
import { bodyPages, boxText, textBoxes } from '../../layout/plan-queries.ts';
import { catalogOf, item, outillage, smallCatalog, visserie } from './small-catalog.ts';

const grid = await loadTemplate('product-grid');
const list = await loadTemplate('list-catalog');
const priceList = await loadTemplate('price-list');

const LOCALE: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };
const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
const tagged = (catalog: ReturnType<typeof smallCatalog>, template: Template, lang: Lang) =>
  parseTaggedText(buildTaggedText(catalog, template, { locale: LOCALE[lang], lang }));

/** The PDF's header row on its first body page, left to right, and every text of its body pages. */
function pdf(catalog: ReturnType<typeof smallCatalog>, template: Template, lang: Lang) {
  const plan = layoutCatalog(catalog, template, options(lang));
  const header = resolveStyles(template, lang).paragraph.tableHeader!.name;
  const first = textBoxes(bodyPages(plan)[0]!);
  const top = Math.min(...first.filter((b) => b.style === header).map((b) => b.y));
  return {
    header: first
      .filter((b) => b.style === header && Math.abs(b.y - top) < 0.5)
      .sort((a, b) => a.x - b.x)
      .map((b) => flat(boxText(b))),
    boxes: bodyPages(plan).flatMap(textBoxes),
  };
}

// Without a price: a product of the small catalog, its price and its own rate taken away.
const unpriced = item(9, 'Visserie', { reference: { kind: 'text', value: 'SUR-1' } });
const withUnpriced = (template: string) =>
  catalogOf(
    [
      { name: 'Visserie', items: [...visserie, unpriced] },
      { name: 'Outillage & accessoires', items: outillage },
    ],
    template,
  );
/** Every product at the one rate of the money (20 %): no VAT-rate column. */
const oneRate = () =>
  catalogOf(
    [
      {
        name: 'Visserie',
        items: visserie.map((i) => {
          const { vat: _, ...fields } = i.fields;
          return { ...i, fields };
        }),
      },
      { name: 'Outillage & accessoires', items: outillage },
    ],
    'price-list',
  );

describe('tagged text = PDF: the price table', () => {
  for (const lang of ['fr', 'en'] as const) {
    it(`prints the PDF's columns, the VAT rate included when rates differ (${lang})`, () => {
      const catalog = smallCatalog('price-list');
      const [table] = tagged(catalog, priceList, lang).tables;
      const columns = table!.rows[0]!.cells.map((c) => flat(c.text));
      expect(columns).toEqual(pdf(catalog, priceList, lang).header);
      expect(columns).toContain(lang === 'fr' ? 'TVA' : 'VAT');
      // Each row says its own rate, as the PDF's.
      const at = columns.indexOf(lang === 'fr' ? 'TVA' : 'VAT');
      expect(table!.rows.slice(1).map((r) => flat(r.cells[at]!.text))).toEqual(
        lang === 'fr' ? ['20 %', '5,5 %'] : ['20%', '5.5%'],
      );
    });

    it(`prints no VAT-rate column when every product has the same rate, as the PDF (${lang})`, () => {
      const catalog = oneRate();
      const [table] = tagged(catalog, priceList, lang).tables;
      const columns = table!.rows[0]!.cells.map((c) => flat(c.text));
      expect(columns).toEqual(pdf(catalog, priceList, lang).header);
      expect(columns).not.toContain(lang === 'fr' ? 'TVA' : 'VAT');
    });

    it(`ends with the PDF's legend line, word for word (${lang})`, () => {
      const catalog = smallCatalog('price-list');
      const parsed = tagged(catalog, priceList, lang);
      const legend = flat(parsed.paragraphs.at(-1)!.text);
      expect(legend).toMatch(lang === 'fr' ? /^Devise : euro/ : /^Currency: Euro/);
      expect(pdf(catalog, priceList, lang).boxes.map((b) => flat(boxText(b)))).toContain(legend);
    });
  }

  it('follows the template that turns the VAT-rate column off', () => {
    const template: Template = {
      ...priceList,
      layout: { ...priceList.layout!, table: { ...priceList.layout!.table!, vatColumn: 'never' } },
    };
    const catalog = smallCatalog('price-list');
    const [table] = tagged(catalog, template, 'fr').tables;
    expect(table!.rows[0]!.cells.map((c) => flat(c.text))).toEqual(pdf(catalog, template, 'fr').header);
    expect(table!.columnCount).toBe(5);
  });

  it('prints the template’s words in the price cell of a product without a price', () => {
    const words = priceList.layout!.price.missing!;
    for (const lang of ['fr', 'en'] as const) {
      const [table] = tagged(withUnpriced('price-list'), priceList, lang).tables;
      // The last row of the first family: the product without a price.
      const row = table!.rows.at(-1)!;
      const priceAt = table!.rows[0]!.cells.findIndex((c) => /^(Prix HT|Price ex\.)/.test(c.text));
      expect(row.cells[priceAt]!.text).toBe(words[lang]);
      expect(pdf(withUnpriced('price-list'), priceList, lang).boxes.map((b) => boxText(b))).toContain(
        words[lang],
      );
    }
  });
});

describe('tagged text = PDF: a card or a row without a price', () => {
  for (const template of [grid, list])
    for (const lang of ['fr', 'en'] as const)
      it(`prints the template's words in the price-missing style: ${template.id} (${lang})`, () => {
        const words = template.layout!.price.missing!;
        const style = resolveStyles(template, lang).paragraph.priceMissing!.name;
        const parsed = tagged(withUnpriced(template.id), template, lang);
        const paragraphs = parsed.paragraphs.filter((p) => p.text === words[lang]);
        expect(paragraphs.map((p) => p.style)).toEqual([style]);
        // Defined once, like every style the file uses.
        expect(Object.keys(parsed.paragraphStyles)).toContain(style);
        // The PDF prints the same words in the same style.
        const boxes = pdf(withUnpriced(template.id), template, lang).boxes;
        expect(boxes.filter((b) => boxText(b) === words[lang]).map((b) => b.style)).toEqual([style]);
      });

  it('defines no price-missing style when every product has a price', () => {
    const parsed = tagged(smallCatalog('product-grid'), grid, 'fr');
    expect(Object.keys(parsed.paragraphStyles)).not.toContain(
      resolveStyles(grid, 'fr').paragraph.priceMissing!.name,
    );
  });
});

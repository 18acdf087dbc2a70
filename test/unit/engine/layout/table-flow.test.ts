import { describe, expect, it } from 'vitest';
import { layoutCatalog } from '../../../../main/engine/layout/layout-catalog.ts';
import type { PlanPage, RectBox, TextBox } from '../../../../main/engine/layout/layout-plan.ts';
import { mm } from '../../../../main/engine/common/millimetres.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { HOUSE_STYLE_NAMES_EN } from '../../../../main/engine/templates/resolve-styles.ts';
import { catalogOf, COUNTS, item, options, price, text, threeFamilies } from './make-catalog.ts';
import { bodyPages, boxText, lineEnd, TABLE_HEADER, textBoxes } from './plan-queries.ts';

const NBSP = '\u00a0';
const priceList = await loadTemplate('price-list');
const table = priceList.layout!.table!;
const PAD = mm(table.rowPadding);
const FIELDS = table.columns.map((c) => c.field);

const catalog = threeFamilies(COUNTS['price-list']!, 'price-list');
const plan = layoutCatalog(catalog, priceList, options('fr'));
const pages = bodyPages(plan);

const rects = (page: PlanPage, fill: readonly number[]) =>
  page.boxes.filter((b): b is RectBox => b.kind === 'rect' && String(b.fill) === String(fill));
const headerRows = (page: PlanPage) => rects(page, table.headerFill);
const rowBoxes = (page: PlanPage) => textBoxes(page).filter((b) => b.row !== undefined);
const cellsOf = (row: number) =>
  plan.pages.flatMap((p) =>
    textBoxes(p)
      .filter((b) => b.row === row)
      .map((box) => ({ page: p.number, box })),
  );

/** Right edge of a column's text: the column's share of the content width, less the padding. */
function columnRight(field: string): number {
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  let right = plan.safe.x;
  for (const c of table.columns) {
    right += (c.width / total) * plan.safe.width;
    if (c.field === field) return right - PAD;
  }
  throw new Error(`no column ${field}`);
}

describe('price-list: the table', () => {
  it('runs over several pages', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
  });

  it('repeats the header row at the top of every page, above its first product', () => {
    for (const page of pages) {
      const headers = headerRows(page);
      expect(headers.length, `page ${page.number}`).toBeGreaterThan(0);
      const firstRow = Math.min(...rowBoxes(page).map((b) => b.y));
      expect(Math.min(...headers.map((h) => h.y))).toBeLessThan(firstRow);
      const texts = textBoxes(page).filter((b) => b.style === TABLE_HEADER);
      expect(texts.slice(0, FIELDS.length).map(boxText)).toEqual([
        'Réf.',
        'Désignation',
        'Cond.',
        'Prix HT (EUR)',
        'Prix TTC (EUR)',
      ]);
    }
  });

  it('puts one header row per family section on a page, and each header row spans the table', () => {
    for (const page of pages) {
      const families = new Set(rowBoxes(page).map((b) => catalog.items.find((i) => i.row === b.row)!.group));
      expect(headerRows(page)).toHaveLength(families.size);
      for (const header of headerRows(page)) {
        expect(header.x).toBeCloseTo(plan.safe.x, 9);
        expect(header.width).toBeCloseTo(plan.safe.width, 9);
      }
    }
  });

  it('heads the columns in English for an English catalog', () => {
    const english = layoutCatalog(catalog, priceList, options('en'));
    // In an English build the house style is named in English too.
    const texts = bodyPages(english)[0]!.boxes.filter(
      (b): b is TextBox => b.kind === 'text' && b.style === HOUSE_STYLE_NAMES_EN.tableHeader,
    );
    // A header with its currency may wrap onto a second line of the header row.
    expect(texts.slice(0, 5).map((b) => boxText(b).replace(/\n/g, ' '))).toEqual([
      'Ref.',
      'Product',
      'Unit',
      'Price ex. VAT (EUR)',
      'Price inc. VAT (EUR)',
    ]);
  });

  it('prints one row per product: each column once, side by side on one page', () => {
    for (const product of catalog.items) {
      const cells = cellsOf(product.row);
      expect(cells.map((c) => c.box.field).sort()).toEqual([...FIELDS].sort());
      expect(new Set(cells.map((c) => c.page)).size).toBe(1);
      expect(new Set(cells.map((c) => c.box.y)).size).toBe(1);
    }
  });

  it('stacks rows without overlap, in catalog order', () => {
    for (const page of pages) {
      const tops = [...new Set(rowBoxes(page).map((b) => b.y))];
      expect(tops).toEqual([...tops].sort((a, b) => a - b));
      const byTop = tops.map((y) => rowBoxes(page).filter((b) => b.y === y));
      for (let k = 1; k < byTop.length; k++) {
        const bottom = Math.max(...byTop[k - 1]!.map((b) => b.y + b.height));
        expect(byTop[k]![0]!.y).toBeGreaterThanOrEqual(bottom);
      }
    }
  });

  it('stripes every other row of a family, on every page', () => {
    for (const group of catalog.groups)
      group.items.forEach((product, i) => {
        const { page, box } = cellsOf(product.row).find((c) => c.box.field === 'reference')!;
        const stripe = rects(plan.pages[page - 1]!, table.stripeFill).find(
          (r) => Math.abs(r.y - (box.y - PAD)) < 0.01,
        );
        expect(stripe !== undefined, `${group.name} #${i} on page ${page}`).toBe(i % 2 === 1);
        if (stripe) {
          expect(stripe.x).toBeCloseTo(plan.safe.x, 9);
          expect(stripe.width).toBeCloseTo(plan.safe.width, 9);
          expect(stripe.height).toBeGreaterThanOrEqual(box.height + 2 * PAD - 0.01);
        }
      });
  });

  it('right-aligns the prices: their runs end at the right edge of their column', () => {
    for (const field of ['price', 'priceTtc'])
      for (const product of catalog.items) {
        const { box } = cellsOf(product.row).find((c) => c.box.field === field)!;
        expect(box.x + box.width).toBeCloseTo(columnRight(field), 6);
        for (const line of box.lines) expect(box.x + lineEnd(line)).toBeCloseTo(columnRight(field), 1);
      }
  });

  it('left-aligns the references against their column', () => {
    for (const product of catalog.items) {
      const { box } = cellsOf(product.row).find((c) => c.box.field === 'reference')!;
      expect(box.x).toBeCloseTo(plan.safe.x + PAD, 6);
      expect(box.lines[0]!.runs[0]!.x).toBe(0);
    }
  });

  it("prints the price including VAT at the item's rate, else at the rate the catalog was given", () => {
    const items = [
      item(5, 'Visserie', { reference: text('A'), name: text('Vis'), price: price(10) }),
      item(6, 'Visserie', {
        reference: text('B'),
        name: text('Livre'),
        price: price(10),
        vat: { kind: 'percent', value: 0.055 },
      }),
    ];
    const small = layoutCatalog(catalogOf([{ name: 'Visserie', items }], 'price-list'), priceList, options());
    const ttc = (row: number) =>
      boxText(small.pages.flatMap(textBoxes).find((b) => b.row === row && b.field === 'priceTtc')!);
    expect(ttc(5)).toBe(`12,00${NBSP}€`);
    expect(ttc(6)).toBe(`10,55${NBSP}€`);
  });

  it('leaves a cell empty for a product without that value, and keeps its row', () => {
    const items = [item(5, 'Visserie', { reference: text('A'), name: text('Vis'), price: price(1) })];
    const small = layoutCatalog(catalogOf([{ name: 'Visserie', items }], 'price-list'), priceList, options());
    const fields = small.pages
      .flatMap(textBoxes)
      .filter((b) => b.row === 5)
      .map((b) => b.field);
    expect(fields).toEqual(['reference', 'name', 'price', 'priceTtc']);
  });
});

describe('price-list: VAT rates and missing prices', () => {
  const mixed = () =>
    catalogOf(
      [
        {
          name: 'Visserie',
          items: [
            item(5, 'Visserie', { reference: text('A'), name: text('Vis'), price: price(10) }),
            item(6, 'Visserie', {
              reference: text('B'),
              name: text('Livre'),
              price: price(10),
              vat: { kind: 'percent', value: 0.055 },
            }),
            item(7, 'Visserie', { reference: text('C'), name: text('Écrou') }),
          ],
        },
      ],
      'price-list',
    );
  const headers = (p: ReturnType<typeof layoutCatalog>) =>
    textBoxes(p.pages.find((page) => headerRows(page).length > 0)!)
      .filter(
        (b) =>
          b.row === undefined &&
          b.y <= headerRows(p.pages.find((page) => headerRows(page).length > 0)!)[0]!.y + 20,
      )
      .map(boxText);

  it('adds a VAT-rate column after the price before tax when the rates differ, in FR and EN', () => {
    for (const [lang, header, rates] of [
      ['fr', 'TVA', [`20${NBSP}%`, `5,5${NBSP}%`]],
      ['en', 'VAT', ['20%', '5.5%']],
    ] as const) {
      const small = layoutCatalog(mixed(), priceList, options(lang));
      const names = headers(small);
      expect(names).toContain(header);
      // Between the price before tax and the price with VAT.
      const at = (word: string) => names.findIndex((n) => n.startsWith(word));
      expect(at(header)).toBe(at(lang === 'fr' ? 'Prix HT' : 'Price ex') + 1);
      const rate = (row: number) =>
        boxText(small.pages.flatMap(textBoxes).find((b) => b.row === row && b.field === '@vatRate')!);
      expect([rate(5), rate(6)]).toEqual(rates);
    }
  });

  it('says one rate for all in the legend only, or none when the template turns the column off', () => {
    const same = layoutCatalog(threeFamilies([2, 2, 2], 'price-list'), priceList, options('fr'));
    expect(same.pages.flatMap(textBoxes).some((b) => b.field === '@vatRate')).toBe(false);
    const never = {
      ...priceList,
      layout: { ...priceList.layout!, table: { ...table, vatColumn: 'never' as const } },
    };
    const off = layoutCatalog(mixed(), never, options('fr'));
    expect(off.pages.flatMap(textBoxes).some((b) => b.field === '@vatRate')).toBe(false);
  });

  it("prints the template's words in the price column of a product without a price", () => {
    const small = layoutCatalog(mixed(), priceList, options('fr'));
    const cell = small.pages.flatMap(textBoxes).find((b) => b.row === 7 && b.field === 'price')!;
    expect(boxText(cell).replace(/\n/g, ' ')).toBe('Prix sur demande');
    expect(small.pages.flatMap(textBoxes).some((b) => b.row === 7 && b.field === 'priceTtc')).toBe(false);
  });
});

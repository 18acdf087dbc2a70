// The money decision as validation makes it, on tables shaped like the sheets users send: the
// price-list template, its suggested mapping, and what reaches the catalog and its issues.
import { describe, expect, it } from 'vitest';
import type { SourceTable } from '../../../../main/engine/model.ts';
import { suggestMapping } from '../../../../main/engine/mapping/suggest-mapping.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { validateCatalog, type ValidateOptions } from '../../../../main/engine/validate/validate.ts';
import { fieldText, PRICE_TTC } from '../../../../main/engine/format/field-text.ts';
import { UNKNOWN_MONEY } from '../../../../main/engine/money/money.ts';
import { makeTable, type CellInput } from '../mapping/make-table.ts';

const priceList = await loadTemplate('price-list');
const productGrid = await loadTemplate('product-grid');

function run(table: SourceTable, options: ValidateOptions = {}, template = priceList) {
  const result = validateCatalog(table, template, suggestMapping(table, template).mapping, options);
  const money = result.catalog.money!;
  const ctx = { locale: 'fr-FR', lang: 'fr' as const, money };
  const text = (i: number, field: string) => fieldText(result.catalog.items[i]!, field, ctx);
  return { ...result, money, text, codes: result.issues.map((i) => i.code) };
}

const zloty = (value: number): CellInput => ({
  value: { kind: 'number', value, numFmt: '#,##0.00 [$zł-415]' },
});

describe('money decided by validation', () => {
  it('a sheet in złoty with no VAT anywhere: prices in zł, no TTC, and the user is told', () => {
    const table = makeTable(
      ['Kod', 'Nazwa', 'Prix HT'],
      [
        ['A-1', 'Śruba', zloty(12.5)],
        ['A-2', 'Nakrętka', zloty(3)],
      ],
    );
    const { money, text, issues } = run(table);
    expect(money.currency).toMatchObject({ code: 'PLN', source: 'format' });
    expect(money.vat.source).toBe('none');
    expect(text(0, 'price')).toBe('12,50\u00a0zł');
    expect(text(0, PRICE_TTC)).toBeUndefined();
    const unknown = issues.find((i) => i.code === 'VAT_RATE_UNKNOWN')!;
    expect(unknown.severity).toBe('warning');
    expect(unknown.message.fr).toContain('--vat 20');
    expect(unknown.message.en).toContain('No VAT rate known');
  });

  it('--vat 20 computes the price including VAT, and says the rate came from the user', () => {
    const table = makeTable(['Réf.', 'Désignation', 'Prix HT'], [['A-1', 'Vis', zloty(10)]]);
    const { money, text, codes } = run(table, { money: { vat: { rate: 0.2 } } });
    expect(money.vat).toMatchObject({ source: 'setting', rate: 0.2 });
    expect(text(0, PRICE_TTC)).toBe('12,00\u00a0zł');
    expect(codes).not.toContain('VAT_RATE_UNKNOWN');
  });

  it('a Belgian prix_tvac alone: mapped as the price with VAT, required in place of the price, never HT', () => {
    const table = makeTable(
      ['reference', 'denomination', 'prix_tvac'],
      [
        ['CLE-13', 'Clé mixte 13', '14,95 €'],
        ['CLE-17', 'Clé mixte 17', ''],
      ],
    );
    const { catalog, money, text, issues, codes } = run(table);
    expect(money.columns).toEqual([
      expect.objectContaining({ field: PRICE_TTC, mappedAs: PRICE_TTC, header: 'prix_tvac' }),
    ]);
    expect(money.columns[0]!.basis).toMatchObject({ basis: 'incl', source: 'header' });
    expect(codes).not.toContain('FIELD_NOT_MAPPED');
    // The empty price is the required price's absence, named under the price with VAT.
    const missing = issues.find((i) => i.code === 'REQUIRED_MISSING')!;
    expect(missing).toMatchObject({ ref: "'Tarif 2026'!C3", field: PRICE_TTC });
    expect(catalog.items[0]!.fields.price).toBeUndefined();
    expect(text(0, PRICE_TTC)).toBe('14,95\u00a0€');
  });

  it('a retail price mapped to the price is read as the price with VAT, not taxed again', () => {
    const table = makeTable(['SKU', 'Product name', 'Retail price'], [['TS-1', 'Tee', '£35.00']]);
    const { catalog, money, text, issues } = run(table, { money: { vat: { rate: 0.2 } } }, productGrid);
    expect(money.columns[0]).toMatchObject({ field: PRICE_TTC, mappedAs: 'price' });
    expect(catalog.items[0]!.fields.price).toBeUndefined();
    expect(text(0, PRICE_TTC)).toBe('35,00\u00a0£');
    expect(issues.find((i) => i.code === 'PRICE_INCLUDES_VAT')?.message.en).toContain('retail price');
  });

  it('a title saying "Prices exclude 10 % VAT" gives the basis and the rate, and says so', () => {
    const table = {
      ...makeTable(['Code', 'Name', 'Price'], [['X1', 'Bowl', '150.000 VND']]),
      preamble: ['Bảng giá 2026', 'Prices exclude 10 % VAT'],
    };
    const { money, text } = run(table);
    expect(money.currency.code).toBe('VND');
    expect(money.columns[0]!.basis).toMatchObject({ basis: 'excl', source: 'title' });
    expect(money.vat).toMatchObject({ source: 'title', rate: 0.1 });
    expect(text(0, 'price')).toBe('150\u202f000\u00a0₫');
    expect(text(0, PRICE_TTC)).toBe('165\u202f000\u00a0₫');
  });

  it('a plain "Prix" with a known rate: no TTC computed, since nobody said it was before tax', () => {
    const table = makeTable(['Réf.', 'Désignation', 'Prix', 'TVA'], [['A', 'Vis', '10,00 €', '20 %']]);
    const { text, codes } = run(table);
    expect(text(0, PRICE_TTC)).toBeUndefined();
    expect(codes).toContain('TAX_BASIS_UNKNOWN');
    const told = run(table, { money: { prices: 'excl' } });
    expect(told.text(0, PRICE_TTC)).toBe('12,00\u00a0€');
  });

  it('a mixed column: the odd cell is reported where it is, and printed as it is', () => {
    const table = makeTable(
      ['Réf.', 'Désignation', 'Prix HT'],
      [
        ['A', 'Vis', '12,50 zł'],
        ['B', 'Clou', '8,00 zł'],
        ['C', 'Écrou', '3 €'],
      ],
    );
    const { issues, text } = run(table);
    const mixed = issues.filter((i) => i.code === 'CURRENCY_MIXED');
    expect(mixed).toHaveLength(1);
    expect(mixed[0]).toMatchObject({ ref: "'Tarif 2026'!C4", severity: 'warning' });
    expect(text(2, 'price')).toBe('3,00\u00a0€');
  });

  it('no currency anywhere: plain amounts and an information, never euros', () => {
    const table = makeTable(['Réf.', 'Désignation', 'Prix HT'], [['A', 'Vis', 12.5]]);
    const { money, text, codes } = run(table);
    expect(money.currency.code).toBeUndefined();
    expect(text(0, 'price')).toBe('12,50');
    expect(codes).toContain('CURRENCY_UNKNOWN');
    expect(run(table, { money: { currency: 'CHF' } }).text(0, 'price')).toBe('12,50\u00a0CHF');
  });

  it('a hand-built catalog without money knows nothing', () => {
    expect(UNKNOWN_MONEY.currency.code).toBeUndefined();
    expect(UNKNOWN_MONEY.vat.source).toBe('none');
  });
});

describe('templates and money', () => {
  it('still load with the old price keys, which no longer set a rate or a currency', async () => {
    const { Template } = await import('../../../../main/engine/templates/template.ts');
    const old = Template.parse({
      id: 'old',
      name: { fr: 'Ancien', en: 'Old' },
      fields: [{ id: 'price', label: { fr: 'Prix HT', en: 'Price' }, type: 'price' }],
      layout: {
        kind: 'grid',
        page: {},
        slots: [{ field: 'price', style: 'price' }],
        price: { show: 'both', defaultVat: 0.2, currency: 'EUR' },
      },
    });
    expect(old.layout!.price).toEqual({ show: 'both' });
  });

  it('the built-in templates set neither', () => {
    for (const template of [priceList, productGrid])
      expect(template.layout!.price).toEqual(expect.objectContaining({ show: expect.any(String) }));
    expect(JSON.stringify(priceList.layout!.price)).not.toMatch(/Vat|currency/);
  });
});

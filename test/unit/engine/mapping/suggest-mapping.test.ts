import { describe, expect, it } from 'vitest';
import { Mapping } from '../../../../main/engine/mapping/mapping-schema.ts';
import { suggestMapping } from '../../../../main/engine/mapping/suggest-mapping.ts';
import { makeTable } from './make-table.ts';
import { makeTemplate } from './make-template.ts';

const matched = (result: ReturnType<typeof suggestMapping>): Record<string, string> =>
  Object.fromEntries(result.matches.map((match) => [match.field, match.column]));

const scoreOf = (result: ReturnType<typeof suggestMapping>, field: string): number | undefined =>
  result.matches.find((match) => match.field === field)?.score;

describe('suggestMapping', () => {
  const catalog = makeTemplate(['reference', 'name', 'unit', 'price', 'priceTtc', 'vat', 'ean', 'image']);

  it('maps a French price list with accents, punctuation, a hidden purchase price and TTC beside HT', () => {
    const table = makeTable(
      [
        'Réf.',
        'Désignation',
        'Conditionnement',
        { header: 'Prix achat', type: 'price', hidden: true },
        { header: 'Prix HT', type: 'price' },
        { header: 'Prix TTC', type: 'price' },
        { header: 'TVA', type: 'percent' },
        { header: 'EAN', type: 'ean' },
        'Photo',
      ],
      [['VIS-M6', 'Vis inox M6', 'Boîte de 100', 4.1, 12.5, 15, 0.2, '3760123456789', 'vis-m6.jpg']],
    );
    const result = suggestMapping(table, catalog);
    expect(matched(result)).toEqual({
      reference: 'A',
      name: 'B',
      unit: 'C',
      price: 'E',
      priceTtc: 'F',
      vat: 'G',
      ean: 'H',
      image: 'I',
    });
    expect(result.unmatched).toEqual([]);
    expect(result.mapping.fields['price']).toEqual({
      columns: [{ header: 'Prix HT', letter: 'E' }],
      separator: ' ',
      transforms: [],
    });
    expect(result.mapping).toMatchObject({ version: 1, template: 'fiche-produit', sheet: 'Tarif 2026' });
    expect(() => Mapping.parse(result.mapping)).not.toThrow();
  });

  it('maps an English sheet', () => {
    const template = makeTemplate(['reference', 'name', 'color', 'sizes', 'price', 'image', 'category']);
    const table = makeTable(
      [
        'SKU',
        'Product name',
        'Colour',
        'Sizes',
        { header: 'Retail price', type: 'price' },
        'Image',
        'Collection',
      ],
      [['TS-01', 'Organic tee', 'Navy', 'S, M, L', 19.9, 'ts-01.png', 'Summer']],
    );
    const result = suggestMapping(table, template);
    expect(matched(result)).toEqual({
      reference: 'A',
      name: 'B',
      color: 'C',
      sizes: 'D',
      price: 'E',
      image: 'F',
      category: 'G',
    });
  });

  it('reads "PU HT" as the price and leaves "Prix TTC" to priceTtc whatever the column order', () => {
    const table = makeTable(
      [
        { header: 'Prix TTC', type: 'price' },
        { header: 'PU HT', type: 'price' },
      ],
      [[15, 12.5]],
    );
    expect(matched(suggestMapping(table, makeTemplate(['price', 'priceTtc'])))).toEqual({
      price: 'B',
      priceTtc: 'A',
    });
  });

  it('does not offer "Prix TTC" as the HT price when the template has no TTC field', () => {
    const table = makeTable(['Réf.', { header: 'Prix TTC', type: 'price' }], [['A1', 15]]);
    const result = suggestMapping(table, makeTemplate(['reference', 'price']));
    expect(matched(result)).toEqual({ reference: 'A' });
    expect(result.unmatched).toEqual(['price']);
  });

  it('never reads a purchase price as the selling price, even when it is the only price', () => {
    const table = makeTable([{ header: 'Prix achat', type: 'price' }], [[4.1]]);
    expect(suggestMapping(table, makeTemplate(['price'])).unmatched).toEqual(['price']);
  });

  it('prefers a visible column to a hidden one that names the field as well', () => {
    const table = makeTable(
      [
        { header: 'Prix HT', type: 'price', hidden: true },
        { header: 'Tarif', type: 'price' },
      ],
      [[10, 12]],
    );
    const result = suggestMapping(table, makeTemplate(['price']));
    expect(matched(result)).toEqual({ price: 'B' });
  });

  it('still matches a hidden column when nothing visible does', () => {
    const table = makeTable([{ header: 'Prix HT', type: 'price', hidden: true }], [[10]]);
    expect(scoreOf(suggestMapping(table, makeTemplate(['price'])), 'price')).toBe(0.9);
  });

  it('matches a header that starts with a synonym, below an exact one', () => {
    const alone = makeTable(['Réf. fournisseur'], [['F-001']]);
    const both = makeTable(['Réf. fournisseur', 'Réf.'], [['F-001', 'A1']]);
    const template = makeTemplate(['reference']);
    expect(scoreOf(suggestMapping(alone, template), 'reference')).toBe(0.85);
    expect(matched(suggestMapping(both, template))).toEqual({ reference: 'B' });
    expect(scoreOf(suggestMapping(both, template), 'reference')).toBe(1);
  });

  it('matches "Prix HT 2026" and "Prix de vente HT" as the price', () => {
    const template = makeTemplate(['price']);
    const dated = makeTable([{ header: 'Prix HT 2026', type: 'price' }], [[10]]);
    const spread = makeTable([{ header: 'Prix de vente HT', type: 'text' }], [['10']]);
    expect(scoreOf(suggestMapping(dated, template), 'price')).toBe(0.9);
    expect(scoreOf(suggestMapping(spread, template), 'price')).toBe(0.85);
  });

  it('reads "Code EAN" as the barcode, not as a reference code', () => {
    const table = makeTable(['Code', { header: 'Code EAN', type: 'ean' }], [['A1', '3760123456789']]);
    expect(matched(suggestMapping(table, makeTemplate(['reference', 'ean'])))).toEqual({
      reference: 'A',
      ean: 'B',
    });
    const alone = makeTable([{ header: 'Code EAN', type: 'ean' }], [['3760123456789']]);
    expect(suggestMapping(alone, makeTemplate(['reference'])).unmatched).toEqual(['reference']);
  });

  it('ignores columns with no values', () => {
    const table = makeTable(['Réf.', 'Code article'], [[null, 'A1']]);
    expect(matched(suggestMapping(table, makeTemplate(['reference'])))).toEqual({ reference: 'B' });
  });

  it('uses each column for one field only, and each field once', () => {
    const table = makeTable(['Désignation', 'Libellé'], [['Vis', 'Vis inox']]);
    const result = suggestMapping(table, makeTemplate(['name', 'description']));
    expect(matched(result)).toEqual({ name: 'A' });
    expect(result.unmatched).toEqual(['description']);
  });

  it("uses the template's own synonyms and labels", () => {
    const template = makeTemplate([
      { id: 'supplierRef', synonyms: ['Réf. fournisseur'] },
      { id: 'finish', fr: 'Finition', en: 'Finish' },
    ]);
    const table = makeTable(['REF FOURNISSEUR', 'finition'], [['F-1', 'Mat']]);
    const result = suggestMapping(table, template);
    expect(matched(result)).toEqual({ supplierRef: 'A', finish: 'B' });
    expect(scoreOf(result, 'supplierRef')).toBe(1);
  });

  it('reports scores between 0.6 and 1 even with a type bonus', () => {
    const table = makeTable(['Image'], [['vis.jpg']]);
    expect(scoreOf(suggestMapping(table, makeTemplate(['image'])), 'image')).toBe(1);
  });

  it('nudges a picture field toward a column of file names', () => {
    const files = makeTable(['Image 1', 'Image 2'], [['Vrai', 'photos/vis.jpg']]);
    expect(matched(suggestMapping(files, makeTemplate(['image'])))).toEqual({ image: 'B' });
  });

  it('keeps the template grouping and sorting only for fields it could map', () => {
    const template = makeTemplate(['reference', 'name', 'category'], {
      groupBy: 'category',
      sortBy: ['category', 'reference'],
    });
    const table = makeTable(['Réf.', 'Désignation'], [['A1', 'Vis']]);
    const { mapping } = suggestMapping(table, template);
    expect(mapping.groupBy).toBeUndefined();
    expect(mapping.sortBy).toEqual(['reference']);
    const grouped = suggestMapping(table, makeTemplate(['reference'], { groupBy: '@category' })).mapping;
    expect(grouped.groupBy).toBe('@category');
  });
});

import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogItem } from '../../../../../main/engine/model.ts';
import { Template } from '../../../../../main/engine/templates/template.ts';
import { buildDataMerge } from '../../../../../main/engine/export/data-merge/build-data-merge.ts';
import { givenMoney } from '../../../../../main/engine/money/given-money.ts';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

const template = (show: 'ht' | 'ttc' | 'both' = 'ht') =>
  Template.parse({
    id: 'test',
    name: { fr: 'Test', en: 'Test' },
    fields: [
      { id: 'reference', label: { fr: 'Référence', en: 'Reference' }, type: 'text' },
      { id: 'name', label: { fr: 'Désignation', en: 'Product name' }, type: 'text' },
      { id: 'description', label: { fr: 'Description', en: 'Description' }, type: 'richText' },
      { id: 'category', label: { fr: 'Famille', en: 'Category' }, type: 'text' },
      { id: 'price', label: { fr: 'Prix HT', en: 'Price (excl. VAT)' }, type: 'price' },
      { id: 'stock', label: { fr: 'En stock', en: 'In stock' }, type: 'boolean' },
      { id: 'image', label: { fr: 'Photo', en: 'Image' }, type: 'image' },
    ],
    layout: { kind: 'grid', page: {}, price: { show } },
  });

const item = (row: number, fields: CatalogItem['fields']): CatalogItem => ({ row, fields, images: [] });

// Euros before tax at 20 %, as the user's settings would say; other tests change the money.
const EUROS_20 = givenMoney({ currency: 'EUR', vat: 0.2, basis: 'excl' });
const catalog: Catalog = {
  source: { file: 'tarif.xlsx', sheet: 'Tarif 2026' },
  template: 'test',
  money: EUROS_20,
  items: [],
  groups: [
    {
      name: 'Serrurerie',
      items: [
        item(22, {
          reference: { kind: 'text', value: 'COF-60' },
          name: { kind: 'text', value: 'Coffre-fort 60 min' },
          description: {
            kind: 'rich',
            value: 'Résistance au feu\nserrure à clé',
            runs: [{ text: 'Résistance au feu', bold: true }, { text: '\nserrure à clé' }],
          },
          price: { kind: 'price', value: 1234.5 },
          stock: { kind: 'boolean', value: true },
          image: { kind: 'image', path: '/photos/COF-60.jpg', name: 'COF-60.jpg' },
        }),
      ],
    },
    {
      name: 'Visserie',
      items: [
        item(6, {
          reference: { kind: 'text', value: 'VIS-4x40' },
          name: { kind: 'text', value: 'Vis agglo, tête "fraisée"' },
          price: { kind: 'price', value: 8.9 },
        }),
      ],
    },
  ],
};

const paths = (item: CatalogItem, field: string) => {
  const value = item.fields[field];
  return value?.kind === 'image' ? value.path : undefined;
};

describe('buildDataMerge', () => {
  it('names the columns by their labels and writes one record per item, groups in order', () => {
    const { header, records } = buildDataMerge(catalog, template(), {
      locale: 'fr-FR',
      lang: 'fr',
      imagePaths: paths,
    });
    // The template's own « Famille » (category) keeps its label; the group column yields.
    expect(header).toEqual([
      'Groupe',
      'Référence',
      'Désignation',
      'Description',
      'Famille',
      'Prix HT (EUR)',
      'En stock',
      '@Photo',
    ]);
    expect(records).toEqual([
      [
        'Serrurerie',
        'COF-60',
        // A number and its unit tied as on the page (format/typography.ts).
        'Coffre-fort 60\u00a0min',
        'Résistance au feu serrure à clé',
        '',
        `1${NNBSP}234,50${NBSP}€`,
        'Oui',
        '/photos/COF-60.jpg',
      ],
      ['Visserie', 'VIS-4x40', 'Vis agglo, tête "fraisée"', '', '', `8,90${NBSP}€`, '', ''],
    ]);
  });

  it('writes English labels and en-GB prices', () => {
    const pounds = { ...catalog, money: givenMoney({ currency: 'GBP', vat: 0.2, basis: 'excl' }) };
    const { header, records } = buildDataMerge(pounds, template('ht'), {
      locale: 'en-GB',
      lang: 'en',
      imagePaths: paths,
    });
    expect(header).toEqual([
      'Group',
      'Reference',
      'Product name',
      'Description',
      'Category',
      'Price (excl. VAT) (GBP)',
      'In stock',
      '@Image',
    ]);
    expect(records[0]![5]).toBe('£1,234.50');
    expect(records[0]![6]).toBe('Yes');
    expect(records[1]![5]).toBe('£8.90');
  });

  it('adds the price including VAT after the price when the layout shows it', () => {
    const fr = buildDataMerge(catalog, template('both'), { locale: 'fr-FR', lang: 'fr', imagePaths: paths });
    const at = fr.header.indexOf('Prix HT (EUR)');
    expect(fr.header[at + 1]).toBe('Prix TTC (EUR)');
    // 1 234,50 × 1.2 = 1 481,40 (the 20 % the catalog was given, the item has no rate of its own).
    expect(fr.records[0]![at + 1]).toBe(`1${NNBSP}481,40${NBSP}€`);
    expect(fr.records[1]![at + 1]).toBe(`10,68${NBSP}€`);

    const en = buildDataMerge(catalog, template('ttc'), { locale: 'en-GB', lang: 'en', imagePaths: paths });
    expect(en.header).toContain('Price (incl. VAT) (EUR)');
    expect(en.records[0]).toContain('€1,481.40');

    const ht = buildDataMerge(catalog, template('ht'), { locale: 'fr-FR', lang: 'fr', imagePaths: paths });
    expect(ht.header).not.toContain('Prix TTC (EUR)');
  });

  it('leaves the price including VAT empty, and the currency out, when nobody gave them', () => {
    const unknown = { ...catalog, money: givenMoney({ basis: 'excl' }) };
    const fr = buildDataMerge(unknown, template('both'), { locale: 'fr-FR', lang: 'fr', imagePaths: paths });
    const at = fr.header.indexOf('Prix HT');
    expect(fr.header[at + 1]).toBe('Prix TTC');
    expect(fr.records.map((r) => r[at])).toEqual([`1${NNBSP}234,50`, '8,90']);
    expect(fr.records.map((r) => r[at + 1])).toEqual(['', '']);
    expect(fr.records.flat().join(' ')).not.toContain('€');
  });

  it('puts no line break in any field, and no tab in a tab-delimited one', () => {
    const tricky: Catalog = {
      ...catalog,
      groups: [
        {
          name: 'Outillage\nmanuel',
          items: [
            item(14, {
              reference: { kind: 'text', value: 'MAR-500' },
              name: { kind: 'text', value: 'Marteau\r\nde\tcoffreur' },
              description: { kind: 'text', value: 'Manche en frêne\u2028Arrache-clou' },
            }),
          ],
        },
      ],
    };
    for (const delimiter of [',', '\t'] as const) {
      const { header, records } = buildDataMerge(tricky, template(), {
        locale: 'fr-FR',
        lang: 'fr',
        imagePaths: () => '/photos/a\nb.jpg',
        delimiter,
      });
      for (const field of [...header, ...records.flat()]) expect(field).not.toMatch(/[\r\n\u2028\u2029]/);
      if (delimiter === '\t') for (const field of records.flat()) expect(field).not.toContain('\t');
      expect(records[0]![0]).toBe('Outillage manuel');
    }
  });

  it('gives every header a distinct name that does not start with @ unless it is an image', () => {
    const clashing = Template.parse({
      id: 'clash',
      name: { fr: 'Clash', en: 'Clash' },
      fields: [
        { id: 'a', label: { fr: '@Photo', en: 'A' }, type: 'text' },
        { id: 'b', label: { fr: 'Photo', en: 'B' }, type: 'image' },
        { id: 'c', label: { fr: 'Prix, HT', en: 'C' }, type: 'price' },
        { id: 'd', label: { fr: 'Groupe', en: 'D' }, type: 'text' },
        { id: 'e', label: { fr: 'famille', en: 'E' }, type: 'text' },
      ],
    });
    const { header } = buildDataMerge(catalog, clashing, { locale: 'fr-FR', lang: 'fr', imagePaths: paths });
    expect(header).toEqual(['Famille 2', 'Photo', '@Photo 2', 'Prix HT', 'Groupe', 'famille']);
    expect(new Set(header.map((h) => h.replace(/^@/, '').toLowerCase())).size).toBe(header.length);
  });
});

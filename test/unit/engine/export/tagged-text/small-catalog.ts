// A small hand-made catalog that exercises everything the tagged-text export must get right: rich
// runs, a line break inside a cell, characters that are tag syntax (< > \), French punctuation,
// prices with thousands, an item without some fields, two named groups.
import type { Catalog, CatalogGroup, CatalogItem, FieldValue } from '../../../../../main/engine/model.ts';
import { givenMoney } from '../../../../../main/engine/money/given-money.ts';

export const EUROS_20 = givenMoney({ currency: 'EUR', vat: 0.2, basis: 'excl' });

export function item(row: number, group: string, fields: Record<string, FieldValue>): CatalogItem {
  return { row, group, fields, images: [] };
}

export function catalogOf(groups: CatalogGroup[], template = 'product-grid'): Catalog {
  return {
    source: { file: 'tarif.xlsx', sheet: 'Tarif 2026' },
    template,
    items: groups.flatMap((g) => g.items),
    groups,
    // Prices in euros before tax, 20 % VAT: given outright, as a user's settings would give them.
    money: EUROS_20,
  };
}

const text = (value: string): FieldValue => ({ kind: 'text', value });
const price = (value: number): FieldValue => ({ kind: 'price', value });

export const visserie: CatalogItem[] = [
  item(5, 'Visserie', {
    reference: text('VIS-4X30'),
    name: text('Vis à bois tête fraisée 4 × 30'),
    description: {
      kind: 'rich',
      value: 'Acier zingué — boîte de 200',
      runs: [
        { text: 'Acier ' },
        { text: 'zingué', bold: true },
        { text: ' — ' },
        { text: 'boîte de 200', italic: true },
      ],
    },
    unit: text('Boîte de 200'),
    color: text('Zingué'),
    price: price(12.5),
    ean: { kind: 'ean', value: '3760123456784' },
  }),
  item(6, 'Visserie', {
    reference: text('CHE-6'),
    name: text('Cheville nylon <6 mm>'),
    description: text('Pour béton : plein ou creux !\nSans perçage préalable'),
    unit: text('Sachet de 50'),
    price: price(1234.5),
    vat: { kind: 'percent', value: 0.055 },
  }),
];

export const outillage: CatalogItem[] = [
  item(9, 'Outillage & accessoires', {
    reference: text('MAR-300'),
    name: text('Marteau de charpentier \\ 300 g'),
    description: {
      kind: 'rich',
      value: 'Manche frêne. Garantie 10 ans',
      runs: [{ text: 'Manche frêne. ' }, { text: 'Garantie 10 ans', bold: true, italic: true }],
    },
    sizes: text('S, M, L'),
    price: price(24.9),
  }),
];

export const smallCatalog = (template = 'product-grid'): Catalog =>
  catalogOf(
    [
      { name: 'Visserie', items: visserie },
      { name: 'Outillage & accessoires', items: outillage },
    ],
    template,
  );

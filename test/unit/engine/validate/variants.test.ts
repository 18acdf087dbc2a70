import { describe, expect, it } from 'vitest';
import { buildTable } from '../../../../main/engine/import/build-table.ts';
import { itemLines } from '../../../../main/engine/model.ts';
import type { Mapping } from '../../../../main/engine/mapping/mapping-schema.ts';
import { Template } from '../../../../main/engine/templates/template.ts';
import { validateCatalog } from '../../../../main/engine/validate/validate.ts';
import { rawRow, rawSheet } from '../import/raw-sheet.ts';

const template = Template.parse({
  id: 'shop',
  name: { fr: 'Boutique', en: 'Shop' },
  fields: [
    { id: 'handle', label: { fr: 'Identifiant', en: 'Handle' }, type: 'text', unique: true },
    { id: 'name', label: { fr: 'Nom', en: 'Name' }, type: 'text', required: true },
    { id: 'size', label: { fr: 'Taille', en: 'Size' }, type: 'text' },
    { id: 'reference', label: { fr: 'Référence', en: 'SKU' }, type: 'text', required: true, unique: true },
    { id: 'price', label: { fr: 'Prix', en: 'Price' }, type: 'price', required: true },
    { id: 'image', label: { fr: 'Photo', en: 'Image' }, type: 'image' },
  ],
});

const HEADER = ['Handle', 'Title', 'Option1 Value', 'Variant SKU', 'Variant Price', 'Image Src'];

const mapping: Mapping = {
  version: 1,
  template: 'shop',
  fields: Object.fromEntries(
    ['handle', 'name', 'size', 'reference', 'price', 'image'].map((id, i) => [
      id,
      {
        columns: [{ header: HEADER[i]!, letter: String.fromCharCode(65 + i) }],
        separator: ' ',
        transforms: [],
      },
    ]),
  ),
};

const shopExport = buildTable(
  rawSheet([
    rawRow(1, HEADER),
    rawRow(2, ['classic-tee', 'Classic tee', 'S', 'TEE-S', 19, 'tee.jpg']),
    rawRow(3, ['classic-tee', '', 'M', 'TEE-M', 19, '']),
    rawRow(4, ['classic-tee', '', 'L', 'TEE-L', 21, '']),
    rawRow(5, ['classic-tee', '', '', '', '', 'tee-back.jpg']),
    rawRow(6, ['hoodie', 'Hoodie', 'S', 'HOO-S', 49, 'hoodie.jpg']),
    rawRow(7, ['hoodie', '', 'M', 'HOO-M', '', '']),
  ]),
  'products_export.csv',
);

describe('variant rows in validation', () => {
  const { catalog, issues } = validateCatalog(shopExport, template, mapping);

  it('makes one item per product, its variants attached, with no "name is required"', () => {
    expect(catalog.items.map((i) => i.row)).toEqual([2, 6]);
    expect(catalog.items[0]!.variants!.map((v) => v.row)).toEqual([3, 4]);
    expect(catalog.items[1]!.variants!.map((v) => v.row)).toEqual([7]);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it("gives a variant the product's values where its cells are blank, and keeps its own", () => {
    const large = catalog.items[0]!.variants![1]!;
    expect(large.fields.name).toEqual({ kind: 'text', value: 'Classic tee' });
    expect(large.fields.size).toEqual({ kind: 'text', value: 'L' });
    expect(large.fields.price).toEqual({ kind: 'price', value: 21 });
    // The hoodie's M row has no price of its own: it is the product's.
    expect(catalog.items[1]!.variants![0]!.fields.price).toEqual({ kind: 'price', value: 49 });
  });

  it('does not report the shared handle as a duplicate, but still a duplicate SKU', () => {
    expect(issues.some((i) => i.code === 'DUPLICATE_VALUE')).toBe(false);
    const twice = buildTable(
      rawSheet([
        rawRow(1, HEADER),
        rawRow(2, ['classic-tee', 'Classic tee', 'S', 'TEE-S', 19, '']),
        rawRow(3, ['classic-tee', '', 'M', 'TEE-S', 19, '']),
      ]),
      'products_export.csv',
    );
    const dup = validateCatalog(twice, template, mapping).issues.filter((i) => i.code === 'DUPLICATE_VALUE');
    expect(dup.map((i) => i.ref)).toEqual(['products_export!D3'.replace('products_export', "'Tarif 2026'")]);
  });

  it('leaves out a row holding only another picture, and says so once', () => {
    const pictureOnly = issues.find((i) => i.code === 'PICTURE_ONLY_ROWS')!;
    expect(pictureOnly.message.en).toBe(
      'Row(s) holding only another picture of the product above, not printed: 5.',
    );
    expect(issues.find((i) => i.code === 'VARIANTS_ATTACHED')!.message.en).toBe(
      '3 variant row(s) (size, colour, another price…) attached to the 2 product(s) above them.',
    );
  });

  it('prints one line per variant under its product', () => {
    expect(catalog.groups.flatMap((g) => g.items.flatMap(itemLines)).map((i) => i.row)).toEqual([
      2, 3, 4, 6, 7,
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Cell, SourceTable } from '../../../../main/engine/model.ts';
import type { Mapping } from '../../../../main/engine/mapping/mapping-schema.ts';
import { Template } from '../../../../main/engine/templates/template.ts';
import { validateCatalog } from '../../../../main/engine/validate/validate.ts';

const template = Template.parse({
  id: 'test',
  name: { fr: 'Test', en: 'Test' },
  groupBy: '@category',
  fields: [
    {
      id: 'reference',
      label: { fr: 'Référence', en: 'Reference' },
      type: 'text',
      required: true,
      unique: true,
    },
    { id: 'name', label: { fr: 'Désignation', en: 'Name' }, type: 'text', required: true, maxLength: 20 },
    { id: 'price', label: { fr: 'Prix HT', en: 'Price' }, type: 'price', required: true },
    { id: 'vat', label: { fr: 'TVA', en: 'VAT' }, type: 'percent' },
    { id: 'ean', label: { fr: 'EAN', en: 'EAN' }, type: 'ean' },
    { id: 'image', label: { fr: 'Photo', en: 'Image' }, type: 'image' },
  ],
});

const text = (value: string): Cell =>
  value === '' ? { value: { kind: 'empty' } } : { value: { kind: 'text', value } };
const num = (value: number, numFmt?: string): Cell => ({
  value: { kind: 'number', value, ...(numFmt ? { numFmt } : {}) },
});

const HEADERS = ['Réf.', 'Désignation', 'Prix HT', 'TVA', 'EAN', 'Photo'];

function table(rows: [number, Cell[], string?][], extra: Partial<SourceTable> = {}): SourceTable {
  return {
    file: 'tarif.xlsx',
    sheet: 'Tarif 2026',
    preamble: [],
    headerRow: 4,
    headerless: false,
    roles: [],
    columns: HEADERS.map((header, index) => ({
      index,
      letter: String.fromCharCode(65 + index),
      header,
      hidden: false,
      type: 'text',
      samples: [],
    })),
    rows: rows.map(([number, cells, group]) => ({
      number,
      hidden: false,
      role: 'product' as const,
      cells,
      images: [],
      ...(group ? { group } : {}),
    })),
    groups: [],
    blankRows: [],
    notices: [],
    ...extra,
  };
}

const mapping: Mapping = {
  version: 1,
  template: 'test',
  fields: Object.fromEntries(
    ['reference', 'name', 'price', 'vat', 'ean', 'image'].map((id, i) => [
      id,
      { columns: [{ header: HEADERS[i]! }], separator: ' ', transforms: [] },
    ]),
  ),
};

const images = { dir: '/photos', files: ['VIS-4x40.jpg', 'CLOU.PNG'] };

describe('validateCatalog', () => {
  it('builds typed items grouped by category and reports nothing on clean rows', () => {
    const { catalog, issues } = validateCatalog(
      table([
        [
          6,
          [
            text('VIS-4x40'),
            text('Vis bois'),
            num(12.5, '#,##0.00 €'),
            num(0.2, '0%'),
            num(3760123456784),
            text('VIS-4x40'),
          ],
          'Visserie',
        ],
        [
          7,
          [
            text('CLOU'),
            text('Clou'),
            text('1 234,50 €'),
            text('5,5 %'),
            text('3760123456791'),
            text('clou'),
          ],
          'Clouterie',
        ],
      ]),
      template,
      mapping,
      { images },
    );
    expect(issues).toEqual([]);
    expect(catalog.groups.map((g) => [g.name, g.items.length])).toEqual([
      ['Visserie', 1],
      ['Clouterie', 1],
    ]);
    expect(catalog.items[1]!.fields).toEqual({
      reference: { kind: 'text', value: 'CLOU' },
      name: { kind: 'text', value: 'Clou' },
      price: { kind: 'price', value: 1234.5, currency: 'EUR' },
      vat: { kind: 'percent', value: 0.055 },
      ean: { kind: 'ean', value: '3760123456791' },
      image: { kind: 'image', name: 'clou', path: '/photos/CLOU.PNG' },
    });
  });

  it('names every problem cell as Excel shows it, in French and English', () => {
    const { issues } = validateCatalog(
      table([
        [
          6,
          [
            text('VIS-4x40'),
            text('Vis'),
            text('sur devis'),
            text('vingt'),
            num(3760123456785),
            text('absent.jpg'),
          ],
        ],
        [
          7,
          [
            text('vis-4x40'),
            text(''),
            { value: { kind: 'error', value: '#REF!' }, formula: 'A1*2' },
            text(''),
            text(''),
            text(''),
          ],
        ],
        [
          8,
          [text('R3'), text('Un nom bien trop long pour la case'), num(-2), text(''), text('12'), text('')],
        ],
      ]),
      template,
      mapping,
      { images },
    );
    const found = issues.map((i) => [i.ref, i.code, i.severity]);
    expect(found).toEqual(
      expect.arrayContaining([
        ["'Tarif 2026'!C6", 'NOT_A_PRICE', 'error'],
        ["'Tarif 2026'!D6", 'NOT_A_PERCENT', 'error'],
        ["'Tarif 2026'!E6", 'INVALID_EAN', 'error'],
        ["'Tarif 2026'!F6", 'IMAGE_NOT_FOUND', 'warning'],
        ["'Tarif 2026'!A7", 'DUPLICATE_VALUE', 'error'],
        ["'Tarif 2026'!B7", 'REQUIRED_MISSING', 'error'],
        ["'Tarif 2026'!C7", 'CELL_ERROR', 'error'],
        ["'Tarif 2026'!B8", 'TOO_LONG', 'warning'],
        ["'Tarif 2026'!C8", 'NEGATIVE_PRICE', 'warning'],
        ["'Tarif 2026'!E8", 'INVALID_EAN', 'error'],
      ]),
    );
    // Every cell issue above, and nothing else on a cell; sheet-wide notices are asserted elsewhere.
    expect(found.filter(([ref]) => ref !== undefined)).toHaveLength(10);
    // Row 7's empty picture cell is filled from the folder's "VIS-4x40.jpg", named after its reference.
    expect(issues.filter((i) => i.code === 'IMAGES_FOUND_BY_REFERENCE')).toHaveLength(1);
    const price = issues.find((i) => i.code === 'NOT_A_PRICE')!;
    expect(price.message.fr).toContain('« sur devis » n’est pas un prix'.replace('’', "'"));
    expect(price.message.en).toContain('"sur devis" is not a price');
    expect(price.cell).toEqual({ sheet: 'Tarif 2026', row: 6, column: 'C' });
    expect(issues.find((i) => i.code === 'DUPLICATE_VALUE')!.message.en).toContain('row 6');
  });

  it('never turns a text where a price is expected into 0', () => {
    const { catalog } = validateCatalog(
      table([[6, [text('R1'), text('Nom'), text('N/A'), text(''), text(''), text('')]]]),
      template,
      mapping,
    );
    expect(catalog.items[0]!.fields.price).toBeUndefined();
  });

  it('reports unmapped required fields and columns that left the file', () => {
    const partial: Mapping = {
      version: 1,
      template: 'test',
      fields: {
        reference: mapping.fields.reference!,
        name: mapping.fields.name!,
      },
    };
    // Next month's file: the name column was renamed to something that means nothing to the template.
    const t = table([[6, [text('R1'), text('N'), num(1), text(''), text(''), text('')]]]);
    t.columns[1]!.header = 'Commentaire interne';
    const { issues } = validateCatalog(t, template, partial);
    expect(issues.map((i) => [i.code, i.field])).toEqual(
      expect.arrayContaining([
        ['COLUMN_NOT_FOUND', 'name'],
        ['FIELD_NOT_MAPPED', 'price'],
      ]),
    );
    expect(issues.filter((i) => i.severity === 'error')).toHaveLength(2);
  });

  it('skips hidden rows with a notice, reports blank and duplicate rows', () => {
    const t = table(
      [
        [6, [text('R1'), text('Un'), num(1), text(''), text(''), text('')]],
        [8, [text('R2'), text('Deux'), num(2), text(''), text(''), text('')]],
        [9, [text('R2'), text('Deux'), num(2), text(''), text(''), text('')]],
      ],
      { blankRows: [7] },
    );
    t.rows[0]!.hidden = true;
    const { issues, catalog } = validateCatalog(t, template, mapping);
    expect(catalog.items.map((i) => i.row)).toEqual([8, 9]);
    expect(issues.map((i) => [i.code, i.ref])).toEqual(
      expect.arrayContaining([
        ['DUPLICATE_ROW', "'Tarif 2026'!9:9"],
        ['HIDDEN_ROWS_SKIPPED', undefined],
        ['BLANK_ROWS', undefined],
      ]),
    );
    const withHidden = validateCatalog(t, template, mapping, { includeHidden: true });
    expect(withHidden.catalog.items.map((i) => i.row)).toEqual([6, 8, 9]);
  });

  it('uses a picture embedded in the row when the image cell is empty', () => {
    const t = table([[6, [text('R1'), text('Un'), num(1), text(''), text(''), text('')]]]);
    t.rows[0]!.images = [{ row: 6, column: 5, extension: 'png', bytes: new Uint8Array([1]) }];
    // The currency is given: a sheet without one would (rightly) be told so.
    const { catalog, issues } = validateCatalog(t, template, mapping, { images, money: { currency: 'EUR' } });
    expect(catalog.items[0]!.fields.image).toEqual({ kind: 'image', embedded: 0 });
    expect(issues).toEqual([]);
  });

  it('groups by a category column when the sheet has no category rows', () => {
    const withCategory = Template.parse({
      ...template,
      fields: [
        ...template.fields,
        { id: 'category', label: { fr: 'Famille', en: 'Category' }, type: 'text' },
      ],
    });
    const t = table([
      [2, [text('R1'), text('Un'), num(1), text(''), text(''), text(''), text('Riviera')]],
      [3, [text('R2'), text('Deux'), num(2), text(''), text(''), text(''), text('Evening')]],
      [4, [text('R3'), text('Trois'), num(3), text(''), text(''), text(''), text('Riviera')]],
    ]);
    t.columns.push({ index: 6, letter: 'G', header: 'Collection', hidden: false, type: 'text', samples: [] });
    const withColumn: Mapping = {
      ...mapping,
      fields: {
        ...mapping.fields,
        category: { columns: [{ header: 'Collection' }], separator: ' ', transforms: [] },
      },
    };
    const { catalog } = validateCatalog(t, withCategory, withColumn);
    expect(catalog.groups.map((g) => [g.name, g.items.map((i) => i.row)])).toEqual([
      ['Riviera', [2, 4]],
      ['Evening', [3]],
    ]);
  });

  it('sorts inside groups and groups by a field when asked', () => {
    const { catalog } = validateCatalog(
      table([
        [6, [text('B2'), text('Zèbre'), num(3), text(''), text(''), text('')]],
        [7, [text('A10'), text('Âne'), num(1), text(''), text(''), text('')]],
        [8, [text('A9'), text('Abeille'), num(2), text(''), text(''), text('')]],
      ]),
      template,
      mapping,
      { groupBy: '', sortBy: ['reference'] },
    );
    expect(catalog.groups).toHaveLength(1);
    expect(
      catalog.groups[0]!.items.map((i) => i.fields.reference!.kind === 'text' && i.fields.reference!.value),
    ).toEqual(['A9', 'A10', 'B2']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildTable } from '../../../../main/engine/import/build-table.ts';
import { CatalogError } from '../../../../main/engine/errors.ts';
import { EMPTY_CELL } from '../../../../main/engine/model.ts';
import type { EmbeddedImage, Issue, RawRow } from '../../../../main/engine/model.ts';
import { rawRow, rawSheet, rich } from './raw-sheet.ts';
import type { RawInput } from './raw-sheet.ts';

const HEADER = ['Réf.', 'Désignation', 'Conditionnement', 'Prix HT', 'EAN'];

/** The French price list of the samples: title, blank row, header on row 4, then the products. */
function priceList(body: RawRow[], extraHeader: RawInput[] = HEADER): RawRow[] {
  return [
    rawRow(1, ['Quincaillerie Dupont — Tarif 2026']),
    rawRow(2, ['Prix HT en euros']),
    rawRow(4, extraHeader),
    ...body,
  ];
}

const product = (number: number, ref: string, name = `Produit ${ref}`, price: RawInput = 12.5): RawRow =>
  rawRow(number, [ref, name, 'Boîte de 100', price, 3760123456784]);

const image = (row: number, column = 6): EmbeddedImage => ({
  row,
  column,
  extension: 'png',
  bytes: new Uint8Array([row]),
});

const build = (rows: RawRow[], extra: Parameters<typeof rawSheet>[1] = {}) =>
  buildTable(rawSheet(rows, extra), 'tarif.xlsx');

describe('buildTable', () => {
  it('finds the header below the title rows and names the columns after it', () => {
    const table = build(priceList([product(5, 'VIS-4x40'), product(6, 'VIS-5x50')]));
    expect(table.file).toBe('tarif.xlsx');
    expect(table.sheet).toBe('Tarif 2026');
    expect(table.headerRow).toBe(4);
    expect(table.columns.map((c) => [c.letter, c.header])).toEqual([
      ['A', 'Réf.'],
      ['B', 'Désignation'],
      ['C', 'Conditionnement'],
      ['D', 'Prix HT'],
      ['E', 'EAN'],
    ]);
    expect(table.columns.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
    expect(table.rows.map((r) => r.number)).toEqual([5, 6]);
  });

  it('types each column from its cells', () => {
    const table = build(priceList([product(5, 'VIS-4x40'), product(6, 'VIS-5x50', 'Vis', '1 234,50 €')]));
    expect(table.columns.map((c) => c.type)).toEqual(['text', 'text', 'text', 'price', 'ean']);
  });

  it('passes the notices it is given through', () => {
    const notice: Issue = { severity: 'info', code: 'LARGE_FILE_MODE', message: { fr: 'x', en: 'x' } };
    const table = buildTable(rawSheet(priceList([product(5, 'A')])), 'tarif.xlsx', [notice]);
    expect(table.notices).toEqual([notice]);
  });

  it('refuses a sheet with no filled cell with NO_HEADER_ROW', () => {
    expect(() => build([rawRow(1, []), rawRow(2, ['', null])])).toThrow(CatalogError);
    try {
      build([]);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      expect((error as CatalogError).code).toBe('NO_HEADER_ROW');
    }
  });

  describe('category rows', () => {
    it('do not list a footnote under the table as a group', () => {
      const table = build(
        priceList([
          rawRow(5, ['Visserie']),
          product(6, 'VIS-4x40'),
          rawRow(8, ['* Prix indicatifs, hors frais de port']),
        ]),
      );
      expect(table.groups).toEqual([{ name: 'Visserie', row: 5 }]);
      expect(table.rows.map((r) => r.number)).toEqual([6]);
    });

    it('become the group of the product rows below them', () => {
      const table = build(
        priceList([
          product(5, 'SANS-1'),
          rawRow(6, ['Visserie', '', '', '', '']), // merged across the table: only A holds the value
          product(7, 'VIS-4x40'),
          product(8, 'VIS-5x50'),
          rawRow(9, ['', '', ' Outillage\u00A0 ']),
          product(10, 'MAR-1'),
        ]),
      );
      expect(table.groups).toEqual([
        { name: 'Visserie', row: 6 },
        { name: 'Outillage', row: 9 },
      ]);
      expect(table.rows.map((r) => [r.number, r.group])).toEqual([
        [5, undefined],
        [7, 'Visserie'],
        [8, 'Visserie'],
        [10, 'Outillage'],
      ]);
      expect(table.rows[0]).not.toHaveProperty('group');
    });

    it('can be rich text (a bold family name)', () => {
      const table = build(
        priceList([rawRow(5, [rich({ text: 'Visserie', bold: true })]), product(6, 'VIS-4x40')]),
      );
      expect(table.groups).toEqual([{ name: 'Visserie', row: 5 }]);
      expect(table.rows[0]!.group).toBe('Visserie');
    });

    it.each<[string, RawInput[]]>([
      ['a product row with a missing name', ['VIS-6x60', '', '', 9.9, '']],
      ['a product row with only a name and a price', ['', 'Vis 6x60', '', 9.9, '']],
      ['a row holding a single number', ['', '', '', 9.9, '']],
      ['a row holding a single date', ['', '', '', { value: { kind: 'date', value: '2026-03-01' } }, '']],
      ['a row holding a single text longer than 80 characters', ['x'.repeat(81)]],
    ])('are not %s', (_, values) => {
      const table = build(priceList([product(5, 'VIS-4x40'), rawRow(6, values)]));
      expect(table.groups).toEqual([]);
      expect(table.rows.map((r) => r.number)).toEqual([5, 6]);
    });

    it('are not recognised in a table of fewer than three columns', () => {
      const table = build([rawRow(1, ['Réf.', 'Prix']), rawRow(2, ['Visserie']), rawRow(3, ['VIS-4', 12])]);
      expect(table.groups).toEqual([]);
      expect(table.rows.map((r) => r.number)).toEqual([2, 3]);
    });
  });

  describe('blank rows', () => {
    it('lists the blank rows between products, present or absent from the file, but not trailing ones', () => {
      const table = build(
        priceList([
          product(5, 'A'),
          rawRow(6, ['', '', '']), // present in the file with empty cells
          // row 7 absent from the file
          product(8, 'B'),
          rawRow(9, []),
          product(10, 'C'),
          rawRow(11, []),
          rawRow(13, ['', null]),
        ]),
      );
      expect(table.blankRows).toEqual([6, 7, 9]);
      expect(table.rows.map((r) => r.number)).toEqual([5, 8, 10]);
    });

    it('lists blank rows between the header and the first product', () => {
      const table = build(priceList([rawRow(5, []), product(7, 'A')]));
      expect(table.blankRows).toEqual([5, 6]);
    });

    it('lists none when the header has no product under it', () => {
      expect(build(priceList([rawRow(5, []), rawRow(6, [])])).blankRows).toEqual([]);
    });
  });

  describe('header names', () => {
    it('numbers duplicate names so a mapping can tell them apart', () => {
      const table = build([
        rawRow(1, ['Réf.', 'Prix', 'Prix', 'Désignation', 'Prix']),
        rawRow(2, ['A', 1, 2, 'Vis', 3]),
      ]);
      expect(table.columns.map((c) => c.header)).toEqual([
        'Réf.',
        'Prix',
        'Prix (2)',
        'Désignation',
        'Prix (3)',
      ]);
    });

    // Regression: the suffix is counted per base name, not checked against the names
    // already given, so a real "Prix (2)" header and the second "Prix" both end up "Prix (2)" and a
    // mapping profile can no longer tell them apart. Fixed by: loop until the candidate is unused
    // (`while (taken.has(name)) name = `${base} (${++n})``) and record every final name.
    it('keeps names unique when a header already reads like a numbered duplicate', () => {
      const table = build([rawRow(1, ['Prix', 'Prix (2)', 'Prix']), rawRow(2, [1, 2, 3])]);
      const headers = table.columns.map((c) => c.header);
      expect(new Set(headers).size).toBe(headers.length);
    });

    it('names a column without a header by its letter', () => {
      const table = build([
        rawRow(1, ['Réf.', '', 'Prix', 'Désignation', 'EAN']),
        rawRow(2, ['A', 'x', 1, 'Vis', 3760123456784, 'note']),
      ]);
      expect(table.columns.map((c) => c.header)).toEqual([
        'Réf.',
        '[B]',
        'Prix',
        'Désignation',
        'EAN',
        '[F]',
      ]);
      expect(table.columns[5]!.letter).toBe('F');
    });

    it('joins a two-line header (Alt+Enter) and its odd spaces into one line', () => {
      const table = build([
        rawRow(1, ['Réf.', 'Prix\nHT', ' Prix\u00A0\u00A0TTC\r\n']),
        rawRow(2, ['A', 1, 2]),
      ]);
      expect(table.columns.map((c) => c.header)).toEqual(['Réf.', 'Prix HT', 'Prix TTC']);
    });
  });

  describe('rows', () => {
    it('are padded to the width of the widest row with empty cells', () => {
      const table = build([
        rawRow(1, ['Réf.', 'Désignation', 'Prix']),
        rawRow(2, ['A', 'Vis']),
        rawRow(3, ['B', 'Vis', 1, 'x']),
      ]);
      expect(table.columns).toHaveLength(4);
      expect(table.rows[0]!.cells).toHaveLength(4);
      expect(table.rows[0]!.cells[3]).toBe(EMPTY_CELL);
    });

    it('keep the hidden flag of rows hidden in Excel', () => {
      const table = build(priceList([product(5, 'A'), { ...product(6, 'B'), hidden: true }]));
      expect(table.rows.map((r) => r.hidden)).toEqual([false, true]);
    });

    it('flag the columns hidden in Excel', () => {
      const table = build(priceList([product(5, 'A')]), { hiddenColumns: [2, 4] });
      expect(table.columns.map((c) => c.hidden)).toEqual([false, false, true, false, true]);
    });

    it('carry the images anchored on their row; images elsewhere are not attached to a product', () => {
      const images = [image(5), image(5, 7), image(7), image(4), image(6)];
      const table = build(
        priceList([product(5, 'A'), rawRow(6, ['Visserie']), product(7, 'B'), product(8, 'C')]),
        {
          images,
        },
      );
      expect(table.rows.map((r) => [r.number, r.images])).toEqual([
        [5, [images[0], images[1]]],
        [7, [images[2]]],
        [8, []],
      ]);
    });

    it('find their role whatever the order of the row numbers, a number written twice included', () => {
      // A broken generator: row 6 twice, and (second sheet) rows out of order. Each row gets the
      // decision on its number, the last one when the number was decided twice (as a map by number
      // gives it): both rows 6 are products, the label among them.
      const twice = build(
        priceList([product(5, 'A'), rawRow(6, ['Visserie']), product(6, 'B'), product(7, 'C')]),
      );
      expect(twice.rows.map((r) => [r.number, r.role, r.cells[0]!.value])).toEqual([
        [5, 'product', { kind: 'text', value: 'A' }],
        [6, 'product', { kind: 'text', value: 'Visserie' }],
        [6, 'product', { kind: 'text', value: 'B' }],
        [7, 'product', { kind: 'text', value: 'C' }],
      ]);
      expect(twice.groups).toEqual([]);
      const unordered = build(priceList([product(7, 'C'), rawRow(9, ['Visserie']), product(5, 'A')]));
      expect(unordered.rows.map((r) => [r.number, r.role, r.group])).toEqual([
        [7, 'product', undefined],
        [5, 'product', 'Visserie'],
      ]);
    });
  });

  describe('samples', () => {
    it('are the first three distinct values, spaces normalised', () => {
      const table = build(
        priceList([
          product(5, 'A', 'Vis'),
          product(6, 'B', 'Vis'),
          rawRow(7, ['C', '', 'x', 1]),
          product(8, 'D', 'Clou\u00A0 60'),
          product(9, 'E', 'Écrou'),
          product(10, 'F', 'Boulon'),
        ]),
      );
      expect(table.columns[1]!.samples).toEqual(['Vis', 'Clou 60', 'Écrou']);
    });

    it('are truncated to 40 characters with an ellipsis', () => {
      const long = 'Vis à bois tête fraisée Pozidriv, acier zingué blanc';
      const table = build(priceList([product(5, 'A', long)]));
      const [sample] = table.columns[1]!.samples;
      expect(sample).toBe(`${long.slice(0, 39)}…`);
      expect(sample).toHaveLength(40);
    });

    // Regression: duplicates are checked against the full text but the truncated text is
    // stored, so the same long designation on several rows fills every sample slot with one value.
    // Fixed by: truncate first, then test `samples.includes(shown)`.
    it('are deduplicated after truncation too', () => {
      const long = 'Vis à bois tête fraisée Pozidriv, acier zingué blanc';
      const table = build(priceList([product(5, 'A', long), product(6, 'B', long), product(7, 'C', 'Clou')]));
      expect(table.columns[1]!.samples).toEqual([`${long.slice(0, 39)}…`, 'Clou']);
    });
  });
});

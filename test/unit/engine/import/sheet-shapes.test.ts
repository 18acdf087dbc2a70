import { describe, expect, it } from 'vitest';
import { buildTable } from '../../../../main/engine/import/build-table.ts';
import { looksLikeDataRow } from '../../../../main/engine/import/headerless.ts';
import { findMatrix } from '../../../../main/engine/import/matrix-sheet.ts';
import { rawRow, rawSheet, rowsFrom } from './raw-sheet.ts';

const build = (rows: ReturnType<typeof rowsFrom>, extra: Parameters<typeof rawSheet>[1] = {}) =>
  buildTable(rawSheet(rows, extra), 'tarif.xlsx');

describe('a sheet without a header row', () => {
  const rows = rowsFrom([
    ['VIS-4x40', 'Vis agglo 4x40', 'Boîte de 200', 8.9],
    ['VIS-5x60', 'Vis agglo 5x60', 'Boîte de 100', 12.5],
    ['BOU-M8', 'Boulon M8x50', 'Sachet de 25', 9.8],
  ]);

  it('keeps its first row as a product and names the columns by letter', () => {
    const table = build(rows);
    expect(table.headerless).toBe(true);
    expect(table.headerRow).toBe(0);
    expect(table.columns.map((c) => c.header)).toEqual(['[A]', '[B]', '[C]', '[D]']);
    expect(table.rows.map((r) => r.number)).toEqual([1, 2, 3]);
    expect(table.roles.map((r) => r.role)).toEqual(['product', 'product', 'product']);
    expect(table.notices.map((n) => n.code)).toContain('NO_HEADER_ROW_FOUND');
  });

  it('is told apart from a header of labels over the same data', () => {
    const withHeader = rowsFrom([
      ['Réf.', 'Désignation', 'Conditionnement', 'Prix HT'],
      ...rows.map((r) => r.cells),
    ]);
    expect(looksLikeDataRow(withHeader, 0)).toBe(false);
    const table = build(withHeader);
    expect(table.headerless).toBe(false);
    expect(table.headerRow).toBe(1);
    expect(table.rows).toHaveLength(3);
  });

  it('is not assumed for a header of words over rows of words', () => {
    const words = rowsFrom([
      ['Name', 'Colour', 'Material'],
      ['Classic tee', 'White', 'Cotton'],
      ['Hoodie', 'Grey', 'Fleece'],
    ]);
    expect(looksLikeDataRow(words, 0)).toBe(false);
  });
});

describe('a price matrix sheet', () => {
  const matrix = rowsFrom([
    ['Flyers A5 — quadri recto-verso'],
    [],
    ['Quantité', '135 g couché brillant', '170 g couché mat', '250 g couché mat'],
    [100, 45, 52, 68],
    [250, 60, 69, 88],
    [500, 80, 92, 118],
    ['1 000', 120, 138, 176],
  ]);

  it('is recognised, with its quantities and variants, and said to be a matrix', () => {
    const table = build(matrix);
    expect(table.matrix).toEqual({
      headerRow: 3,
      quantityColumn: 'A',
      quantities: [100, 250, 500, 1000],
      variants: ['135 g couché brillant', '170 g couché mat', '250 g couché mat'],
    });
    const notice = table.notices.find((n) => n.code === 'PRICE_MATRIX_SHEET')!;
    expect(notice.message.en).toMatch(/price matrix: quantities down column A \(100 to 1,000\), 3 variants/);
    expect(notice.ref).toBe("'Tarif 2026'!A3");
  });

  it('is not a product table whose first column happens to be numeric', () => {
    const products = rowsFrom([
      ['Article', 'Désignation', 'Prix'],
      [1001, 'Vis', 2.5],
      [1002, 'Boulon', 3.1],
      [1003, 'Écrou', 0.4],
    ]);
    expect(findMatrix(products[0]!, products.slice(1))).toBeUndefined();
    expect(build(products).matrix).toBeUndefined();
  });

  it('needs quantities that grow down the column', () => {
    const shuffled = [
      rawRow(1, ['Qté', 'A', 'B']),
      rawRow(2, [500, 1, 2]),
      rawRow(3, [100, 1, 2]),
      rawRow(4, [250, 1, 2]),
    ];
    expect(findMatrix(shuffled[0]!, shuffled.slice(1))).toBeUndefined();
  });
});

describe('row roles in the table', () => {
  it('lists title, header and every row decision, and turns notes and totals into information', () => {
    const table = build(
      [
        rawRow(1, ['Quincaillerie Dupont — Tarif 2026']),
        rawRow(2, ['Prices exclude 10 % VAT']),
        rawRow(4, ['Réf.', 'Désignation', 'Conditionnement', 'Prix HT']),
        rawRow(5, ['Visserie', '', '', '']),
        rawRow(6, ['VIS-4x40', 'Vis 4x40', 'Boîte de 200', 8.9]),
        rawRow(7, ['', '', 'Carton de 10 boîtes', 80]),
        rawRow(8, ['Total', '', '', 88.9]),
        rawRow(10, ['** DOC : fiches techniques sur demande']),
        rawRow(11, [
          "(1) Prix valables jusqu'au 31/12/2026, sauf hausse des matières premières supérieure à 5 %",
        ]),
      ],
      { merges: [{ top: 5, left: 1, bottom: 5, right: 4 }] },
    );
    expect(table.preamble).toEqual(['Quincaillerie Dupont — Tarif 2026', 'Prices exclude 10 % VAT']);
    expect(table.roles.map((r) => [r.row, r.role])).toEqual([
      [1, 'title'],
      [2, 'title'],
      [4, 'header'],
      [5, 'category'],
      [6, 'product'],
      [7, 'variant'],
      [8, 'total'],
      [10, 'note'],
      [11, 'note'],
    ]);
    expect(table.rows.map((r) => [r.number, r.role, r.parent, r.group])).toEqual([
      [6, 'product', undefined, 'Visserie'],
      [7, 'variant', 6, 'Visserie'],
    ]);
    expect(table.groups).toEqual([{ name: 'Visserie', row: 5 }]);
    const byCode = Object.fromEntries(table.notices.map((n) => [n.code, n]).reverse());
    expect(byCode.SHEET_NOTE!.ref).toBe("'Tarif 2026'!A10");
    expect(byCode.SHEET_NOTE!.message.fr).toBe(
      'Note, ni produit ni famille : « ** DOC : fiches techniques sur demande ».',
    );
    expect(byCode.TOTAL_ROWS_SKIPPED!.message.en).toBe('Total row(s) left out: 8.');
    // A note is kept whole in the information: it may be a condition of sale.
    expect(table.notices.filter((n) => n.code === 'SHEET_NOTE')[1]!.message.en).toBe(
      `Note, neither a product nor a category: "(1) Prix valables jusqu'au 31/12/2026, sauf hausse des matières premières supérieure à 5 %".`,
    );
  });
});

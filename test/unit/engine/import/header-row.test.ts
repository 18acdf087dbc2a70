import { describe, expect, it } from 'vitest';
import { findHeaderRow } from '../../../../main/engine/import/header-row.ts';
import { date, rawRow, rowsFrom } from './raw-sheet.ts';
import type { RawInput } from './raw-sheet.ts';

const HEADER = ['Réf.', 'Désignation', 'Conditionnement', 'Prix HT', 'EAN'];
const PRODUCTS: RawInput[][] = [
  ['VIS-4x40', 'Vis bois 4x40', 'Boîte de 200', 12.5, 3760123456784],
  ['VIS-5x50', 'Vis bois 5x50', 'Boîte de 100', '1 234,50 €', 3760123456791],
  ['CLOU-60', 'Clou tête plate 60', 'Sachet de 1 kg', 8.9, 3760123456807],
];

describe('findHeaderRow', () => {
  it.each<[string, RawInput[][], number]>([
    ['a header on the first row', [HEADER, ...PRODUCTS], 0],
    [
      'title rows above the header',
      [['Quincaillerie Dupont — Tarif 2026'], ['Prix HT en euros'], HEADER, ...PRODUCTS],
      2,
    ],
    // A merged title keeps its value in the top-left cell only; the other cells of the range are empty.
    [
      'a merged title (one filled cell across the table)',
      [['Quincaillerie Dupont — Tarif 2026', '', '', '', ''], HEADER, ...PRODUCTS],
      1,
    ],
    ['blank rows above the header', [[], ['', '', ''], [null, undefined], HEADER, ...PRODUCTS], 3],
    ['a date line typed as text', [['Tarif au 01/03/2026'], [], HEADER, ...PRODUCTS], 2],
    ['a label and a date typed as text', [['Date :', '01/03/2026'], HEADER, ...PRODUCTS], 1],
    ['a label and a real date cell', [['Mis à jour le', date('2026-03-01')], [], HEADER, ...PRODUCTS], 2],
    [
      'a title, a logo row (blank) and a date line',
      [['Catalogue 2026'], [], ['Édition du 1er mars'], HEADER, ...PRODUCTS],
      3,
    ],
  ])('finds the header below %s', (_, rows, expected) => {
    expect(findHeaderRow(rowsFrom(rows))).toBe(expected);
  });

  it('finds the header above a row of numbers', () => {
    const rows = rowsFrom([
      ['Tarif 2026'],
      ['Article', 'Prix unitaire', 'Prix par 10', 'Prix par 100'],
      [1001, 2.5, 22, 200],
      [1002, 3.1, 28, 260],
    ]);
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('finds the header above a row of column numbers (1, 2, 3…) some sheets carry under it', () => {
    const rows = rowsFrom([HEADER, [1, 2, 3, 4, 5], ...PRODUCTS]);
    expect(findHeaderRow(rows)).toBe(0);
  });

  it('keeps row 1 of an English catalog whose data rows are mostly text too', () => {
    const rows = rowsFrom([
      ['SKU', 'Name', 'Description', 'Category', 'Colour', 'Price'],
      ['TS-001', 'Classic tee', 'Organic cotton, crew neck', 'T-shirts', 'White', 19],
      ['TS-002', 'Classic tee', 'Organic cotton, crew neck', 'T-shirts', 'Black', 19],
      ['SW-010', 'Hoodie', 'Brushed fleece, kangaroo pocket', 'Sweatshirts', 'Grey', 49],
      ['SW-011', 'Zip hoodie', 'Brushed fleece, full zip', 'Sweatshirts', 'Navy', 55],
    ]);
    expect(findHeaderRow(rows)).toBe(0);
  });

  it('keeps row 1 when every column, prices included, holds text (earlier rows win ties)', () => {
    const rows = rowsFrom([
      ['Ref', 'Name', 'Price'],
      ['A-1', 'Widget', 'on request'],
      ['A-2', 'Gadget', 'on request'],
    ]);
    expect(findHeaderRow(rows)).toBe(0);
  });

  it('reads a two-line header cell (Alt+Enter) as a label', () => {
    const rows = rowsFrom([
      ['Tarif 2026'],
      ['Réf.', 'Désignation', 'Prix\nHT', 'Prix\nTTC'],
      ['VIS-4', 'Vis', 12.5, 15],
    ]);
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('falls back to the first non-blank row when no row reads like labels', () => {
    const rows = rowsFrom([[], ['', ''], [1001, 2.5, 22], [1002, 3.1, 28]]);
    expect(findHeaderRow(rows)).toBe(2);
  });

  it('returns -1 for a sheet with no filled cell', () => {
    expect(findHeaderRow([])).toBe(-1);
    expect(findHeaderRow(rowsFrom([[], ['', null]]))).toBe(-1);
  });

  it('returns an index into the rows given, not an Excel row number', () => {
    const rows = [rawRow(5, ['Titre']), rawRow(9, HEADER), rawRow(10, PRODUCTS[0]!)];
    expect(findHeaderRow(rows)).toBe(1);
  });

  it('prefers the row with more distinct labels over a two-cell title line', () => {
    const rows = rowsFrom([['Quincaillerie Dupont', 'Tarif professionnel'], HEADER, ...PRODUCTS]);
    expect(findHeaderRow(rows)).toBe(1);
  });

  // Regression: a quantity-tier price grid, the print resellers' format, has
  // numbers as column labels (100, 250, 500…). Such a header never reaches the 70 % of labels a
  // candidate needs, no row qualifies, and the fallback returns the first non-blank row: the title.
  // The whole table is then read under the wrong header.
  it('finds the header of a quantity-tier grid whose tiers are numbers, below a title', () => {
    const rows = rowsFrom([
      ['Tarif impression 2026'],
      [],
      ['Format', 'Papier', 100, 250, 500, 1000],
      ['A5', 'Couché 135 g', 45, 60, 80, 120],
      ['A4', 'Couché 135 g', 70, 95, 130, 190],
    ]);
    expect(findHeaderRow(rows)).toBe(2);
  });
});

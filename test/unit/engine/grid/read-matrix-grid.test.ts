import { describe, expect, it } from 'vitest';
import { readMatrixGrid } from '../../../../main/engine/grid/read-matrix-grid.ts';
import { PriceGrid } from '../../../../main/engine/grid/grid-model.ts';
import { rawSheet, rowsFrom } from '../import/raw-sheet.ts';

const codes = (issues: { code: string; ref?: string }[]) => issues.map((i) => `${i.code} ${i.ref}`);

describe('readMatrixGrid', () => {
  it('reads several blocks with merged titles, blank separators and text quantities', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Flyers A5', null, null], // 1, merged A1:C1
        ['Quantité', 'Recto', 'Recto-verso'], // 2
        ['100 ex.', 12.5, '15,00 €'], // 3
        ['1 000 ex.', 45, 'sur devis'], // 4
        [], // 5
        ['Cartes de visite', null, null], // 6, merged A6:C6
        ['Qté', 'Mat', 'Brillant', 'Soft touch'], // 7
        [250, 19.9, 'N/A', '–'], // 8
        [500, 24.9, 29.9, null], // 9
      ]),
      {
        name: 'Tarifs',
        merges: [
          { top: 1, left: 1, bottom: 1, right: 3 },
          { top: 6, left: 1, bottom: 6, right: 4 },
        ],
      },
    );
    const { families, issues } = readMatrixGrid(sheet);
    expect(issues).toEqual([]);
    expect(families.map((f) => [f.name, f.titleRow, f.headerRow, f.variants])).toEqual([
      ['Flyers A5', 1, 2, ['Recto', 'Recto-verso']],
      ['Cartes de visite', 6, 7, ['Mat', 'Brillant', 'Soft touch']],
    ]);
    expect(families[0]!.tiers).toEqual([
      {
        quantity: 100,
        row: 3,
        label: '100 ex.',
        cells: [
          { kind: 'price', cents: 1250, ref: 'Tarifs!B3' },
          { kind: 'price', cents: 1500, currency: 'EUR', ref: 'Tarifs!C3' },
        ],
      },
      {
        quantity: 1000,
        row: 4,
        label: '1 000 ex.',
        cells: [
          { kind: 'price', cents: 4500, ref: 'Tarifs!B4' },
          { kind: 'not-available', why: 'on-request', text: 'sur devis', ref: 'Tarifs!C4' },
        ],
      },
    ]);
    expect(families[1]!.tiers[0]!.cells.map((c) => (c.kind === 'price' ? c.cents : c.why))).toEqual([
      1990,
      'na',
      'dash',
    ]);
    expect(families[1]!.tiers[1]!.cells[2]).toEqual({
      kind: 'not-available',
      why: 'empty',
      text: '',
      ref: 'Tarifs!D9',
    });
    expect(() => PriceGrid.parse({ sheet: 'Tarifs', format: 'matrix', families })).not.toThrow();
  });

  it('takes the sheet name for one untitled family, with an empty corner', () => {
    const sheet = rawSheet(
      rowsFrom([
        [null, 'A5', 'A4'],
        ['1000', 30, 50],
        ['2 500 exemplaires', 60, 95],
      ]),
      { name: 'Affiches' },
    );
    const { families, issues } = readMatrixGrid(sheet);
    expect(issues).toEqual([]);
    expect(families).toHaveLength(1);
    expect(families[0]).toMatchObject({ name: 'Affiches', variants: ['A5', 'A4'] });
    expect(families[0]!.tiers.map((t) => t.quantity)).toEqual([1000, 2500]);
  });

  it('takes the family from the header corner when there is no title row', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Dépliants', 'Plié', 'Non plié'],
        [100, 40, 35],
      ]),
    );
    expect(readMatrixGrid(sheet).families[0]).toMatchObject({
      name: 'Dépliants',
      variants: ['Plié', 'Non plié'],
    });
  });

  it('tells a merged one-cell title from a one-variant header', () => {
    const merged = rawSheet(rowsFrom([['Stickers'], ['Qté', 'Vinyle'], [100, 20]]), {
      merges: [{ top: 1, left: 1, bottom: 1, right: 2 }],
    });
    expect(readMatrixGrid(merged).families[0]).toMatchObject({ name: 'Stickers', variants: ['Vinyle'] });
    const oneVariant = rawSheet(
      rowsFrom([
        [null, 'Vinyle'],
        [100, 20],
      ]),
      { name: 'Stickers' },
    );
    expect(readMatrixGrid(oneVariant).families[0]).toMatchObject({ name: 'Stickers', variants: ['Vinyle'] });
  });

  it('names invalid cells, duplicate and descending quantities, priceless tiers and headerless columns', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Flyers'], // 1
        ['Quantité', 'A5', 'A4'], // 2
        [500, 10, 'voir Paul'], // 3
        [250, 8, 9], // 4
        [250, 8, 9, 12], // 5: a price under no header
        [1000, 'N/A', '-'], // 6
        ['1.000', 20, 30], // 7
        [null, 20, 30], // 8
      ]),
      { name: 'Tarif 2026' },
    );
    const { families, issues } = readMatrixGrid(sheet);
    expect(codes(issues)).toEqual([
      "GRID_CELL_INVALID 'Tarif 2026'!C3",
      "GRID_QUANTITY_ORDER 'Tarif 2026'!A4",
      "GRID_VARIANT_HEADER_MISSING 'Tarif 2026'!D2",
      "GRID_QUANTITY_DUPLICATE 'Tarif 2026'!A5",
      "GRID_TIER_NO_PRICE 'Tarif 2026'!A6",
      "GRID_QUANTITY_AMBIGUOUS 'Tarif 2026'!A7",
      "GRID_QUANTITY_MISSING 'Tarif 2026'!A8",
    ]);
    expect(issues[0]!.cell).toEqual({ sheet: 'Tarif 2026', row: 3, column: 'C' });
    expect(issues[0]!.message.fr).toContain('voir Paul');
    expect(families[0]!.tiers.map((t) => t.quantity)).toEqual([500, 250, 250, 1000]);
    expect(families[0]!.tiers[0]!.cells[1]).toEqual({
      kind: 'not-available',
      why: 'invalid',
      text: 'voir Paul',
      ref: "'Tarif 2026'!C3",
    });
  });

  it('reports quantities with no header above, and names untitled blocks apart', () => {
    const sheet = rawSheet(
      rowsFrom([
        [100, 5, 6], // 1: orphan
        [200, 7, 8], // 2: orphan, reported once
        [],
        ['Qté', 'A', 'B'], // 4
        [100, 1, 2],
        [],
        ['Qté', 'C', 'D'], // 7
        [100, 3, 4],
      ]),
      { name: 'Grille' },
    );
    const { families, issues } = readMatrixGrid(sheet);
    expect(codes(issues)).toEqual([
      'GRID_HEADER_MISSING Grille!1:1',
      'GRID_FAMILY_UNNAMED Grille!4:4',
      'GRID_FAMILY_UNNAMED Grille!7:7',
    ]);
    expect(families.map((f) => f.name)).toEqual(['Grille (1)', 'Grille (2)']);
  });

  it("leaves a note under a block out of the next family's name", () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Flyers'],
        ['Qté', 'A5', 'A4'],
        [100, 1, 2],
        ['Prix HT, livraison incluse'],
        [],
        ['Affiches'],
        ['Qté', 'A3', 'A2'],
        ['50 ex', 3, 4],
      ]),
    );
    const { families, issues } = readMatrixGrid(sheet);
    expect(issues).toEqual([]);
    expect(families.map((f) => [f.name, f.titleRow])).toEqual([
      ['Flyers', 1],
      ['Affiches', 6],
    ]);
  });

  it('finds nothing in a product table', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Référence', 'Désignation', 'Prix'],
        ['A-12', 'Vis', 1.5],
      ]),
    );
    expect(readMatrixGrid(sheet).families).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { readLongGrid } from '../../../../main/engine/grid/read-long-grid.ts';
import { rawSheet, rowsFrom } from '../import/raw-sheet.ts';

describe('readLongGrid', () => {
  it('builds families in first-seen order, quantities ascending, missing combinations not available', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Tarif revendeurs 2026'], // 1
        ['Famille', 'Papier', 'Quantité', 'Prix HT (€)'], // 2
        ['Flyers', 'Couché 135 g', '1 000 ex.', '45,00'], // 3
        ['Flyers', 'Couché 135 g', 100, 12.5], // 4
        ['Flyers', 'Offset 90 g', 100, 'sur devis'], // 5
        ['Cartes', 'Mat', 250, 19.9], // 6
        ['Flyers', 'Couché 135 g', 100, 13], // 7: duplicate
        ['Prix HT, port en sus'], // 8: a note
      ]),
      { name: 'Liste' },
    );
    const read = readLongGrid(sheet)!;
    expect(read.headerRow).toBe(2);
    expect(read.issues.map((i) => [i.code, i.ref, i.severity])).toEqual([
      ['GRID_DUPLICATE', 'Liste!D7', 'error'],
    ]);
    expect(read.issues[0]!.message.en).toContain('Liste!D4');
    const [flyers, cartes] = read.families;
    expect(read.families.map((f) => f.name)).toEqual(['Flyers', 'Cartes']);
    expect(flyers!.variants).toEqual(['Couché 135 g', 'Offset 90 g']);
    expect(flyers!.tiers.map((t) => [t.quantity, t.row, t.label])).toEqual([
      [100, 4, '100'],
      [1000, 3, '1 000 ex.'],
    ]);
    expect(flyers!.tiers[0]!.cells).toEqual([
      { kind: 'price', cents: 1250, ref: 'Liste!D4' },
      { kind: 'not-available', why: 'on-request', text: 'sur devis', ref: 'Liste!D5' },
    ]);
    // Nobody wrote Offset 90 g × 1 000: not available, never 0.
    expect(flyers!.tiers[1]!.cells).toEqual([
      { kind: 'price', cents: 4500, ref: 'Liste!D3' },
      { kind: 'not-available', why: 'empty', text: '' },
    ]);
    expect(cartes!.tiers).toHaveLength(1);
  });

  it('reads English headers, joins several variant columns, and follows vertically merged families', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Product', 'Size', 'Finish', 'Qty', 'Price'],
        ['Posters', 'A3', 'Gloss', 50, 30],
        [null, 'A3', 'Matt', 50, 'N/A'],
        [null, 'A2', 'Gloss', '10k', 900],
      ]),
      { name: 'Grid', merges: [{ top: 2, left: 1, bottom: 4, right: 1 }] },
    );
    const read = readLongGrid(sheet)!;
    expect(read.issues).toEqual([]);
    expect(read.families).toHaveLength(1);
    expect(read.families[0]!.variants).toEqual(['A3 · Gloss', 'A3 · Matt', 'A2 · Gloss']);
    expect(read.families[0]!.tiers.map((t) => t.quantity)).toEqual([50, 10000]);
  });

  it('names rows it cannot place: blank family, bad quantity, invalid price; warns on a priceless tier', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Gamme', 'Format', 'Tirage', 'Tarif'],
        ['Flyers', 'A5', 100, 10],
        [null, 'A6', 100, 8],
        ['Flyers', 'A5', 'beaucoup', 10],
        ['Flyers', 'A5', 250, 'voir devis Paul'],
        ['Flyers', 'A6', 500, '—'],
      ]),
      { name: 'Tarifs' },
    );
    const read = readLongGrid(sheet)!;
    expect(read.issues.map((i) => `${i.code} ${i.ref}`)).toEqual([
      'GRID_FAMILY_MISSING Tarifs!A3',
      'GRID_QUANTITY_INVALID Tarifs!C4',
      'GRID_CELL_INVALID Tarifs!D5',
      'GRID_TIER_NO_PRICE Tarifs!C5',
      'GRID_TIER_NO_PRICE Tarifs!C6',
    ]);
  });

  it('is not a long-format sheet without quantity and price headers', () => {
    expect(
      readLongGrid(
        rawSheet(
          rowsFrom([
            ['Quantité', 'A5', 'A4'],
            [100, 1, 2],
          ]),
        ),
      ),
    ).toBeUndefined();
  });
});

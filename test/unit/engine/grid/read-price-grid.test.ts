import { describe, expect, it } from 'vitest';
import { readPriceGrid } from '../../../../main/engine/grid/read-price-grid.ts';
import { PriceGrid } from '../../../../main/engine/grid/grid-model.ts';
import { CatalogError } from '../../../../main/engine/errors.ts';
import { rawSheet, rowsFrom } from '../import/raw-sheet.ts';

describe('readPriceGrid', () => {
  it('reads a matrix sheet', () => {
    const { grid, issues } = readPriceGrid(
      rawSheet(
        rowsFrom([
          ['Qté', 'A5', 'A4'],
          [100, 1, 2],
        ]),
        { name: 'Flyers' },
      ),
    );
    expect(issues).toEqual([]);
    expect(PriceGrid.parse(grid)).toMatchObject({
      sheet: 'Flyers',
      format: 'matrix',
      families: [{ name: 'Flyers' }],
    });
  });

  it('reads a long sheet even when the quantity comes first', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Quantité', 'Famille', 'Variante', 'Prix'],
        [100, 'Flyers', 'A5', 9],
      ]),
    );
    const { grid } = readPriceGrid(sheet);
    expect(grid.format).toBe('long');
    expect(grid.families[0]).toMatchObject({ name: 'Flyers', variants: ['A5'], tiers: [{ quantity: 100 }] });
  });

  it('refuses a sheet that is neither, naming it in both languages', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Référence', 'Désignation', 'Prix'],
        ['A-12', 'Vis', 1.5],
      ]),
      { name: 'Produits' },
    );
    expect(() => readPriceGrid(sheet)).toThrow(CatalogError);
    try {
      readPriceGrid(sheet);
    } catch (error) {
      expect(error).toMatchObject({ code: 'GRID_NOT_FOUND' });
      expect((error as CatalogError).text.fr).toContain('« Produits »');
      expect((error as CatalogError).text.en).toContain('"Produits"');
    }
  });
});

describe('readPriceGrid on a long sheet with no readable row', () => {
  it('returns the empty grid with the issues that explain it, not GRID_NOT_FOUND', () => {
    const sheet = rawSheet(
      rowsFrom([
        ['Famille', 'Quantité', 'Prix'],
        ['Flyers', 'beaucoup', 3],
      ]),
      { name: 'L' },
    );
    const { grid, issues } = readPriceGrid(sheet);
    expect(grid).toEqual({ sheet: 'L', format: 'long', families: [] });
    expect(issues.map((i) => i.code)).toEqual(['GRID_QUANTITY_INVALID']);
  });
});

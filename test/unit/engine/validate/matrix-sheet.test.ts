import { describe, expect, it } from 'vitest';
import { buildTable } from '../../../../main/engine/import/build-table.ts';
import { suggestMapping } from '../../../../main/engine/mapping/suggest-mapping.ts';
import { loadTemplate } from '../../../../main/engine/templates/load-template.ts';
import { validateCatalog } from '../../../../main/engine/validate/validate.ts';
import { rowsFrom, rawSheet } from '../import/raw-sheet.ts';

describe('a price matrix given to a catalog template', () => {
  it('is refused once, saying what it is, rather than with an issue on every row', async () => {
    const table = buildTable(
      rawSheet(
        rowsFrom([
          ['Quantité', '135 g couché brillant', '170 g couché mat', '250 g couché mat'],
          [100, 45, 52, 68],
          [250, 60, 69, 88],
          [500, 80, 92, 118],
          [1000, 120, 138, 176],
        ]),
      ),
      'flyers.xlsx',
    );
    const template = await loadTemplate('price-list');
    const { catalog, issues } = validateCatalog(table, template, suggestMapping(table, template).mapping);
    expect(catalog.items).toEqual([]);
    expect(issues.map((i) => [i.severity, i.code])).toEqual([['error', 'PRICE_MATRIX_SHEET']]);
    expect(issues[0]!.message.fr).toMatch(/grille de prix : quantités en colonne A \(100 à 1\u202f000\)/);
  });
});

// Bold type and fills are read from the workbook (through the parse worker) and weigh as evidence
// that a two-cell row is a family heading with a remark rather than a product missing its price.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../../../main/engine/import/import-workbook.ts';
import { tempDir, writeWorkbook } from '../../../fixtures/workbooks.ts';

describe('cell styles as row-role evidence', () => {
  it('reads a bold, filled two-cell row as a category and a plain one as a product', async () => {
    const path = await writeWorkbook(join(tempDir(), 'styles.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Tarif');
      ws.addRow(['Réf.', 'Désignation', 'Conditionnement', 'Prix HT']);
      ws.addRow(['VIS-4x40', 'Vis 4x40', 'Boîte de 200', 8.9]);
      const heading = ws.addRow(['', 'Chevilles', 'Nouveauté 2026', '']);
      heading.getCell(2).font = { bold: true };
      heading.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEEFF' } };
      ws.addRow(['CHE-6', 'Cheville 6 mm', 'Sachet de 50', 4.2]);
      ws.addRow(['', 'Cheville nylon', 'Sachet de 100', '']);
    });
    const { table } = await importWorkbook(path);
    const byRow = Object.fromEntries(table.roles.map((d) => [d.row, d]));
    expect(byRow[3]!.role).toBe('category');
    expect(byRow[3]!.reason.fr).toBe(
      'famille : en gras, sur fond de couleur, avec une remarque (« Nouveauté 2026 »)',
    );
    expect(byRow[5]!.role).not.toBe('category');
    expect(table.groups.map((g) => g.name)).toEqual(['Chevilles']);
  });
});

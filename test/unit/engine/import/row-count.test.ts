import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importWorkbook } from '../../../../main/engine/import/import-workbook.ts';
import { tempDir } from '../../../fixtures/workbooks.ts';
import { partsOf, products, text, writeParts } from './odd-packages.ts';

const dir = tempDir();

/**
 * 10 filled rows under a `<dimension>` that claims A1:Z5000, then 40 rows that hold only styles or
 * empty strings (a template formatted far below its data), and a second sheet that is all styles.
 */
async function lyingSheet(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  products(wb, 9);
  wb.addWorksheet('Mise en forme').getCell('A1').value = 'Titre';
  const parts = await partsOf(wb);
  let styleOnly = '';
  for (let r = 11; r <= 50; r++) {
    styleOnly +=
      r % 2
        ? `<row r="${r}" s="1" customFormat="1" ht="20" customHeight="1"/>`
        : `<row r="${r}"><c r="A${r}" s="1"/><c r="B${r}" t="inlineStr"><is><t></t></is></c><c r="C${r}" t="str"><f>""</f><v></v></c></row>`;
  }
  parts.set(
    'xl/worksheets/sheet1.xml',
    text(parts, 'xl/worksheets/sheet1.xml')
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:Z5000"/>')
      .replace('</sheetData>', `${styleOnly}</sheetData>`),
  );
  // The second sheet: its only value replaced by style-only rows.
  parts.set(
    'xl/worksheets/sheet2.xml',
    text(parts, 'xl/worksheets/sheet2.xml')
      .replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:H900"/>')
      .replace(
        /<sheetData>[\s\S]*<\/sheetData>/,
        '<sheetData><row r="1" s="1" customFormat="1"/><row r="2"><c r="A2" s="1"/></row></sheetData>',
      ),
  );
  return writeParts(join(dir, 'lying.xlsx'), parts);
}

describe('the sheet list counts the rows read', () => {
  for (const mode of ['full', 'stream'] as const) {
    it(`not the declared dimension nor rows of styles only (${mode})`, async () => {
      const result = await importWorkbook(await lyingSheet(), { mode });
      expect(result.sheets).toEqual([
        { name: 'Produits', state: 'visible', rowCount: 10 },
        { name: 'Mise en forme', state: 'visible', rowCount: 0 },
      ]);
      expect(result.table.rows.map((r) => r.number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });
  }

  it('counts a CSV the same way: blank lines are not rows', async () => {
    const { writeFile } = await import('node:fs/promises');
    const path = join(dir, 'blank-lines.csv');
    await writeFile(path, 'Réf;Nom\nA;Un\n;\n\nB;Deux\n;;\n');
    expect((await importWorkbook(path)).sheets[0]!.rowCount).toBe(3);
  });
});

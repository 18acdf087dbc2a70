// The annotated copy of a validated workbook: the user's own file with each problem cell filled and
// commented. A CSV has no workbook to copy, so the copy is built from its rows, numbered as Excel would.
import { readFile } from 'node:fs/promises';
import { annotateWorkbook } from '../engine/annotate/annotate-workbook.ts';
import { cellText } from '../engine/common/cell-text.ts';
import { readCsv } from '../engine/import/read-csv.ts';
import { capCells } from '../engine/import/cap-cells.ts';
import { DEFAULT_LIMITS } from '../engine/import/limits.ts';
import type { Lang } from '../engine/model.ts';
import type { Validated } from './open-source.ts';

async function csvRows(file: string): Promise<string[][]> {
  // Cut as the import cut it: the copy shows what was checked, and Excel refuses longer cells.
  const { sheet } = capCells(
    readCsv(await readFile(file), file, DEFAULT_LIMITS).sheet,
    file,
    DEFAULT_LIMITS.maxCellChars,
  );
  const rows: string[][] = [];
  for (const row of sheet.rows) rows[row.number - 1] = row.cells.map(cellText);
  return Array.from(rows, (r) => r ?? []);
}

export async function annotateSource(
  file: string,
  validated: Validated,
  out: string,
  lang: Lang,
): Promise<{ highlighted: number; written: string }> {
  const { imported, issues } = validated;
  const source =
    imported.format === 'xlsx'
      ? { kind: 'xlsx' as const, path: file }
      : { kind: 'rows' as const, sheetName: imported.table.sheet, rows: await csvRows(file), path: file };
  return annotateWorkbook({ source, issues, out, lang });
}

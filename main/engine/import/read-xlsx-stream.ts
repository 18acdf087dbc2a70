// Reads a large .xlsx row by row with exceljs's streaming reader, so memory follows the rows kept,
// not the XML. That reader does not report merges, hidden rows or columns, nor images: the import
// says so to the user (see `LARGE_FILE_MODE`) rather than pretending.
import ExcelJS from 'exceljs';
import type { Cell, RawRow, RawSheet, SheetState } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { isCatalogError } from '../errors.ts';
import { toCell } from './exceljs-cell.ts';
import { importErrors } from './import-errors.ts';
import type { ReadContext } from './read-context.ts';
import { sheetMatches } from './choose-sheet.ts';

export type StreamedSheet = { name: string; state: SheetState; rowCount: number; sheet?: RawSheet };

/**
 * Streams every sheet; keeps the rows of the requested sheet (or of the first visible sheet that has
 * rows) and only counts the others' rows.
 */
export async function readXlsxStream(
  path: string,
  ctx: ReadContext,
  requested?: string,
): Promise<StreamedSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: StreamedSheet[] = [];
  let kept = false;
  let total = 0;
  try {
    for await (const ws of reader) {
      const info = ws as unknown as { name: string; state?: string };
      const state: SheetState =
        info.state === 'hidden' || info.state === 'veryHidden' ? info.state : 'visible';
      const keep = !kept && (requested ? sheetMatches(requested, info.name) : state === 'visible');
      const rows: RawRow[] = [];
      let rowCount = 0;
      for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
        ctx.check(total++);
        rowCount++;
        if (rowCount > ctx.limits.maxRows)
          throw importErrors.tooManyRows(ctx.file, info.name, ctx.limits.maxRows);
        if (!keep) continue;
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > ctx.limits.maxColumns)
            throw importErrors.tooManyColumns(ctx.file, info.name, ctx.limits.maxColumns);
          while (cells.length < col - 1) cells.push(EMPTY_CELL);
          cells[col - 1] = toCell(cell.value, cell.numFmt);
        });
        if (cells.length > 0) rows.push({ number: row.number, hidden: false, cells });
      }
      const sheet: RawSheet | undefined = keep
        ? { name: info.name, state, rows, hiddenColumns: [], merges: [], images: [] }
        : undefined;
      // An empty visible sheet is not the one the user meant, unless they named it.
      if (keep && (rows.length > 0 || requested)) kept = true;
      sheets.push({ name: info.name, state, rowCount, ...(sheet && kept ? { sheet } : {}) });
    }
  } catch (error) {
    if (isCatalogError(error)) throw error;
    // Past the deadline or cancelled, whatever the reader choked on is not the user's problem: say why
    // the import stopped.
    ctx.check(0);
    throw importErrors.damaged(ctx.file, error instanceof Error ? error.message : String(error));
  }
  return sheets;
}

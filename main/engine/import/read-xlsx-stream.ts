// Reads a large .xlsx row by row with exceljs's streaming reader, so memory follows the rows kept,
// not the XML. That reader does not report merges, hidden rows or columns, nor images: the import
// says so to the user (see `LARGE_FILE_MODE`) rather than pretending. It ignores data validations
// and merges too, so the ranges that make the document reader explode (tame-sheet-xml.ts) are no
// danger here; the deadline is still a hard stop, in case the XML stalls between two rows.
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell, RawRow, RawSheet, SheetState } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { isCatalogError } from '../errors.ts';
import { toCell } from './exceljs-cell.ts';
import { importErrors } from './import-errors.ts';
import type { ReadContext } from './read-context.ts';
import { sheetMatches } from './choose-sheet.ts';

const FORMULA_TYPE = 6; // ExcelJS.ValueType.Formula

export type StreamedSheet = { name: string; state: SheetState; rowCount: number; sheet?: RawSheet };

async function readAll(input: Readable, ctx: ReadContext, requested?: string): Promise<StreamedSheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  const sheets: StreamedSheet[] = [];
  let kept = false;
  let total = 0;
  for await (const ws of reader) {
    const info = ws as unknown as { name: string; state?: string };
    const state: SheetState = info.state === 'hidden' || info.state === 'veryHidden' ? info.state : 'visible';
    const keep = !kept && (requested ? sheetMatches(requested, info.name) : state === 'visible');
    const rows: RawRow[] = [];
    // Rows read, as the full reader counts them: a row element holding only styles is no row.
    let rowCount = 0;
    for await (const row of ws as unknown as AsyncIterable<ExcelJS.Row>) {
      ctx.check(total++);
      const cells: Cell[] = [];
      let filled = false;
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        if (col > ctx.limits.maxColumns)
          throw importErrors.tooManyColumns(ctx.file, info.name, ctx.limits.maxColumns);
        // As in the full reader: `cell.value` drops a cached result that is 0, '' or false (or an
        // error, which this reader turns into NaN); `cell.result` keeps it.
        const value =
          cell.type === FORMULA_TYPE ? { formula: cell.formula, result: cell.result } : cell.value;
        const converted = toCell(value as ExcelJS.CellValue, keep ? cell.numFmt : undefined);
        if (converted.value.kind !== 'empty') filled = true;
        if (!keep) return;
        while (cells.length < col - 1) cells.push(EMPTY_CELL);
        cells[col - 1] = converted;
      });
      if (filled && ++rowCount > ctx.limits.maxRows)
        throw importErrors.tooManyRows(ctx.file, info.name, ctx.limits.maxRows);
      if (keep && cells.length > 0) rows.push({ number: row.number, hidden: false, cells });
    }
    const sheet: RawSheet | undefined = keep
      ? { name: info.name, state, rows, hiddenColumns: [], merges: [], images: [] }
      : undefined;
    // An empty visible sheet is not the one the user meant, unless they named it.
    if (keep && (rows.length > 0 || requested)) kept = true;
    sheets.push({ name: info.name, state, rowCount, ...(sheet && kept ? { sheet } : {}) });
  }
  return sheets;
}

/**
 * Streams every sheet; keeps the rows of the requested sheet (or of the first visible sheet that has
 * rows) and only counts the others' rows. `source` is the file, or the package's bytes when it had to
 * be rewritten first (sanitize-package.ts).
 */
export async function readXlsxStream(
  source: string | Uint8Array,
  ctx: ReadContext,
  requested?: string,
): Promise<StreamedSheet[]> {
  ctx.check(0);
  const input = typeof source === 'string' ? createReadStream(source) : Readable.from([Buffer.from(source)]);
  const { stopped, dispose } = ctx.whenStopped();
  const reading = readAll(input, ctx, requested);
  reading.catch(() => undefined);
  try {
    return await Promise.race([reading, stopped]);
  } catch (error) {
    if (isCatalogError(error)) throw error;
    // Past the deadline or cancelled, whatever the reader choked on is not the user's problem: say why
    // the import stopped.
    ctx.check(0);
    throw importErrors.damaged(ctx.file, error instanceof Error ? error.message : String(error));
  } finally {
    dispose();
    input.destroy();
  }
}

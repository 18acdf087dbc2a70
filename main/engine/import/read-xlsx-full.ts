// Reads a whole .xlsx with exceljs's document reader: merges, hidden rows and columns, images and
// rich text all come through. Used for files whose sheets fit comfortably in memory. The package is
// sanitised first (sanitize-package.ts) and the whole thing runs in a worker the import can
// terminate (parse-in-worker.ts): `wb.xlsx.load` is one call that no deadline check can interrupt.
import ExcelJS from 'exceljs';
import type { Cell, EmbeddedImage, RawRow, RawSheet, SheetState } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { isCatalogError } from '../errors.ts';
import { toCell } from './exceljs-cell.ts';
import { importErrors } from './import-errors.ts';
import type { ReadContext } from './read-context.ts';
import { sanitizePackage } from './sanitize-package.ts';
import { parseRange } from './tame-sheet-xml.ts';

const MERGE_TYPE = 1; // ExcelJS.ValueType.Merge: a cell covered by a merge, not its top-left.
const FORMULA_TYPE = 6; // ExcelJS.ValueType.Formula

/** Bold type or a solid fill on a cell: how people set a family heading apart. */
function emphasisOf(cell: ExcelJS.Cell): RawRow['emphasis'] {
  const fill = cell.fill as { type?: string; pattern?: string } | undefined;
  return {
    bold: cell.font?.bold === true,
    filled: fill?.type === 'pattern' && fill.pattern !== undefined && fill.pattern !== 'none',
  };
}

function readSheet(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, ctx: ReadContext): RawSheet {
  const rows: RawRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    ctx.check(rows.length);
    if (rows.length >= ctx.limits.maxRows)
      throw importErrors.tooManyRows(ctx.file, ws.name, ctx.limits.maxRows);
    const cells: Cell[] = [];
    let emphasis: RawRow['emphasis'];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > ctx.limits.maxColumns)
        throw importErrors.tooManyColumns(ctx.file, ws.name, ctx.limits.maxColumns);
      if (cell.type === MERGE_TYPE) return;
      while (cells.length < col - 1) cells.push(EMPTY_CELL);
      // `cell.value` drops a cached result that is 0, '' or false; `cell.result` keeps it.
      const value = cell.type === FORMULA_TYPE ? { formula: cell.formula, result: cell.result } : cell.value;
      cells[col - 1] = toCell(value as ExcelJS.CellValue, cell.numFmt);
      if (emphasis === undefined && cells[col - 1]!.value.kind !== 'empty') emphasis = emphasisOf(cell);
    });
    rows.push({
      number: rowNumber,
      hidden: row.hidden === true,
      cells,
      ...(emphasis && (emphasis.bold || emphasis.filled) ? { emphasis } : {}),
    });
  });

  const hiddenColumns: number[] = [];
  for (let c = 1; c <= Math.min(ws.columnCount, ctx.limits.maxColumns); c++) {
    if (ws.getColumn(c).hidden) hiddenColumns.push(c - 1);
  }

  const merges = ((ws.model as { merges?: string[] }).merges ?? [])
    .map(parseRange)
    .filter((m): m is NonNullable<typeof m> => m !== undefined);

  const images: EmbeddedImage[] = [];
  for (const placed of ws.getImages()) {
    const media = wb.getImage(Number(placed.imageId));
    const bytes = media?.buffer;
    if (!media || !bytes) continue;
    images.push({
      row: Math.floor(placed.range.tl.nativeRow) + 1,
      column: Math.floor(placed.range.tl.nativeCol),
      extension: media.extension,
      bytes: new Uint8Array(bytes),
    });
  }

  const state: SheetState = ws.state === 'hidden' || ws.state === 'veryHidden' ? ws.state : 'visible';
  return { name: ws.name, state, rows, hiddenColumns, merges, images };
}

export async function readXlsxFull(bytes: Uint8Array, ctx: ReadContext): Promise<RawSheet[]> {
  const wb = new ExcelJS.Workbook();
  try {
    const safe = sanitizePackage(bytes).bytes;
    ctx.check(0);
    const buffer = Buffer.from(safe.buffer, safe.byteOffset, safe.byteLength);
    // exceljs's type asks for its own Buffer flavour; a Node Buffer is what it reads.
    await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (isCatalogError(error)) throw error;
    throw importErrors.damaged(ctx.file, error instanceof Error ? error.message : String(error));
  }
  ctx.check(0);
  return wb.worksheets.map((ws) => readSheet(wb, ws, ctx));
}

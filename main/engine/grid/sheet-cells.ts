// Small readings of a raw sheet shared by both grid readers.
import type { Cell, RawRow, RawSheet } from '../model.ts';
import { isBlank } from '../common/cell-text.ts';

export const filledColumns = (row: RawRow): number[] =>
  row.cells.flatMap((cell, index) => (isBlank(cell) ? [] : [index]));

export const isBlankRow = (row: RawRow) => row.cells.every((cell) => isBlank(cell));

/** Rows in sheet order, whatever order the reader produced them in. */
export const rowsInOrder = (sheet: RawSheet): RawRow[] => [...sheet.rows].sort((a, b) => a.number - b.number);

/** The merge whose top-left is this cell and that spans several columns: a title across a block. */
export const mergedAcross = (sheet: RawSheet, row: number, column: number) =>
  sheet.merges.some((m) => m.top === row && m.left === column + 1 && m.right > m.left);

/**
 * The value shown in a cell: its own, or, inside a vertical merge, the merge's top cell's — Excel
 * shows one value across the merged rows although only the top cell holds it.
 */
export function shownCell(
  sheet: RawSheet,
  rows: Map<number, RawRow>,
  row: RawRow,
  column: number,
): Cell | undefined {
  const own = row.cells[column];
  if (!isBlank(own)) return own;
  const merge = sheet.merges.find(
    (m) => m.left <= column + 1 && column + 1 <= m.right && m.top < row.number && row.number <= m.bottom,
  );
  return merge ? rows.get(merge.top)?.cells[merge.left - 1] : own;
}

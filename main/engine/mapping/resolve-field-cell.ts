// The cell a field reads for one row, from the column(s) its mapping names.
import type { Cell, SourceRow } from '../model.ts';
import { cellText } from '../common/cell-text.ts';
import { EMPTY_CELL } from '../model.ts';
import { applyTransforms } from './apply-transforms.ts';
import type { Transform } from './mapping-schema.ts';

export type FieldCell = {
  cell: Cell;
  /**
   * Position (index into `row.cells`) the value came from, so an issue names the cell the user must
   * fix: the first non-empty contributing column, or the first column when all are empty.
   */
  sourceColumn: number;
};

export const resolveFieldCell = (
  row: SourceRow,
  columnPositions: readonly number[],
  separator: string,
  transforms: readonly Transform[],
): FieldCell => {
  const first = columnPositions[0] ?? 0;
  const cellAt = (position: number): Cell => row.cells[position] ?? EMPTY_CELL;

  // A plain one-to-one mapping hands the cell over as read: typed numbers, dates, rich text runs and
  // formulas are what validation needs to judge the value, not a string made from them.
  if (columnPositions.length === 1 && transforms.length === 0)
    return { cell: cellAt(first), sourceColumn: first };

  const parts: string[] = [];
  let sourceColumn: number | undefined;
  for (const position of columnPositions) {
    const cell = cellAt(position);
    // A broken formula (#REF!, #N/A) must reach the user as such, not vanish into a joined text.
    if (cell.value.kind === 'error') return { cell, sourceColumn: position };
    const text = cellText(cell);
    if (text.trim() === '') continue;
    parts.push(text);
    sourceColumn ??= position;
  }

  const text = applyTransforms(parts.join(separator), transforms);
  return {
    cell: text.trim() === '' ? EMPTY_CELL : { value: { kind: 'text', value: text } },
    sourceColumn: sourceColumn ?? first,
  };
};

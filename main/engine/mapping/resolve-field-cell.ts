// The cell a field reads for one row, from the column(s) its mapping names.
import type { Cell, CellValue, SourceRow } from '../model.ts';
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

/** The text a cell shows, as concatenation and transforms see it. */
const displayText = (value: Exclude<CellValue, { kind: 'error' }>): string => {
  switch (value.kind) {
    case 'empty':
      return '';
    case 'text':
    case 'rich':
    case 'date':
      return value.value;
    case 'hyperlink':
      return value.value === '' ? value.url : value.value;
    case 'number':
      return String(value.value);
    case 'boolean':
      return value.value ? 'true' : 'false';
  }
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
    const text = displayText(cell.value);
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

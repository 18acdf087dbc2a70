// Builds a SourceTable from arrays, as the importer would have produced it, so mapping tests read
// like the sheet they stand for.
import { EMPTY_CELL } from '../../../../main/engine/model.ts';
import type {
  Cell,
  ColumnType,
  SourceColumn,
  SourceRow,
  SourceTable,
} from '../../../../main/engine/model.ts';

export type ColumnSpec = { header: string; type?: ColumnType; hidden?: boolean };
export type CellInput = string | number | boolean | null | undefined | Cell;

export const letterOf = (index: number): string => {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
};

export const toCell = (input: CellInput): Cell => {
  if (input === null || input === undefined || input === '') return { value: { kind: 'empty' } };
  if (typeof input === 'string') return { value: { kind: 'text', value: input } };
  if (typeof input === 'number') return { value: { kind: 'number', value: input } };
  if (typeof input === 'boolean') return { value: { kind: 'boolean', value: input } };
  return input;
};

const sampleOf = (cell: Cell): string | undefined => {
  const value = cell.value;
  if (value.kind === 'empty') return undefined;
  return String(value.value);
};

const guessType = (cells: Cell[]): ColumnType => {
  const kinds = new Set(cells.map((cell) => cell.value.kind).filter((kind) => kind !== 'empty'));
  if (kinds.size === 0) return 'empty';
  if (kinds.size > 1) return 'mixed';
  const [kind] = kinds;
  return kind === 'hyperlink' ? 'url' : kind === 'error' ? 'mixed' : (kind as ColumnType);
};

export const makeTable = (
  columns: readonly (string | ColumnSpec)[],
  rows: readonly (readonly CellInput[])[],
  options: { sheet?: string; file?: string } = {},
): SourceTable => {
  const specs = columns.map((column) => (typeof column === 'string' ? { header: column } : column));
  const sourceRows: SourceRow[] = rows.map((cells, index) => ({
    number: index + 2,
    hidden: false,
    role: 'product',
    cells: specs.map((_, position) => toCell(cells[position])),
    images: [],
  }));
  const sourceColumns: SourceColumn[] = specs.map((spec, position) => {
    const cells = sourceRows.map((row) => row.cells[position] ?? EMPTY_CELL);
    return {
      index: position,
      letter: letterOf(position),
      header: spec.header,
      hidden: spec.hidden ?? false,
      type: spec.type ?? guessType(cells),
      samples: cells
        .map(sampleOf)
        .filter((sample) => sample !== undefined)
        .slice(0, 5),
    };
  });
  return {
    file: options.file ?? 'tarif.xlsx',
    sheet: options.sheet ?? 'Tarif 2026',
    preamble: [],
    headerRow: 1,
    headerless: false,
    roles: [],
    columns: sourceColumns,
    rows: sourceRows,
    groups: [],
    blankRows: [],
    notices: [],
  };
};

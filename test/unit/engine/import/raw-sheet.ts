// Builds the reader's raw rows from arrays, so header and table tests read like the sheet they stand for.
import type { Cell, RawRow, RawSheet } from '../../../../main/engine/model.ts';

export type RawInput = string | number | boolean | null | undefined | Cell;

export const empty = (): Cell => ({ value: { kind: 'empty' } });
export const text = (value: string): Cell => ({ value: { kind: 'text', value } });
export const num = (value: number, numFmt?: string): Cell => ({
  value: { kind: 'number', value, ...(numFmt !== undefined ? { numFmt } : {}) },
});
export const date = (value: string): Cell => ({ value: { kind: 'date', value } });
export const bool = (value: boolean): Cell => ({ value: { kind: 'boolean', value } });
export const error = (value: string): Cell => ({ value: { kind: 'error', value } });
export const link = (value: string, url: string): Cell => ({ value: { kind: 'hyperlink', value, url } });
export const rich = (...runs: { text: string; bold?: boolean; italic?: boolean }[]): Cell => ({
  value: { kind: 'rich', value: runs.map((r) => r.text).join(''), runs },
});

/** `''`, null and undefined are empty cells, as the readers leave them. */
export function cellOf(input: RawInput): Cell {
  if (input === null || input === undefined || input === '') return empty();
  if (typeof input === 'string') return text(input);
  if (typeof input === 'number') return num(input);
  if (typeof input === 'boolean') return bool(input);
  return input;
}

export const rawRow = (number: number, values: readonly RawInput[], hidden = false): RawRow => ({
  number,
  hidden,
  cells: values.map(cellOf),
});

/** Rows numbered from 1 in order, the way a sheet without gaps is read. */
export const rowsFrom = (values: readonly (readonly RawInput[])[]): RawRow[] =>
  values.map((row, i) => rawRow(i + 1, row));

export const rawSheet = (rows: RawRow[], extra: Partial<RawSheet> = {}): RawSheet => ({
  name: 'Tarif 2026',
  state: 'visible',
  rows,
  hiddenColumns: [],
  merges: [],
  images: [],
  ...extra,
});

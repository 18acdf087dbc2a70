// RawSheets written by hand for the reseller tests: a row is a list of plain values or cells.
import type { Cell, RawSheet } from '../../../../main/engine/model.ts';

export type Value = string | number | null | Cell;

export const num = (value: number, numFmt?: string): Cell => ({
  value: { kind: 'number', value, ...(numFmt ? { numFmt } : {}) },
});
export const formula = (formulaText: string, value?: number, numFmt?: string): Cell => ({
  value: value === undefined ? { kind: 'empty' } : { kind: 'number', value, ...(numFmt ? { numFmt } : {}) },
  formula: formulaText,
});
export const excelError = (value: string): Cell => ({ value: { kind: 'error', value } });
export const link = (value: string, url: string): Cell => ({ value: { kind: 'hyperlink', value, url } });

function cellOf(v: Value): Cell {
  if (v === null) return { value: { kind: 'empty' } };
  if (typeof v === 'string')
    return v === '' ? { value: { kind: 'empty' } } : { value: { kind: 'text', value: v } };
  if (typeof v === 'number') return num(v);
  return v;
}

/** Rows numbered from `firstRow` (1 by default), as Excel numbers them. */
export function sheet(name: string, rows: Value[][], firstRow = 1): RawSheet {
  return {
    name,
    state: 'visible',
    rows: rows.map((cells, i) => ({ number: firstRow + i, hidden: false, cells: cells.map(cellOf) })),
    hiddenColumns: [],
    merges: [],
    images: [],
  };
}

// Column widths from what a column holds (its header and sample values), computed once: a fixed
// layout is what lets the grid render only the visible rows without measuring any of them.
export type GridColumn = {
  letter: string;
  header: string;
  hidden: boolean;
  samples: string[];
  /** The engine's reading of the column: numbers are right-aligned, as Excel shows them. */
  type: string;
};

const NUMERIC = new Set(['number', 'price', 'percent']);
export const isNumeric = (column: GridColumn) => NUMERIC.has(column.type);

const CHAR = 7.4; // px per character of the 13px grid font, on average
const PAD = 20;

/**
 * From the header and the column's samples, then (once the first page of rows is read) from those
 * rows as shown: the first three samples miss "REF-100000" two hundred rows further down.
 */
export function columnWidth(
  column: GridColumn,
  values: readonly string[] = column.samples,
  /** Characters to allow for values further down (counters grow: REF-200 … REF-100000). */
  headroom = 0,
): number {
  let longest = column.header.length + 2;
  for (const value of values) longest = Math.max(longest, value.length + headroom);
  // Samples may be the first values only; the rows below a price column can be longer ("1 049,90 €").
  const least = isNumeric(column) && values === column.samples ? 96 : 64;
  return Math.round(Math.max(least, Math.min(220, longest * CHAR + PAD)));
}

/** Wide enough for the largest Excel row number the sheet has. */
export const rowHeaderWidth = (lastRow: number) => Math.max(52, String(lastRow).length * 9 + 24);

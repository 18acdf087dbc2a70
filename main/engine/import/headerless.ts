// A sheet may have no header row at all: an ERP dump or a copy of the data pasted into a new sheet
// starts straight with a product. Taking that product for the header would lose it and name the
// columns after its values, so when the chosen row reads like the rows under it, there is no header.
import type { Cell, RawRow } from '../model.ts';
import { normalizeSpaces } from '../values/normalize-text.ts';
import { cellText, isBlank } from '../common/cell-text.ts';
import { looksLikeCode } from './row-texts.ts';

type Shape = 'number' | 'code' | 'words' | 'other';

function shapeOf(cell: Cell): Shape {
  const v = cell.value;
  if (v.kind === 'number') return 'number';
  if (v.kind === 'date' || v.kind === 'boolean') return 'other';
  const text = normalizeSpaces(cellText(cell));
  if (/^[-+]?[\d\s.,'’]*\d[\d\s.,'’]*\s?(?:[€$£₹₫%]|zł|eur|usd|gbp|pln|chf)?$/iu.test(text)) return 'number';
  if (looksLikeCode(text)) return 'code';
  return 'words';
}

/**
 * Whether `rows[index]` is data rather than a header: it holds values shaped like data (a number, a
 * code) in the same shapes as the rows under it, column by column.
 */
export function looksLikeDataRow(rows: RawRow[], index: number): boolean {
  const candidate = rows[index];
  if (!candidate) return false;
  const below = rows.slice(index + 1, index + 6).filter((r) => r.cells.some((c) => !isBlank(c)));
  if (below.length === 0) return false;
  const columns = candidate.cells.flatMap((cell, i) => (isBlank(cell) ? [] : [i]));
  if (columns.length < 2) return false;
  let agree = 0;
  let dataShaped = 0;
  for (const i of columns) {
    const shape = shapeOf(candidate.cells[i]!);
    if (shape === 'number' || shape === 'code') dataShaped++;
    const shapes = below.map((r) => (isBlank(r.cells[i]) ? undefined : shapeOf(r.cells[i]!)));
    const same = shapes.filter((s) => s === shape).length;
    if (same * 2 > shapes.filter((s) => s !== undefined).length) agree++;
  }
  // A header of labels may agree with text columns below; it never has numbers or codes that do.
  return dataShaped > 0 && agree >= columns.length * 0.8;
}

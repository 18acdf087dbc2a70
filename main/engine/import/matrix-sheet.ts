// Recognises a price matrix — quantities down the first column, variants (papers, finishes) across
// the header, prices in between — the print resellers' format. Read as a product table it is rows
// of unnamed products with a warning each; said for what it is, the user knows which command reads it.
import type { MatrixShape, RawRow } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';
import { parseNumber } from '../values/parse-number.ts';
import { parsePrice } from '../values/parse-price.ts';
import { cellText, isBlank } from '../common/cell-text.ts';
import { columnLetter } from '../common/column-letter.ts';

export const QUANTITY_HEADER =
  /^(qte|qtes|quantite|quantites|quantity|quantities|qty|ex|exemplaires|tirage|nombre|nb|pieces|pcs|units|copies|menge|cantidad)\b/;

function numberOf(row: RawRow, column: number): number | undefined {
  const cell = row.cells[column];
  if (!cell || isBlank(cell)) return undefined;
  if (cell.value.kind === 'number') return cell.value.value;
  const text = normalizeSpaces(cellText(cell));
  const n = parseNumber(text);
  if (n.ok) return n.value;
  const p = parsePrice(text);
  return p.ok ? p.value.amount : undefined;
}

/** The matrix under `header`, or undefined when the rows are a table of products. */
export function findMatrix(header: RawRow, rows: RawRow[]): MatrixShape | undefined {
  const filled = rows.filter((r) => r.cells.some((c) => !isBlank(c)));
  const first = header.cells.findIndex((c, i) => !isBlank(c) || filled.some((r) => !isBlank(r.cells[i])));
  if (first < 0) return undefined;
  // The grid is the run of rows that start with a quantity; a note may follow it ("Prix HT, …").
  const end = filled.findIndex((r) => numberOf(r, first) === undefined);
  const data = end < 0 ? filled : filled.slice(0, end);
  if (data.length < 3 || filled.slice(data.length).some((r) => numberOf(r, first) !== undefined))
    return undefined;
  const label = foldForMatch(normalizeSpaces(cellText(header.cells[first] ?? EMPTY_CELL)));
  if (label !== '' && !QUANTITY_HEADER.test(label)) return undefined;

  const quantities = data.map((r) => numberOf(r, first));
  if (quantities.some((q) => q === undefined || !Number.isInteger(q) || q <= 0)) return undefined;
  const ascending = (quantities as number[]).every((q, i, all) => i === 0 || q > all[i - 1]!);
  if (!ascending) return undefined;

  const variants: string[] = [];
  for (let c = first + 1; c < header.cells.length; c++) {
    const name = normalizeSpaces(cellText(header.cells[c] ?? EMPTY_CELL));
    if (!name) continue;
    const prices = data.filter((r) => numberOf(r, c) !== undefined).length;
    if (prices < data.length * 0.8) return undefined;
    variants.push(name);
  }
  if (variants.length < 2) return undefined;
  return {
    headerRow: header.number,
    quantityColumn: columnLetter(first),
    quantities: quantities as number[],
    variants,
  };
}

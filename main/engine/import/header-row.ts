// Finds the header row instead of assuming row 1: client sheets open with a title, a date line,
// a logo row or blank rows, and the header is the first row that reads like labels over data.
import type { RawRow } from '../model.ts';
import { cellText, isBlank } from '../common/cell-text.ts';

const SCAN_ROWS = 40;
const NUMBER_LIKE = /^[\s\d.,%€$£+-]+$/;

/** Short text that is not a number: what column labels look like. */
function isLabel(row: RawRow, col: number): boolean {
  const cell = row.cells[col];
  if (!cell || (cell.value.kind !== 'text' && cell.value.kind !== 'rich')) return false;
  const text = cellText(cell).trim();
  return text.length > 0 && text.length <= 60 && !NUMBER_LIKE.test(text);
}

function filledColumns(row: RawRow): number[] {
  const cols: number[] = [];
  row.cells.forEach((cell, i) => {
    if (!isBlank(cell)) cols.push(i);
  });
  return cols;
}

/**
 * Scores the first rows: a header has at least two labels, is mostly labels, has distinct labels,
 * and the rows under it hold non-label values (numbers, codes) in the same columns.
 * Returns an index into `rows`, or -1 when nothing looks like a header.
 */
export function findHeaderRow(rows: RawRow[]): number {
  let best = -1;
  let bestScore = 0;
  const limit = Math.min(rows.length, SCAN_ROWS);
  for (let i = 0; i < limit; i++) {
    const row = rows[i]!;
    const filled = filledColumns(row);
    const labels = filled.filter((c) => isLabel(row, c));
    if (labels.length < 2 || labels.length < filled.length * 0.7) continue;
    const distinct = new Set(labels.map((c) => cellText(row.cells[c]!).trim().toLowerCase())).size;
    // Earlier rows win ties: a header sits above its data.
    let score = distinct - i * 0.05;
    // Data below: columns where the next rows hold something that is not a label.
    const below = rows.slice(i + 1, i + 6);
    const dataColumns = labels.filter((c) =>
      below.some((r) => !isBlank(r.cells[c]) && !isLabel(r, c)),
    ).length;
    score += dataColumns * 0.5;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0) {
    // No row of labels: a quantity-tier grid ("Format | Papier | 100 | 250 | 500") or a sheet of
    // numbers. The first row that fills two cells or more is the header, not a title above it.
    best = rows.slice(0, limit).findIndex((r) => filledColumns(r).length >= 2);
    if (best < 0) best = rows.findIndex((r) => filledColumns(r).length > 0);
  }
  return best;
}

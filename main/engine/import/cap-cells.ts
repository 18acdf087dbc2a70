// Cuts every text cell to the characters a cell may hold (Excel's own 32,767), with a warning naming
// the cell: one hostile cell must not make layout, validation or the outputs work on megabytes of
// text, and a cut must never go unsaid.
import type { Cell, CellValue, Issue, RawSheet, TextRun } from '../model.ts';
import { formatRef } from '../common/cell-ref.ts';
import { columnLetter } from '../common/column-letter.ts';

export type CappedSheet = { sheet: RawSheet; notices: Issue[] };

/** The sheet with its over-long cells cut to `maxChars`, and one warning per cut cell. */
export function capCells(sheet: RawSheet, file: string, maxChars: number): CappedSheet {
  const notices: Issue[] = [];
  let changed = false;
  const rows = sheet.rows.map((row) => {
    // Most rows have no long cell: they are kept as they are, without a copy.
    if (!hasLongCell(row.cells, maxChars)) return row;
    changed = true;
    const cells = row.cells.map((cell, index) => {
      const length = textLength(cell.value);
      if (length <= maxChars) return cell;
      const address = { sheet: sheet.name, row: row.number, column: columnLetter(index) };
      notices.push(cellTooLong(file, formatRef(address), address, length, maxChars, cell));
      return { ...cell, value: cutValue(cell.value, maxChars) };
    });
    return { ...row, cells };
  });
  return { sheet: changed ? { ...sheet, rows } : sheet, notices };
}

// A loop, not `some` with a callback made for each of a large sheet's rows.
function hasLongCell(cells: readonly Cell[], maxChars: number): boolean {
  for (const cell of cells) if (textLength(cell.value) > maxChars) return true;
  return false;
}

function textLength(value: CellValue): number {
  return value.kind === 'text' || value.kind === 'rich' || value.kind === 'hyperlink'
    ? value.value.length
    : 0;
}

/** `text` cut to at most `max` UTF-16 units, never between the two halves of a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

function cutValue(value: CellValue, max: number): CellValue {
  if (value.kind === 'text' || value.kind === 'hyperlink')
    return { ...value, value: cutText(value.value, max) };
  if (value.kind !== 'rich') return value;
  const runs: TextRun[] = [];
  let room = max;
  for (const run of value.runs) {
    if (room <= 0) break;
    const text = cutText(run.text, room);
    if (text) runs.push({ ...run, text });
    room -= text.length;
  }
  return { kind: 'rich', value: runs.map((r) => r.text).join(''), runs };
}

const fr = (n: number) => n.toLocaleString('fr-FR');
const en = (n: number) => n.toLocaleString('en-GB');

/** The start of the cell, so the user recognises which text it is. */
function opening(cell: Cell): string {
  const text = textLength(cell.value) ? (cell.value as { value: string }).value : '';
  const start = cutText(text.slice(0, 40).replace(/\s+/g, ' ').trim(), 40);
  return start ? `${start}…` : '';
}

function cellTooLong(
  file: string,
  ref: string,
  cell: { sheet: string; row: number; column: string },
  length: number,
  max: number,
  original: Cell,
): Issue {
  const start = opening(original);
  return {
    severity: 'warning',
    code: 'CELL_TOO_LONG',
    message: {
      fr: `La cellule ${ref} de ${file} contient ${fr(length)} caractères${start ? ` (« ${start} »)` : ''}, plus que les ${fr(max)} qu'une cellule Excel peut contenir : seuls les ${fr(max)} premiers sont gardés, la suite est ignorée. Raccourcissez ce texte.`,
      en: `Cell ${ref} of ${file} holds ${en(length)} characters${start ? ` ("${start}")` : ''}, more than the ${en(max)} an Excel cell can hold: only the first ${en(max)} are kept, the rest is ignored. Shorten this text.`,
    },
    ref,
    cell,
    params: { length, limit: max },
  };
}

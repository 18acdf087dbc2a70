// A shared formula is written once, on its first cell; the others only name it. Each cell's own text
// is the first cell's with its relative references moved by the distance between the two cells — the
// rule exceljs's document reader applies (its `slideFormula`), so both readers give the same text.
import { columnIndex, columnLetter } from '../common/column-letter.ts';

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const REFERENCE = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

export function slideFormula(
  formula: string,
  from: { row: number; col: number },
  to: { row: number; col: number },
): string {
  return formula.replace(
    CANDIDATE,
    (match, sheet: string | undefined, _name, address: string, paren: string | undefined) => {
      if (paren) return match;
      const m = REFERENCE.exec(address);
      if (!m) return match;
      const [, colDollar = '', letters = '', rowDollar = '', digits = ''] = m;
      const upper = letters.toUpperCase();
      // Past XFD it is a name, not a column.
      if (upper.length > 3 || (upper.length === 3 && upper > 'XFD')) return match;
      const col = columnIndex(upper) + (colDollar ? 0 : to.col - from.col);
      const row = Number(digits) + (rowDollar ? 0 : to.row - from.row);
      return `${sheet ?? ''}${colDollar}${columnLetter(col)}${rowDollar}${row}`;
    },
  );
}

// The sheet's first rows laid out as Excel shows them: letters across, row numbers down, blank rows
// kept in place (the contract leaves them out of `head`), each row with what the import made of it.
import { columnLetter } from '../../../main/api/excel-names.ts';
import type { ChannelOutput } from '../../api/transport.ts';

type Opened = ChannelOutput<'open'>;
export type RowRole = Opened['roles'][number];

export type ShownRow =
  | { kind: 'row'; number: number; cells: string[]; role?: RowRole }
  | { kind: 'gap'; after: number; before: number };

/** Short runs of blank rows are shown as rows; a long run folds into one gap line. */
const MAX_BLANK_RUN = 4;

export function shownRows(opened: Opened): ShownRow[] {
  const roles = new Map(opened.roles.map((r) => [r.row, r]));
  const rows: ShownRow[] = [];
  let previous: number | undefined;
  const push = (number: number, cells: string[]) => {
    const role = roles.get(number);
    rows.push(role ? { kind: 'row', number, cells, role } : { kind: 'row', number, cells });
  };
  const first = opened.head[0]?.number ?? 1;
  // Rows above the first filled one are blank too (a title that starts on row 3).
  if (first > 1 && first - 1 <= MAX_BLANK_RUN) for (let n = 1; n < first; n++) push(n, []);
  else if (first > 1) rows.push({ kind: 'gap', after: 0, before: first });
  for (const row of opened.head) {
    if (previous !== undefined && row.number > previous + 1) {
      if (row.number - previous - 1 <= MAX_BLANK_RUN)
        for (let n = previous + 1; n < row.number; n++) push(n, []);
      else rows.push({ kind: 'gap', after: previous, before: row.number });
    }
    push(row.number, row.cells);
    previous = row.number;
  }
  return rows;
}

/** How many columns the raw rows span: the table's, or more when a title runs wider. */
export function columnCount(opened: Opened): number {
  return Math.max(opened.columns.length, ...opened.head.map((r) => r.cells.length), 1);
}

/** The letters across the top: the contract's where it named the column. */
export function letters(opened: Opened): string[] {
  const byIndex = new Map(opened.columns.map((c) => [c.index, c.letter]));
  return Array.from({ length: columnCount(opened) }, (_, i) => byIndex.get(i) ?? columnLetter(i));
}

/** The badge a row's number carries: none for products, variants and blanks. */
export function badgeOf(role: RowRole | undefined, headerRow: number): string | undefined {
  if (!role) return undefined;
  if (role.role === 'header') return role.row === headerRow ? undefined : 'repeated';
  if (role.role === 'title' || role.role === 'category' || role.role === 'note' || role.role === 'total')
    return role.role;
  return undefined;
}

// What the grid colours: per sheet row, the worst severity of each cell and of the row itself, with
// the messages a cell's title shows. Built once per validation, looked up by Excel row number while
// rendering, so the grid keeps no state per cell.
import type { Issue, Lang } from '../../../main/api/index.ts';

export type Mark = { severity: 'error' | 'warning'; messages: string[] };
export type RowMarks = { row?: Mark; cells: Map<string, Mark> };

function add(mark: Mark | undefined, issue: Issue, lang: Lang): Mark {
  const severity = issue.severity === 'error' ? 'error' : 'warning';
  if (!mark) return { severity, messages: [issue.message[lang]] };
  mark.messages.push(issue.message[lang]);
  if (severity === 'error') mark.severity = 'error';
  return mark;
}

/** Errors and warnings with a row; information is not a problem to mark. */
export function buildMarks(issues: readonly Issue[], lang: Lang): Map<number, RowMarks> {
  const marks = new Map<number, RowMarks>();
  for (const issue of issues) {
    if (issue.severity === 'info' || !issue.cell) continue;
    let row = marks.get(issue.cell.row);
    if (!row) marks.set(issue.cell.row, (row = { cells: new Map() }));
    const letter = issue.cell.column;
    if (letter === undefined) row.row = add(row.row, issue, lang);
    else row.cells.set(letter, add(row.cells.get(letter), issue, lang));
  }
  return marks;
}

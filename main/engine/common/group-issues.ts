// The same problem on many rows is one thing to fix: 100,000 missing pictures are one warning with a
// count, not 100,000 lines. The engine keeps one Issue per cell (the annotated workbook marks every
// cell, the app filters by cell); the surfaces that list issues group them with this.
import type { Issue, Severity } from '../model.ts';

/** Issues of a group shown in full before the rest is summed up. */
export const GROUP_SHOWN = 5;

export type IssueGroup = {
  severity: Severity;
  code: string;
  /** The sheet, column and field the issues share, when they have one. */
  sheet?: string;
  column?: string;
  field?: string;
  /** Every issue of the group, in the order given. */
  issues: Issue[];
};

/**
 * Issues of one rule (severity and code) on the same column of the same sheet and field, in the order
 * of their first issue. An issue with no cell (about the whole file) is a group of its own.
 */
export function groupIssues(issues: readonly Issue[]): IssueGroup[] {
  const groups: IssueGroup[] = [];
  const byKey = new Map<string, IssueGroup>();
  for (const issue of issues) {
    const cell = issue.cell;
    if (!cell) {
      groups.push(groupOf(issue));
      continue;
    }
    const key = [issue.severity, issue.code, cell.sheet, cell.column ?? '', issue.field ?? ''].join('\0');
    const group = byKey.get(key);
    if (group) group.issues.push(issue);
    else {
      const created = groupOf(issue);
      byKey.set(key, created);
      groups.push(created);
    }
  }
  return groups;
}

function groupOf(issue: Issue): IssueGroup {
  return {
    severity: issue.severity,
    code: issue.code,
    ...(issue.cell ? { sheet: issue.cell.sheet } : {}),
    ...(issue.cell?.column ? { column: issue.cell.column } : {}),
    ...(issue.field ? { field: issue.field } : {}),
    issues: [issue],
  };
}

/** The rows of a group's issues, in order, each once. */
export function groupRows(group: IssueGroup): number[] {
  const rows: number[] = [];
  for (const issue of group.issues) {
    const row = issue.cell?.row;
    if (row !== undefined && rows.at(-1) !== row) rows.push(row);
  }
  return rows;
}

/**
 * Where the rest of a group lies, for the line that stands for it: « en colonne D (lignes 7 à
 * 100 001) » / " in column D (rows 7 to 100,001)"; empty when the issues name no cell.
 */
export function groupRestWhere(group: IssueGroup, lang: 'fr' | 'en'): string {
  const rows = groupRows({ ...group, issues: group.issues.slice(GROUP_SHOWN) });
  const n = (value: number) => value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  // A reduce, not Math.min(...rows): 100,000 arguments would overflow the stack.
  const first = rows.reduce((a, b) => Math.min(a, b), Infinity);
  const last = rows.reduce((a, b) => Math.max(a, b), -Infinity);
  const fr = lang === 'fr';
  const span =
    rows.length === 0
      ? ''
      : first === last
        ? `${fr ? 'ligne' : 'row'} ${n(first)}`
        : fr
          ? `lignes ${n(first)} à ${n(last)}`
          : `rows ${n(first)} to ${n(last)}`;
  if (group.column) return `${fr ? ' en colonne' : ' in column'} ${group.column}${span ? ` (${span})` : ''}`;
  return span ? ` (${span})` : '';
}

// The issues panel's data: issues counted by severity, filtered, grouped by rule × column, and put in
// the order F8 walks them (down the sheet, left to right). Pure, so the panel and the keys agree.
import type { Issue, Severity } from '../../../main/api/index.ts';

export type Filter = 'error' | 'warning' | 'all';

/** An issue with its place in the validation's list (a stable key) and the column it concerns. */
export type Located = { id: number; issue: Issue; letter?: string };

export type IssueGroup = {
  key: string;
  code: string;
  /** The worst severity among its issues. */
  severity: Severity;
  letter?: string;
  field?: string;
  issues: Located[];
};

export type Counts = Record<Severity | 'all', number>;

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The column an issue concerns: its cell's, else the column its field is mapped to (a row-level
 * issue about the price belongs with the price column's other issues).
 */
export function locate(issues: readonly Issue[], mapping: Readonly<Record<string, string>>): Located[] {
  return issues.map((issue, id) => {
    const letter = issue.cell?.column ?? (issue.field ? mapping[issue.field] : undefined);
    return letter ? { id, issue, letter } : { id, issue };
  });
}

export function countIssues(issues: readonly Located[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0, all: issues.length };
  for (const { issue } of issues) counts[issue.severity]++;
  return counts;
}

export function filterIssues(issues: readonly Located[], filter: Filter): Located[] {
  return filter === 'all' ? [...issues] : issues.filter((l) => l.issue.severity === filter);
}

const rowOf = (l: Located) => l.issue.cell?.row ?? Number.POSITIVE_INFINITY;

/** Groups of one rule in one column; the worst first, then in the order they appear in the sheet. */
export function groupIssues(issues: readonly Located[]): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const l of issues) {
    const key = `${l.issue.code}|${l.letter ?? l.issue.field ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        code: l.issue.code,
        severity: l.issue.severity,
        ...(l.letter ? { letter: l.letter } : {}),
        ...(l.issue.field ? { field: l.issue.field } : {}),
        issues: [],
      };
      groups.set(key, group);
    }
    if (RANK[l.issue.severity] < RANK[group.severity]) group.severity = l.issue.severity;
    group.issues.push(l);
  }
  for (const group of groups.values()) group.issues.sort((a, b) => rowOf(a) - rowOf(b) || a.id - b.id);
  return [...groups.values()].sort(
    (a, b) =>
      RANK[a.severity] - RANK[b.severity] ||
      rowOf(a.issues[0]!) - rowOf(b.issues[0]!) ||
      a.key.localeCompare(b.key),
  );
}

/** The issues that have a row to go to, down the sheet and left to right within a row. */
export function navigable(issues: readonly Located[], columnIndex: (letter: string) => number): Located[] {
  const col = (l: Located) => (l.letter ? columnIndex(l.letter) : -1);
  return issues
    .filter((l) => l.issue.cell !== undefined)
    .sort((a, b) => rowOf(a) - rowOf(b) || col(a) - col(b) || a.id - b.id);
}

/**
 * The issue after (or before) the current one, wrapping: after the issue last gone to when there is
 * one, else after the focused cell's place.
 */
export function stepIssue(
  list: readonly Located[],
  direction: 1 | -1,
  from: { current?: number; row?: number; col?: number; columnIndex: (letter: string) => number },
): Located | undefined {
  if (list.length === 0) return undefined;
  const at = from.current === undefined ? -1 : list.findIndex((l) => l.id === from.current);
  if (at >= 0) return list[(at + direction + list.length) % list.length];
  if (from.row === undefined) return direction === 1 ? list[0] : list[list.length - 1];
  const here = from.row * 100_000 + (from.col ?? -1);
  const place = (l: Located) => rowOf(l) * 100_000 + (l.letter ? from.columnIndex(l.letter) : -1);
  if (direction === 1) return list.find((l) => place(l) > here) ?? list[0];
  for (let i = list.length - 1; i >= 0; i--) if (place(list[i]!) < here) return list[i];
  return list[list.length - 1];
}

// Preflight's findings by page, for the list beside the pages: only issues that name a page.
import type { ChannelOutput } from '../../api/transport.ts';

export type PlanIssue = ChannelOutput<'plan'>['issues'][number];

export function pageIssues(issues: readonly PlanIssue[]): Array<{ page: number; issues: PlanIssue[] }> {
  const byPage = new Map<number, PlanIssue[]>();
  for (const issue of issues)
    if (issue.page !== undefined) byPage.set(issue.page, [...(byPage.get(issue.page) ?? []), issue]);
  return [...byPage].sort(([a], [b]) => a - b).map(([page, list]) => ({ page, issues: list }));
}

/** A page's issues by the sheet row they are about (issues of no row last), in the page's order. */
export function issuesByRow(issues: readonly PlanIssue[]): Array<{ row?: number; issues: PlanIssue[] }> {
  const groups = new Map<number | undefined, PlanIssue[]>();
  for (const issue of issues) groups.set(issue.cell?.row, [...(groups.get(issue.cell?.row) ?? []), issue]);
  return [...groups]
    .sort(([a], [b]) => (a ?? Infinity) - (b ?? Infinity))
    .map(([row, list]) => (row === undefined ? { issues: list } : { row, issues: list }));
}

/** Listed under their page's heading, messages need not start by naming the page again. */
export function withoutPage(text: string): string {
  const rest = text.replace(/^Page \d+\s?:\s*/, '');
  return rest === text ? text : rest.charAt(0).toUpperCase() + rest.slice(1);
}

/** CSS pixels per PDF point at 100 %. */
export const PX_PER_PT = 96 / 72;

export const ZOOMS = [50, 75, 100, 125, 150, 200] as const;

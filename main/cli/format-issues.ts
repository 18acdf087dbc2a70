// The human-readable report: issues grouped by severity, most severe first, in sheet order.
import type { Issue, Lang, Severity } from '../api/index.ts';
import { cliText } from './cli-text.ts';
import { colour } from './terminal.ts';

const ORDER: Severity[] = ['error', 'warning', 'info'];
const MARK: Record<Severity, (s: string) => string> = {
  error: colour.red,
  warning: colour.yellow,
  info: colour.blue,
};

const byPlace = (a: Issue, b: Issue) =>
  (a.cell?.row ?? 0) - (b.cell?.row ?? 0) ||
  (a.cell?.column ?? '').length - (b.cell?.column ?? '').length ||
  (a.cell?.column ?? '').localeCompare(b.cell?.column ?? '');

export function formatIssues(issues: Issue[], lang: Lang): string[] {
  const t = cliText(lang);
  const lines: string[] = [];
  for (const severity of ORDER) {
    const list = issues.filter((i) => i.severity === severity).sort(byPlace);
    if (list.length === 0) continue;
    lines.push('', MARK[severity](colour.bold(`${t.severity[severity]} (${t.n(list.length)})`)));
    const width = Math.max(...list.map((i) => (i.ref ?? '').length));
    for (const issue of list) {
      // Issues about the whole file (a missing column) have no cell: they start at the margin.
      const ref = issue.ref ? `${issue.ref.padEnd(width)}  ` : '';
      lines.push(`  ${ref}${issue.message[lang]} ${colour.dim(`[${issue.code}]`)}`);
    }
  }
  const count = (s: Severity) => issues.filter((i) => i.severity === s).length;
  lines.push('', count('error') + count('warning') === 0 ? colour.green(t.allGood) : '');
  lines.push(t.totals(count('error'), count('warning'), count('info')));
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === ''));
}

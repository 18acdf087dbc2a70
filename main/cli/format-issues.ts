// The human-readable report: issues grouped by severity, most severe first, in sheet order. The same
// problem on many rows (one rule, one column) shows its first rows in full and then one line with
// the count, so 100,000 missing pictures read as one warning; `--all` lists every one.
import type { Issue, IssueGroup, Lang, Severity } from '../api/index.ts';
import { GROUP_SHOWN, groupIssues, groupRestWhere } from '../api/index.ts';
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

export type FormatOptions = {
  /** Every issue on its own line, however many share a rule (`--all`). */
  all?: boolean;
};

export function formatIssues(issues: Issue[], lang: Lang, options: FormatOptions = {}): string[] {
  const t = cliText(lang);
  const lines: string[] = [];
  for (const severity of ORDER) {
    const list = issues.filter((i) => i.severity === severity).sort(byPlace);
    if (list.length === 0) continue;
    lines.push('', MARK[severity](colour.bold(`${t.severity[severity]} (${t.n(list.length)})`)));
    // The first issues of each group, in sheet order; the count line goes right after a group's last one.
    const shown = new Set<Issue>();
    const tails = new Map<Issue, IssueGroup>();
    for (const group of options.all ? [] : groupIssues(list)) {
      const head = group.issues.slice(0, GROUP_SHOWN);
      for (const issue of head) shown.add(issue);
      if (group.issues.length > GROUP_SHOWN) tails.set(head.at(-1)!, group);
    }
    const listed = options.all ? list : list.filter((i) => shown.has(i));
    const width = listed.reduce((w, i) => Math.max(w, (i.ref ?? '').length), 0);
    for (const issue of listed) {
      // Issues about the whole file (a missing column) have no cell: they start at the margin.
      const ref = issue.ref ? `${issue.ref.padEnd(width)}  ` : '';
      lines.push(`  ${ref}${issue.message[lang]} ${colour.dim(`[${issue.code}]`)}`);
      const group = tails.get(issue);
      if (group) lines.push(`  ${' '.repeat(width ? width + 2 : 0)}${colour.dim(moreLine(group, lang))}`);
    }
  }
  const count = (s: Severity) => issues.filter((i) => i.severity === s).length;
  lines.push('', count('error') + count('warning') === 0 ? colour.green(t.allGood) : '');
  lines.push(t.totals(count('error'), count('warning'), count('info')));
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === ''));
}

/** « … et 99 995 autres semblables en colonne D (lignes 7 à 100 001) [IMAGE_NOT_FOUND] : --all les liste toutes » */
function moreLine(group: IssueGroup, lang: Lang): string {
  const n = cliText(lang).n;
  const more = group.issues.length - GROUP_SHOWN;
  const fr = lang === 'fr';
  const where = groupRestWhere(group, lang);
  return fr
    ? `… et ${n(more)} ${more > 1 ? 'autres semblables' : 'autre semblable'}${where} [${group.code}] : --all les liste toutes`
    : `… and ${n(more)} more like ${more > 1 ? 'these' : 'this'}${where} [${group.code}]: --all lists every one`;
}

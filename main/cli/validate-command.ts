// `catalog validate`: the problems of a workbook, cell by cell, as a report, JSON or an annotated copy.
import type { Issue, Lang } from '../api/index.ts';
import { GROUP_SHOWN, groupIssues } from '../api/index.ts';
import { parseRequest, ValidateRequest } from '../api/contract.ts';
import { annotateSource, validateSource } from '../service/index.ts';
import { cliText } from './cli-text.ts';
import { formatIssues } from './format-issues.ts';
import { sourceRequest } from './source-request.ts';
import { progressLine } from './terminal.ts';

export type ValidateArgs = {
  file: string;
  sheet?: string;
  template?: string;
  mapping?: string;
  images?: string;
  annotate?: string;
  includeHidden: boolean;
  json: boolean;
  /** Every issue, however many share a rule: listed one by one, and in the JSON's `issues`. */
  all?: boolean;
  lang: Lang;
  /** --currency, --vat, --prices (read by service/money-settings.ts). */
  currency?: string;
  vat?: string;
  prices?: string;
};

export async function validateCommand(args: ValidateArgs, out: (line: string) => void): Promise<number> {
  const t = cliText(args.lang);
  const request = parseRequest(ValidateRequest, sourceRequest(args));
  const progress = progressLine(t.reading, args.lang);
  let validated;
  try {
    validated = await validateSource(request, {
      // Rows read, then rows checked: the stage says which count the line shows.
      onProgress: (p) =>
        progress.update(p.done, p.total, p.stage === 'validate' ? t.checkingStage : undefined),
    });
  } finally {
    progress.end();
  }
  const { imported, template, catalog, issues, images } = validated;
  const errors = issues.filter((i) => i.severity === 'error').length;

  const annotated = args.annotate
    ? await annotateSource(args.file, validated, args.annotate, args.lang)
    : undefined;

  if (args.json) {
    out(
      JSON.stringify(
        jsonReport(
          imported.file,
          imported.table.sheet,
          template.id,
          catalog.items.length,
          issues,
          args.all === true,
        ),
        null,
        2,
      ),
    );
  } else {
    out(t.summaryTitle(imported.file, imported.table.sheet, catalog.items.length, template.name[args.lang]));
    if (images) out(t.imagesFolder(images.dir));
    for (const line of formatIssues(issues, args.lang, { all: args.all === true })) out(line);
    if (annotated) out(t.annotated(annotated.written, annotated.highlighted));
  }
  return errors > 0 ? 1 : 0;
}

/**
 * `groups`: one entry per rule and column with its count, its first issues in full and the cell of
 * every one (`refs`), so 100,000 missing pictures stay one entry a script can still follow to each
 * cell. `issues`, every issue with its own message, only with --all: it can be tens of megabytes.
 * `counts` count issues (cells), not groups.
 */
function jsonReport(
  file: string,
  sheet: string,
  template: string,
  items: number,
  issues: Issue[],
  all: boolean,
) {
  const count = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
  const groups = groupIssues(issues).map(({ issues: members, ...group }) => ({
    ...group,
    count: members.length,
    first: members.slice(0, GROUP_SHOWN),
    refs: members.flatMap((i) => (i.ref ? [i.ref] : [])),
  }));
  return {
    file,
    sheet,
    template,
    items,
    counts: { error: count('error'), warning: count('warning'), info: count('info') },
    groups,
    ...(all ? { issues } : {}),
  };
}

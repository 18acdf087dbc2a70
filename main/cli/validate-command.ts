// `catalog validate`: the problems of a workbook, cell by cell, as a report, JSON or an annotated copy.
import type { Issue, Lang } from '../api/index.ts';
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
        jsonReport(imported.file, imported.table.sheet, template.id, catalog.items.length, issues),
        null,
        2,
      ),
    );
  } else {
    out(t.summaryTitle(imported.file, imported.table.sheet, catalog.items.length, template.name[args.lang]));
    if (images) out(t.imagesFolder(images.dir));
    for (const line of formatIssues(issues, args.lang)) out(line);
    if (annotated) out(t.annotated(annotated.written, annotated.highlighted));
  }
  return errors > 0 ? 1 : 0;
}

function jsonReport(file: string, sheet: string, template: string, items: number, issues: Issue[]) {
  const count = (s: Issue['severity']) => issues.filter((i) => i.severity === s).length;
  return {
    file,
    sheet,
    template,
    items,
    counts: { error: count('error'), warning: count('warning'), info: count('info') },
    issues,
  };
}

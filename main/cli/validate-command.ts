// `catalog validate`: the problems of a workbook, cell by cell, as a report, JSON or an annotated copy.
import { readFile } from 'node:fs/promises';
import type { Issue, Lang } from '../engine/model.ts';
import { annotateWorkbook } from '../engine/annotate/annotate-workbook.ts';
import { cellText } from '../engine/import/cell-text.ts';
import { readCsv } from '../engine/import/read-csv.ts';
import { DEFAULT_LIMITS } from '../engine/import/limits.ts';
import { parseRequest, ValidateRequest } from '../api/contract.ts';
import { validateSource } from '../service/index.ts';
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
  /** --currency, --vat, --prices (see money-options.ts). */
  currency?: string;
  vat?: string;
  prices?: string;
};

export async function validateCommand(args: ValidateArgs, out: (line: string) => void): Promise<number> {
  const t = cliText(args.lang);
  const request = parseRequest(ValidateRequest, sourceRequest(args));
  const progress = progressLine(t.reading);
  let validated;
  try {
    validated = await validateSource(request, { onProgress: (p) => progress.update(p.done) });
  } finally {
    progress.end();
  }
  const { imported, template, catalog, issues, images } = validated;
  const errors = issues.filter((i) => i.severity === 'error').length;

  let annotated: { highlighted: number; written: string } | undefined;
  if (args.annotate) {
    const source =
      imported.format === 'xlsx'
        ? { kind: 'xlsx' as const, path: args.file }
        : {
            kind: 'rows' as const,
            sheetName: imported.table.sheet,
            rows: await csvRows(args.file),
            path: args.file,
          };
    annotated = await annotateWorkbook({ source, issues, out: args.annotate, lang: args.lang });
  }

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

/** A CSV has no workbook to copy: the annotated copy is built from its rows, numbered as Excel would. */
async function csvRows(file: string): Promise<string[][]> {
  const { sheet } = readCsv(await readFile(file), file, DEFAULT_LIMITS);
  const rows: string[][] = [];
  for (const row of sheet.rows) rows[row.number - 1] = row.cells.map(cellText);
  return Array.from(rows, (r) => r ?? []);
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

// `catalog inspect`: what the import understood of a workbook, and the mapping it suggests.
import type { Lang } from '../api/index.ts';
import { parseRequest, SourceRequest } from '../api/contract.ts';
import { columnSamples, inspectSource, saveMappingProfile } from '../service/index.ts';
import { moneyLines } from './money-options.ts';
import { cliText } from './cli-text.ts';
import { rowRoleLines } from './row-roles-text.ts';
import { sourceRequest } from './source-request.ts';
import { colour, progressLine } from './terminal.ts';

export type InspectArgs = {
  file: string;
  sheet?: string;
  template?: string;
  saveMapping?: string;
  json: boolean;
  lang: Lang;
  /** --currency, --vat, --prices (read by service/money-settings.ts). */
  currency?: string;
  vat?: string;
  prices?: string;
};

const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - [...s].length));

export async function inspectCommand(args: InspectArgs, out: (line: string) => void): Promise<number> {
  const t = cliText(args.lang);
  const request = parseRequest(SourceRequest, sourceRequest(args));
  const progress = progressLine(t.reading, args.lang);
  let inspected;
  try {
    inspected = await inspectSource(request, { onProgress: (p) => progress.update(p.done) });
  } finally {
    progress.end();
  }
  const { imported, template, suggestion, money, moneyIssues } = inspected;
  const { table } = imported;
  if (args.saveMapping) await saveMappingProfile(args.saveMapping, suggestion.mapping);

  if (args.json) {
    const { rows: _rows, ...tableInfo } = table;
    out(
      JSON.stringify(
        { ...imported, table: { ...tableInfo, rowCount: table.rows.length }, suggestion, money },
        null,
        2,
      ),
    );
    return 0;
  }

  out(colour.bold(t.file(imported.file, imported.format, imported.mode)));
  if (imported.csv) out(t.csvDecoding(imported.csv.encoding, imported.csv.delimiter));
  out(t.sheets);
  for (const s of imported.sheets) out(t.sheetLine(s.name, s.state, s.rowCount, s.name === table.sheet));
  out('');
  out(colour.bold(t.tableLine(table.sheet, table.headerRow, table.rows.length)));
  if (table.groups.length) out(t.groupsLine([...new Set(table.groups.map((g) => g.name))]));
  for (const line of rowRoleLines(table, args.lang)) out(line);
  out(t.columns);
  const width = Math.min(30, Math.max(...table.columns.map((c) => [...c.header].length)));
  for (const c of table.columns) {
    const type = pad(t.columnType(c.type), 13);
    const hidden = c.hidden ? colour.dim(` (${t.hiddenColumn})`) : '';
    out(
      `  ${pad(c.letter, 3)} ${pad(c.header, width)}  ${type} ${colour.dim(columnSamples(table, c.index, args.lang).join(' · '))}${hidden}`,
    );
  }
  out('');
  out(colour.bold(t.suggested(template.name[args.lang])));
  const labelWidth = Math.max(...template.fields.map((f) => [...f.label[args.lang]].length));
  for (const field of template.fields) {
    const match = suggestion.matches.find((m) => m.field === field.id);
    const label = pad(field.label[args.lang], labelWidth);
    const req = field.required ? colour.dim(` (${t.required})`) : '';
    if (match)
      out(
        `  ${label}  ← ${match.column}  ${args.lang === 'fr' ? `« ${match.header} »` : `"${match.header}"`}${req}`,
      );
    else out(`  ${label}  ${field.required ? colour.red(t.noColumn) : colour.dim(t.noColumn)}${req}`);
  }
  if (args.saveMapping) {
    out('');
    out(t.mappingSaved(args.saveMapping));
  }
  for (const notice of table.notices) out(colour.blue(`ℹ ${notice.message[args.lang]}`));
  out('');
  const [title, ...moneyRest] = moneyLines(money, args.lang);
  out(colour.bold(title!));
  for (const line of moneyRest) out(line);
  // Mixed currencies, a --currency the sheet contradicts: said here, before any build.
  for (const issue of moneyIssues.filter((i) => i.severity !== 'info'))
    out(colour.yellow(`  ⚠ ${issue.ref ? `${issue.ref}  ` : ''}${issue.message[args.lang]}`));
  return 0;
}

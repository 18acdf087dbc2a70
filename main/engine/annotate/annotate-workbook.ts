// Gives the user's own workbook back with every issue shown where it lives: coloured cells, a note
// with the message, and an issues sheet in front that links to each cell. The marketer fixes the
// copy in Excel, which is where they work, instead of reading a report beside it.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../common/lazy-modules.ts';
import { formatRef, quoteSheet } from '../common/cell-ref.ts';
import { columnIndex, columnLetter } from '../common/column-letter.ts';
import type {
  Cell,
  Comment,
  Fill,
  Font,
  RichText,
  Workbook,
  WorkbookView,
  Worksheet,
  WorksheetView,
} from 'exceljs';
import { resolve } from 'node:path';
import { CatalogError } from '../errors.ts';
import type { Issue, Lang, Severity } from '../model.ts';
import { assertNotSameFile, writeFileAtomic } from '../io/write-atomic.ts';
import { GROUP_SHOWN, groupIssues, groupRestWhere, type IssueGroup } from '../common/group-issues.ts';

export type AnnotateSource =
  | { kind: 'xlsx'; path: string }
  /**
   * Rows already read from a CSV; row 1 of `rows` becomes Excel row 1. `path`, when given, is the
   * CSV file itself, so that it is protected from being overwritten like a source workbook.
   */
  | { kind: 'rows'; sheetName: string; rows: string[][]; path?: string };

export type AnnotateOptions = {
  source: AnnotateSource;
  issues: Issue[];
  /** The annotated copy (.xlsx); never the source. */
  out: string;
  lang: Lang;
};

export type AnnotateResult = {
  /** Distinct cells that received a fill or a note. */
  highlighted: number;
  /** Absolute path of the file written. */
  written: string;
};

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const SEVERITY_WORD: Record<Lang, Record<Severity, string>> = {
  fr: { error: 'Erreur', warning: 'Avertissement', info: 'Info' },
  en: { error: 'Error', warning: 'Warning', info: 'Info' },
};

const ISSUES_SHEET: Record<Lang, string> = { fr: 'Problèmes', en: 'Issues' };

const HEADERS: Record<Lang, [string, string, string, string]> = {
  fr: ['Gravité', 'Cellule', 'Code', 'Message'],
  en: ['Severity', 'Cell', 'Code', 'Message'],
};

// Excel's own "Bad" and "Neutral" cell styles: users recognise them, and the dark font stays
// readable on the light fill even when the cell had white text on a dark background.
const MARK: Record<Exclude<Severity, 'info'>, { fill: Fill; font: string }> = {
  error: { fill: solid('FFFFC7CE'), font: 'FF9C0006' },
  warning: { fill: solid('FFFFEB9C'), font: 'FF9C5700' },
};

const LINK_FONT: Partial<Font> = { color: { argb: 'FF0563C1' }, underline: true };

const MAX_COLUMN = 16_384; // XFD
const ROW_MARK_MAX_COLUMNS = 256;

/** One cell to mark: the worst severity that touches it and the note lines it carries. */
type Mark = { cell: Cell; severity?: Severity; lines: { rank: number; text: string }[] };

export async function annotateWorkbook(opts: AnnotateOptions): Promise<AnnotateResult> {
  const { source, issues, lang } = opts;
  // Before any work: a mistaken output path must fail fast, and must never touch the source.
  if (source.path !== undefined) assertNotSameFile(source.path, opts.out);

  const Excel = await loadExcelJS();
  const { workbook, sheets } =
    source.kind === 'xlsx' ? await readWorkbook(Excel, source.path) : fromRows(Excel, source);
  const columnCounts = new Map<Worksheet, number>();
  const marks = new Map<string, Mark>();

  const markCell = (cell: Cell, severity: Severity, fill: boolean, line?: string): void => {
    // A merged range is shown with the style and note of its top-left cell.
    const target = cell.isMerged ? cell.master : cell;
    const key = `${target.worksheet.id}!${target.address}`;
    let mark = marks.get(key);
    if (!mark) marks.set(key, (mark = { cell: target, lines: [] }));
    if (fill && (mark.severity === undefined || RANK[severity] < RANK[mark.severity])) {
      mark.severity = severity;
    }
    if (line !== undefined) mark.lines.push({ rank: RANK[severity], text: line });
  };

  for (const issue of issues) {
    const place = locate(issue, sheets);
    if (!place) continue;
    const line = `${SEVERITY_WORD[lang][issue.severity]}${lang === 'fr' ? '\u00a0:' : ':'} ${issue.message[lang]}`;
    const fill = issue.severity !== 'info';
    if (place.column !== undefined) {
      markCell(place.sheet.getCell(place.row, place.column), issue.severity, fill, line);
      continue;
    }
    // A whole-row issue (a missing price somewhere, a duplicate product) colours the row across
    // the table so it is seen when scrolling; the note goes where the eye starts, column A.
    // Capped: one stray value far to the right would otherwise make each row issue touch
    // thousands of empty cells.
    let width = columnCounts.get(place.sheet);
    if (width === undefined) {
      columnCounts.set(place.sheet, (width = clamp(place.sheet.columnCount, 1, ROW_MARK_MAX_COLUMNS)));
    }
    const row = place.sheet.getRow(place.row);
    for (let column = 1; column <= width; column++) {
      markCell(row.getCell(column), issue.severity, fill, column === 1 ? line : undefined);
    }
  }

  for (const mark of marks.values()) applyMark(mark);

  addIssuesSheet(workbook, issues, sheets, lang);

  const written = resolve(opts.out);
  const bytes = await workbook.xlsx.writeBuffer();
  await writeFileAtomic(written, new Uint8Array(bytes));
  return { highlighted: marks.size, written };
}

// ─── Reading ──────────────────────────────────────────────────────────────────────────────────────

/** Worksheets by the names issues use for them. */
type SheetIndex = { find(name: string): Worksheet | undefined; order(sheet: Worksheet): number };

async function readWorkbook(
  Excel: typeof ExcelJS,
  path: string,
): Promise<{ workbook: Workbook; sheets: SheetIndex }> {
  const workbook = new Excel.Workbook();
  try {
    // exceljs reads the whole file into memory: the source is only ever read, never written.
    await workbook.xlsx.readFile(path);
  } catch (cause) {
    throw new CatalogError(
      'WORKBOOK_UNREADABLE',
      {
        fr: `Impossible de relire le classeur ${path} pour l’annoter.`,
        en: `Cannot read the workbook ${path} again to annotate it.`,
      },
      { cause },
    );
  }
  return { workbook, sheets: indexSheets(workbook, new Map()) };
}

function fromRows(
  Excel: typeof ExcelJS,
  source: { sheetName: string; rows: string[][] },
): {
  workbook: Workbook;
  sheets: SheetIndex;
} {
  const workbook = new Excel.Workbook();
  // A CSV file name may not be a legal sheet name; issues still use the name the import gave.
  const sheet = workbook.addWorksheet(legalSheetName(source.sheetName));
  source.rows.forEach((values, index) => {
    if (values.length === 0) return;
    // Kept as text on purpose: the copy shows what the file contained, not our reading of it.
    const row = sheet.getRow(index + 1);
    values.forEach((value, column) => {
      if (value !== '') row.getCell(column + 1).value = value;
    });
  });
  return { workbook, sheets: indexSheets(workbook, new Map([[source.sheetName, sheet]])) };
}

function indexSheets(workbook: Workbook, aliases: Map<string, Worksheet>): SheetIndex {
  const ordered = workbook.worksheets;
  return {
    find: (name) =>
      aliases.get(name) ??
      workbook.getWorksheet(name) ??
      // Excel sheet names are case-insensitive, and so is a user typing one in a profile.
      ordered.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase()),
    order: (sheet) => ordered.indexOf(sheet),
  };
}

function legalSheetName(name: string): string {
  const cleaned = name
    .replace(/[*?:\\/[\]]/g, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim();
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Sheet1' : cleaned;
}

// ─── Marking cells ────────────────────────────────────────────────────────────────────────────────

type Place = { sheet: Worksheet; row: number; column?: number };

function locate(issue: Issue, sheets: SheetIndex): Place | undefined {
  const address = issue.cell;
  if (!address || !Number.isInteger(address.row) || address.row < 1 || address.row > 1_048_576) return;
  const sheet = sheets.find(address.sheet);
  if (!sheet) return;
  if (address.column === undefined) return { sheet, row: address.row };
  const column = columnNumber(address.column);
  return column === undefined ? undefined : { sheet, row: address.row, column };
}

function applyMark({ cell, severity, lines }: Mark): void {
  if (severity !== undefined && severity !== 'info') {
    const { fill, font } = MARK[severity];
    // Replace the style object rather than mutating it: exceljs may share one style object
    // between cells, and assigning `cell.fill` would then colour cells that have no issue.
    cell.style = { ...cell.style, fill, font: { ...cell.style.font, color: { argb: font } } };
  }
  if (lines.length === 0) return;
  const text = lines
    .sort((a, b) => a.rank - b.rank)
    .map((line) => line.text)
    .join('\n');
  cell.note = mergeNote(text, cell.note);
}

/** Our lines first, then whatever note the author had already left on the cell. */
function mergeNote(text: string, existing: string | Comment | undefined): string | Comment {
  if (existing === undefined || existing === '') return text;
  const previous: RichText[] = typeof existing === 'string' ? [{ text: existing }] : (existing.texts ?? []);
  if (previous.length === 0) return text;
  return { texts: [{ text: `${text}\n\n` }, ...previous] };
}

// ─── The issues sheet ─────────────────────────────────────────────────────────────────────────────

function addIssuesSheet(workbook: Workbook, issues: Issue[], sheets: SheetIndex, lang: Lang): void {
  const frozenHeader: SheetView = {
    state: 'frozen',
    xSplit: 0,
    ySplit: 1,
    topLeftCell: 'A2',
    activeCell: 'A2',
    tabSelected: true,
  };
  const sheet = workbook.addWorksheet(freeSheetName(workbook, ISSUES_SHEET[lang]), { views: [frozenHeader] });
  putFirstAndActive(workbook, sheet);

  const header = sheet.addRow(HEADERS[lang]);
  header.font = { bold: true };

  const rows = issues
    .map((issue, index) => ({ issue, index, place: locateForSort(issue, sheets) }))
    .sort((a, b) => compareIssues(a, b, sheets));

  // One rule on many cells of a column: its first cells listed, then one line with the count. Every
  // cell is still marked in its sheet; this list is where the user starts, not 100,000 lines.
  const shown = new Set<Issue>();
  const tails = new Map<Issue, IssueGroup>();
  for (const group of groupIssues(rows.map((r) => r.issue))) {
    const head = group.issues.slice(0, GROUP_SHOWN);
    for (const issue of head) shown.add(issue);
    if (group.issues.length > GROUP_SHOWN) tails.set(head.at(-1)!, group);
  }

  for (const { issue, place } of rows) {
    if (!shown.has(issue)) continue;
    addIssueRow(sheet, issue, place, lang);
    const group = tails.get(issue);
    if (group) addMoreRow(sheet, group, sheets, lang);
  }

  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(sheet.rowCount, 1), column: 4 } };
  const widest = (column: number): number => {
    let width = 0;
    sheet.getColumn(column).eachCell((cell) => (width = Math.max(width, cell.text.length)));
    return width;
  };
  // Wide enough to read, capped so a long message wraps instead of pushing the sheet sideways.
  const widths = [clamp(widest(1) + 4, 10, 18), clamp(widest(2) + 2, 10, 40), clamp(widest(3) + 2, 8, 32)];
  widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
  sheet.getColumn(4).width = clamp(widest(4) + 2, 30, 90);
}

function addIssueRow(sheet: Worksheet, issue: Issue, place: SortPlace, lang: Lang): void {
  const row = sheet.addRow([SEVERITY_WORD[lang][issue.severity], '', issue.code, issue.message[lang]]);
  const link = row.getCell(2);
  if (place.sheet) {
    const target = `${quoteSheet(place.sheet.name)}!${columnLetter((place.column ?? 1) - 1)}${place.row}`;
    link.value = { text: displayRef(place.sheet.name, place.row, place.column), hyperlink: `#${target}` };
    link.font = LINK_FONT;
  } else if (issue.cell) {
    // The sheet is not in this workbook (renamed since the check?): say where, link nowhere.
    const column = issue.cell.column !== undefined ? columnNumber(issue.cell.column) : undefined;
    link.value = displayRef(issue.cell.sheet, issue.cell.row, column);
  } else if (issue.ref) {
    link.value = issue.ref;
  }
  if (issue.severity !== 'info') row.getCell(1).fill = MARK[issue.severity].fill;
  row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
}

/** The line after a group's first issues: how many more, where, and that each one is marked. */
function addMoreRow(sheet: Worksheet, group: IssueGroup, sheets: SheetIndex, lang: Lang): void {
  const rest = group.issues.slice(GROUP_SHOWN);
  const n = (value: number) => value.toLocaleString(lang === 'fr' ? 'fr-FR' : 'en-GB');
  const fr = lang === 'fr';
  const where = groupRestWhere(group, lang);
  const count = rest.length;
  const text = fr
    ? `… et ${n(count)} ${count > 1 ? 'autres semblables' : 'autre semblable'}${where}, chacune marquée dans la feuille${group.sheet ? ` « ${group.sheet} »` : ''}.`
    : `… and ${n(count)} more like ${count > 1 ? 'these' : 'this'}${where}, each marked in the sheet${group.sheet ? ` "${group.sheet}"` : ''}.`;
  const row = sheet.addRow([SEVERITY_WORD[lang][group.severity], '', group.code, text]);
  // The link goes to the first cell not listed above.
  const next = rest[0]!;
  const place = locate(next, sheets);
  const link = row.getCell(2);
  if (place) {
    const target = `${quoteSheet(place.sheet.name)}!${columnLetter((place.column ?? 1) - 1)}${place.row}`;
    link.value = {
      text: `${displayRef(place.sheet.name, place.row, place.column)} …`,
      hyperlink: `#${target}`,
    };
    link.font = LINK_FONT;
  } else if (next.ref) link.value = `${next.ref} …`;
  if (group.severity !== 'info') row.getCell(1).fill = MARK[group.severity].fill;
  row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
}

/** « Problèmes », or « Problèmes (2) » when the workbook already has one (annotating twice). */
function freeSheetName(workbook: Workbook, base: string): string {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const name = `${base} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function putFirstAndActive(workbook: Workbook, issuesSheet: Worksheet): void {
  // exceljs orders sheets by `orderNo`, which its typings do not declare.
  const others = workbook.worksheets.filter((sheet) => sheet !== issuesSheet);
  [issuesSheet, ...others].forEach(
    (sheet, index) => ((sheet as Worksheet & { orderNo: number }).orderNo = index),
  );
  // Only one selected tab: two would open Excel in group mode, where typing edits both sheets.
  for (const sheet of others) {
    const views: SheetView[] = sheet.views ?? [];
    if (views.some((view) => view.tabSelected)) {
      sheet.views = views.map((view) => ({ ...view, tabSelected: false }));
    }
  }
  const views = workbook.views?.length ? workbook.views : [defaultView()];
  workbook.views = views.map((view) => ({ ...view, activeTab: 0, firstSheet: 0, visibility: 'visible' }));
}

/** exceljs reads and writes `tabSelected` but its typings omit it. */
type SheetView = Partial<WorksheetView> & { tabSelected?: boolean };

function defaultView(): WorkbookView {
  return { x: 0, y: 0, width: 12000, height: 24000, firstSheet: 0, activeTab: 0, visibility: 'visible' };
}

type SortPlace = { sheet?: Worksheet; row: number; column?: number };

function locateForSort(issue: Issue, sheets: SheetIndex): SortPlace {
  const place = locate(issue, sheets);
  if (place) return place;
  return {
    row: issue.cell?.row ?? 0,
    column: issue.cell?.column ? columnNumber(issue.cell.column) : undefined,
  };
}

type Sortable = { issue: Issue; index: number; place: SortPlace };

/** Errors → warnings → info; then sheets in workbook order (unknown ones after), row, column. */
function compareIssues(a: Sortable, b: Sortable, sheets: SheetIndex): number {
  return (
    RANK[a.issue.severity] - RANK[b.issue.severity] ||
    sheetOrder(a, sheets) - sheetOrder(b, sheets) ||
    (a.place.sheet ? 0 : (a.issue.cell?.sheet ?? '\uffff').localeCompare(b.issue.cell?.sheet ?? '\uffff')) ||
    a.place.row - b.place.row ||
    (a.place.column ?? 0) - (b.place.column ?? 0) ||
    a.index - b.index
  );
}

function sheetOrder({ place, issue }: Sortable, sheets: SheetIndex): number {
  if (place.sheet) return sheets.order(place.sheet);
  return issue.cell ? MAX_COLUMN : MAX_COLUMN + 1; // missing sheets, then issues with no cell
}

// ─── References ───────────────────────────────────────────────────────────────────────────────────

/** `'Tarif 2026'!F15`, or `'Tarif 2026'!15:15` for a whole row, as Excel writes them. */
const displayRef = (sheet: string, row: number, column: number | undefined) =>
  formatRef({ sheet, row, ...(column !== undefined ? { column: columnLetter(column - 1) } : {}) });

/** 1-based column number of a letter reference, or undefined when it is no column Excel has. */
function columnNumber(letters: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return undefined;
  const n = columnIndex(letters) + 1;
  return n <= MAX_COLUMN ? n : undefined;
}

// ─── Helpers ──────────────────────────────────────────────────────────────────────────────────────

function solid(argb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb } };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

// Turns a raw sheet into the table the rest of the pipeline reads: header found, columns named and
// typed, category rows turned into groups, blank rows skipped but remembered.
import type {
  Cell,
  EmbeddedImage,
  Issue,
  RawRow,
  RawSheet,
  RowDecision,
  SourceColumn,
  SourceRow,
  SourceTable,
  Translated,
} from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { normalizeSpaces } from '../values/normalize-text.ts';
import { cellText, isBlank } from '../common/cell-text.ts';
import { columnLetter } from '../common/column-letter.ts';
import { detectColumnType } from './column-type.ts';
import { findHeaderRow } from './header-row.ts';
import { looksLikeDataRow } from './headerless.ts';
import { findMatrix } from './matrix-sheet.ts';
import { roleNotices } from './role-notices.ts';
import { decideRowRoles } from './row-roles.ts';
import { shorten } from './row-texts.ts';
import { importErrors } from './import-errors.ts';

const SAMPLES = 3;
// The pictures of a row that has none: one frozen array shared by every such row (nothing adds to a
// row's pictures once read), not an empty array kept per row of a large sheet.
const NO_IMAGES = Object.freeze([]) as unknown as EmbeddedImage[];

// A loop, not a reduce: a callback made for each of a large sheet's rows costs more than the count.
function filledCount(row: RawRow): number {
  let n = 0;
  for (const cell of row.cells) if (!isBlank(cell)) n++;
  return n;
}

/** Whether any cell of `row` shows something: stops at the first, where counting would read them all. */
function hasFilled(row: RawRow): boolean {
  for (const cell of row.cells) if (!isBlank(cell)) return true;
  return false;
}

/**
 * The decision on row `number`, asked for in ascending order of rows. Decisions come in the order of
 * the rows, so a cursor walking them finds each in a step, without a map of a large sheet's every row;
 * a sheet whose row numbers go back (a broken generator) gets the map. A number decided twice gives
 * the last of its decisions, as the map would.
 */
function decisionLookup(decisions: RowDecision[]): (number: number) => RowDecision | undefined {
  let ordered = true;
  for (let i = 1; i < decisions.length && ordered; i++) ordered = decisions[i - 1]!.row <= decisions[i]!.row;
  if (!ordered) {
    const byRow = new Map(decisions.map((d) => [d.row, d]));
    return (number) => byRow.get(number);
  }
  let at = 0;
  let asked = -Infinity;
  return (number) => {
    // Asked out of order: start again from the first decision.
    if (number < asked) at = 0;
    asked = number;
    while (at < decisions.length && decisions[at]!.row < number) at++;
    let last = at;
    while (last + 1 < decisions.length && decisions[last + 1]!.row === number) last++;
    return decisions[last]?.row === number ? decisions[last] : undefined;
  };
}

const say = (fr: string, en: string): Translated => ({ fr, en });

/** `cells` padded with empty cells to `width`, every slot filled; `cells` itself when it already is. */
function widen(cells: (Cell | undefined)[], width: number): Cell[] {
  let whole = cells.length === width;
  for (let i = 0; i < width && whole; i++) whole = cells[i] !== undefined;
  if (whole) return cells as Cell[];
  const out = new Array<Cell>(width);
  for (let i = 0; i < width; i++) out[i] = cells[i] ?? EMPTY_CELL;
  return out;
}

const labelsAbove = (n: number) =>
  n === 1
    ? say('1 libellé au-dessus des données', '1 label above the data')
    : say(`${n} libellés au-dessus des données`, `${n} labels above the data`);

function headerNames(row: RawRow, count: number): string[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const raw = row.cells[i] ? normalizeSpaces(cellText(row.cells[i]!)) : '';
    // A column without a header is named by its letter alone, the same in every language.
    const base = raw || `[${columnLetter(i)}]`;
    // Two columns called "Prix" must stay distinguishable in a mapping profile, even next to a
    // header that already reads "Prix (2)".
    let name = base;
    for (let n = 2; used.has(name); n++) name = `${base} (${n})`;
    used.add(name);
    return name;
  });
}

/** The first rows of a sheet as text, numbered as Excel numbers them: what a surface shows to pick a header. */
export function headRows(sheet: RawSheet, count = 40): { number: number; cells: string[] }[] {
  return sheet.rows.slice(0, count).map((row) => ({
    number: row.number,
    cells: row.cells.map((c) => normalizeSpaces(cellText(c))),
  }));
}

/** `headerRow`: the sheet row the user picked as the header; found from the rows when absent. */
export function buildTable(
  sheet: RawSheet,
  file: string,
  notices: Issue[] = [],
  headerRow?: number,
): SourceTable {
  const found =
    headerRow === undefined ? findHeaderRow(sheet.rows) : sheet.rows.findIndex((r) => r.number === headerRow);
  if (found < 0)
    throw headerRow === undefined
      ? importErrors.noHeader(file, sheet.name)
      : importErrors.emptyHeader(file, sheet.name, headerRow);
  // No header at all: the chosen row is the first product, and the columns go by their letters.
  // A row the user picked is a header, whatever it holds.
  const headerless = headerRow === undefined && looksLikeDataRow(sheet.rows, found);
  const header: RawRow = headerless
    ? { number: sheet.rows[found]!.number - 1, hidden: false, cells: [] }
    : sheet.rows[found]!;
  const headerIndex = headerless ? found - 1 : found;
  const dataRows = sheet.rows.slice(headerIndex + 1);
  const width = dataRows.reduce((w, r) => Math.max(w, r.cells.length), header.cells.length);
  const names = headerNames(header, width);
  const hidden = new Set(sheet.hiddenColumns);
  const matrix = headerless ? undefined : findMatrix(header, dataRows);

  const decisions = decideRowRoles(dataRows.filter(hasFilled), {
    headers: names,
    width,
    merges: sheet.merges,
  });
  const decisionOf = decisionLookup(decisions);
  const rows: SourceRow[] = [];
  const groups: SourceTable['groups'] = [];
  const blankRows: number[] = [];
  let group: { name: string; row: number } | undefined;
  // A lone label after the last product heads no product.
  const groupsWithProducts = new Set<number>();
  const imagesByRow = new Map<number, EmbeddedImage[]>();
  for (const img of sheet.images) imagesByRow.set(img.row, [...(imagesByRow.get(img.row) ?? []), img]);
  let previous = header.number;
  for (const raw of dataRows) {
    // Rows absent from the file between two rows are blank rows too.
    for (let n = previous + 1; n < raw.number; n++) blankRows.push(n);
    previous = raw.number;
    const decision = decisionOf(raw.number);
    if (!decision) {
      blankRows.push(raw.number);
      continue;
    }
    if (decision.role === 'category') {
      const name = normalizeSpaces(cellText(raw.cells.find((c) => !isBlank(c))!));
      group = { name, row: raw.number };
      groups.push(group);
      continue;
    }
    if (decision.role !== 'product' && decision.role !== 'variant') continue;
    if (group) groupsWithProducts.add(group.row);
    // A row as wide as the table is taken as it is (cells are plain data, never mutated): no copy
    // of every row of a large sheet.
    const cells = widen(raw.cells, width);
    // Built field by field, in this order, rather than from spread literals: one object per row.
    const row: Partial<SourceRow> = { number: raw.number, hidden: raw.hidden, role: decision.role };
    if (decision.parent !== undefined) row.parent = decision.parent;
    if (decision.tie !== undefined) row.tie = decision.tie;
    if (group !== undefined) row.group = group.name;
    row.cells = cells;
    row.images = imagesByRow.get(raw.number) ?? NO_IMAGES;
    rows.push(row as SourceRow);
  }
  // Blank rows after the last product are just the end of the sheet.
  const last = rows.at(-1)?.number ?? header.number;
  const innerBlanks = blankRows.filter((n) => n < last);

  const columns: SourceColumn[] = names.map((name, i) => {
    const cells = rows.slice(0, 500).map((r) => r.cells[i]!);
    const samples: string[] = [];
    for (const cell of cells) {
      if (samples.length >= SAMPLES) break;
      const text = normalizeSpaces(cellText(cell));
      const shown = text.length > 40 ? `${text.slice(0, 39)}…` : text;
      if (shown && !samples.includes(shown)) samples.push(shown);
    }
    return {
      index: i,
      letter: columnLetter(i),
      header: name,
      hidden: hidden.has(i),
      type: detectColumnType(cells),
      samples,
    };
  });

  const above = sheet.rows.slice(0, Math.max(0, headerIndex));
  const preamble = above
    .flatMap((r) => r.cells.filter((c) => c.value.kind === 'text' || c.value.kind === 'rich'))
    .map((c) => normalizeSpaces(cellText(c)))
    .filter((t) => t.length > 0);
  const title = preamble[0];
  const roles: RowDecision[] = [
    ...above
      .filter((r) => filledCount(r) > 0)
      .map((r) => ({
        row: r.number,
        role: 'title' as const,
        reason: say("au-dessus de l'en-tête", 'above the header'),
        text: shorten(
          r.cells
            .map((c) => normalizeSpaces(cellText(c)))
            .filter(Boolean)
            .join(' · '),
        ),
      })),
    ...(headerless
      ? []
      : [
          {
            row: header.number,
            role: 'header' as const,
            reason:
              headerRow === undefined
                ? labelsAbove(filledCount(header))
                : say('choisie par vous', 'chosen by you'),
            text: shorten(names.join(' · ')),
          },
        ]),
    ...decisions,
  ];
  return {
    file,
    sheet: sheet.name,
    ...(title ? { title } : {}),
    preamble,
    headerRow: header.number,
    headerless,
    roles,
    ...(matrix ? { matrix } : {}),
    columns,
    rows,
    groups: groups.filter((g) => groupsWithProducts.has(g.row)),
    blankRows: innerBlanks,
    notices: [...notices, ...roleNotices(sheet.name, sheet.rows, roles, headerless, matrix)],
  };
}

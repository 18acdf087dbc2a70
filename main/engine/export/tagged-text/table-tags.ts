// One group of a price list as a real InDesign table: a header row (repeated by InDesign on every
// frame it runs into) and one row per item, columns as wide as the template's shares of the page's
// text width, the same fills as the PDF. Everything on one line: a CR inside a table would be a
// paragraph break inside a cell.
//
// Syntax (Using Adobe InDesign CS5 Tagged Text, "Table tags", and InDesign's exports):
//   <TableStart:rows,columns:headerRows:footerRows<tCellDefaultCellType:Text>>
//   <ColStart:<tColAttrWidth:pt>> × columns
//   <RowStart:<tRowAttrHeight:pt>> <CellStart:rowSpan,columnSpan<cell attributes>>…<CellEnd:> <RowEnd:>
//   <TableEnd:>
//
// Written in pieces (the table's start, then its rows one item at a time) so that a 100,000-row
// price list is never one string: build-tagged-text.ts streams the pieces to the file.
import { itemLines } from '../../model.ts';
import type { CatalogGroup, CatalogItem } from '../../model.ts';
import type { FormatContext } from '../../format/field-text.ts';
import { fieldRuns } from '../../format/field-text.ts';
import type { PrintedColumn } from '../../money/price-columns.ts';
import { mm } from '../../common/millimetres.ts';
import { pageGeometry } from '../../layout/page-geometry.ts';
import type { Cmyk, Layout, TableColumn } from '../../templates/layout-schema.ts';
import { escapeText, tagNumber } from './escape-tagged-text.ts';
import { alignmentValue } from './style-definitions.ts';
import type { StyleUse } from './style-use.ts';

type TableLayout = NonNullable<Layout['table']>;
type Role = 'tableHeader' | 'tableCell';

/** Column widths in points: each column's share of the page's text width (shares need not add to 1). */
export function columnWidths(layout: Pick<Layout, 'page'>, columns: TableColumn[]): number[] {
  const width = pageGeometry(layout.page).content.width;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (c.width / total) * width);
}

const CELL_END = '<CellEnd:>';
const ROW_END = '<RowEnd:>';

/** A cell up to its content: the same for every cell of a column with the same fill. */
function cellStart(use: StyleUse, role: Role, column: TableColumn, inset: string, fill?: Cmyk): string {
  const attributes = fill ? `${inset}<tCellFillColor:${use.fill(fill)}><tCellAttrFillTint:100>` : inset;
  // Alignment is the column's (prices right-aligned), a local override of the cell's paragraph style.
  const align =
    column.align === use.paragraph(role).align ? '' : `<pTextAlignment:${alignmentValue(column.align)}>`;
  return `<CellStart:1,1${attributes}>${use.paraStyleTag(role)}${align}`;
}

function rowStart(use: StyleUse, role: Role, table: TableLayout): string {
  // At least one line of the row's style plus the padding above and below; InDesign grows it for more.
  const pad = mm(table.rowPadding);
  const height = use.paragraph(role).leading + 2 * pad;
  return `<RowStart:<tRowAttrHeight:${tagNumber(height)}>>`;
}

export type TableOptions = {
  layout: Layout & { table: TableLayout };
  use: StyleUse;
  ctx: FormatContext;
  typography: (text: string) => string;
  /** The catalog's printed columns (money/price-columns.ts): the same for every group. */
  columns: PrintedColumn<TableColumn>[];
  /** Before each item's rows: progress and the cancel check. */
  onItem?: () => void;
  /**
   * Only the rows that can put a style or a swatch in the file for the first time (the header and
   * the first two item rows: plain, then striped), for the pass that settles the file's definitions
   * before its text is written.
   */
  stylesOnly?: boolean;
};

/**
 * The table's pieces in order: its start with the header row, then each item's rows, then its end.
 * Styles and swatches are put to use in the same order as the rows are written, so the file's
 * definitions list them in the order they were first used.
 */
export function* tableTags(group: CatalogGroup, options: TableOptions): Generator<string, void, undefined> {
  const { layout, use, ctx, typography, columns } = options;
  const { table } = layout;
  const pad = tagNumber(mm(table.rowPadding));
  const inset = ['Left', 'Top', 'Right', 'Bottom'].map((side) => `<tCellAttr${side}Inset:${pad}>`).join('');

  let header = '';
  for (const c of columns)
    header += `${cellStart(use, 'tableHeader', c, inset, table.headerFill)}${escapeText(typography(c.headerText))}${CELL_END}`;
  header = `${rowStart(use, 'tableHeader', table)}${header}${ROW_END}`;
  const widths = columnWidths(layout, columns)
    .map((w) => `<ColStart:<tColAttrWidth:${tagNumber(w)}>>`)
    .join('');
  const rows = group.items.reduce((n, item) => n + (item.variants?.length ?? 0) + 1, 0) + 1;
  yield `<TableStart:${rows},${columns.length}:1:0<tCellDefaultCellType:Text>>${widths}${header}`;

  // A cell's start depends only on its column and its stripe: built when first needed (a stripe's
  // swatch is used, hence defined, only by a table that has a second row), then reused.
  const starts: (string[] | undefined)[] = [undefined, undefined];
  const startsFor = (stripe: 0 | 1): string[] =>
    (starts[stripe] ??= columns.map((c) =>
      cellStart(use, 'tableCell', c, inset, stripe ? table.stripeFill : undefined),
    ));
  let bodyRowStart: string | undefined;
  const line = (item: CatalogItem, i: number): string => {
    // Stripes on every second item row, as the PDF draws them.
    const cells = startsFor(i % 2 === 1 ? 1 : 0);
    let out = '';
    for (let c = 0; c < columns.length; c++) {
      const runs = fieldRuns(item, columns[c]!.field, ctx);
      out += `${cells[c]!}${runs ? use.runs(runs) : ''}${CELL_END}`;
    }
    bodyRowStart ??= rowStart(use, 'tableCell', table);
    return `${bodyRowStart}${out}${ROW_END}`;
  };

  let i = 0;
  for (const item of group.items) {
    if (options.stylesOnly && i >= 2) return;
    options.onItem?.();
    let out = '';
    for (const l of itemLines(item)) out += line(l, i++);
    yield out;
  }
  yield '<TableEnd:>';
}

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
import { itemLines } from '../../model.ts';
import type { CatalogGroup } from '../../model.ts';
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

function cell(use: StyleUse, role: Role, column: TableColumn, content: string, inset: string, fill?: Cmyk) {
  const attributes = fill ? `${inset}<tCellFillColor:${use.fill(fill)}><tCellAttrFillTint:100>` : inset;
  // Alignment is the column's (prices right-aligned), a local override of the cell's paragraph style.
  const align =
    column.align === use.paragraph(role).align ? '' : `<pTextAlignment:${alignmentValue(column.align)}>`;
  return `<CellStart:1,1${attributes}>${use.paraStyleTag(role)}${align}${content}<CellEnd:>`;
}

function row(use: StyleUse, role: Role, table: TableLayout, cells: string[]): string {
  // At least one line of the row's style plus the padding above and below; InDesign grows it for more.
  const pad = mm(table.rowPadding);
  const height = use.paragraph(role).leading + 2 * pad;
  return `<RowStart:<tRowAttrHeight:${tagNumber(height)}>>${cells.join('')}<RowEnd:>`;
}

export function tableTags(
  group: CatalogGroup,
  layout: Layout & { table: TableLayout },
  use: StyleUse,
  ctx: FormatContext,
  typography: (text: string) => string,
  /** The catalog's printed columns (money/price-columns.ts): the same for every group. */
  columns: PrintedColumn<TableColumn>[],
): string {
  const { table } = layout;
  const pad = tagNumber(mm(table.rowPadding));
  const inset = ['Left', 'Top', 'Right', 'Bottom'].map((side) => `<tCellAttr${side}Inset:${pad}>`).join('');

  const header = row(
    use,
    'tableHeader',
    table,
    columns.map((c) =>
      cell(use, 'tableHeader', c, escapeText(typography(c.headerText)), inset, table.headerFill),
    ),
  );
  // Stripes on every second item row, as the PDF draws them.
  const lines = group.items.flatMap(itemLines);
  const body = lines.map((item, i) =>
    row(
      use,
      'tableCell',
      table,
      columns.map((c) => {
        const runs = fieldRuns(item, c.field, ctx);
        const stripe = i % 2 === 1 ? table.stripeFill : undefined;
        return cell(use, 'tableCell', c, runs ? use.runs(runs) : '', inset, stripe);
      }),
    ),
  );
  const widths = columnWidths(layout, columns)
    .map((w) => `<ColStart:<tColAttrWidth:${tagNumber(w)}>>`)
    .join('');
  const rows = lines.length + 1;
  return (
    `<TableStart:${rows},${columns.length}:1:0<tCellDefaultCellType:Text>>` +
    widths +
    header +
    body.join('') +
    '<TableEnd:>'
  );
}

// One group of a price list as a real InDesign table in the file's table and cell styles: a header row
// (repeated by InDesign on every frame it runs into) and one row per item, columns as wide as the
// template's shares of the page's text width, the same fills as the PDF. Everything on one line: a CR
// inside a table would be a paragraph break inside a cell.
//
// Syntax (Using Adobe InDesign CS5 Tagged Text, "Table tags", and InDesign's exports):
//   <TableStyle:Name><TableStart:rows,columns:headerRows:footerRows<tCellDefaultCellType:Text>>
//   <ColStart:<tColAttrWidth:pt>> × columns
//   <RowStart:> [<CellStyle:Name>]<CellStart:1,1>[<ParaStyle:Name>][<pTextAlignment:…>]…<CellEnd:> <RowEnd:>
//   <TableEnd:>
//
// Styles, not local attributes: the insets, fills and paragraph style of the header cells, the body
// cells and the alternate (striped) body cells are three cell styles defined once in the file
// (style-definitions.ts), and every table is in one table style. A cell's tags say only what changes
// from the cell before it: tagged text keeps a tag in effect "until you use codes to cancel them or
// until you apply other attributes" (Using Adobe InDesign CS5 Tagged Text, "Tagging basics"), so a
// body row names its cell style once (the stripe changes every row), its paragraph style not at all,
// and a price column its right alignment once, cancelled (`<pTextAlignment:>`, as `<cUnderline:>`
// ends an underline) where a left-aligned column follows. That is what makes 10,000 products a few
// megabytes rather than twenty: the cells' formatting is in the styles, not on each cell. The file
// states every style afresh at each table's first cell and cancels any local attribute after each
// table, so no table depends on what the one before it left in effect.
//
// Written in pieces (the table's start, then its rows one item at a time) so that a 100,000-row
// price list is never one string: build-tagged-text.ts streams the pieces to the file.
import { itemLines } from '../../model.ts';
import type { CatalogGroup, CatalogItem, Lang } from '../../model.ts';
import type { FormatContext } from '../../format/field-text.ts';
import { fieldRuns } from '../../format/field-text.ts';
import type { PrintedColumn } from '../../money/price-columns.ts';
import { missingPriceRuns } from '../../format/price-runs.ts';
import { VAT_RATE, vatRateRuns } from '../../money/vat-column.ts';
import { mm } from '../../common/millimetres.ts';
import { pageGeometry } from '../../layout/page-geometry.ts';
import type { Layout, TableColumn } from '../../templates/layout-schema.ts';
import { escapeText, tagNumber } from './escape-tagged-text.ts';
import { alignmentValue } from './style-definitions.ts';
import type { StyleUse } from './style-use.ts';

type TableLayout = NonNullable<Layout['table']>;
type Role = 'tableHeader' | 'tableCell';
type CellKind = 'header' | 'body' | 'stripe';

/** The table and cell styles' names, in the build's language (InDesign's Table and Cell Styles panels). */
export const TABLE_STYLE_NAMES: Record<Lang, Record<CellKind | 'table', string>> = {
  fr: { table: 'Liste de prix', header: 'En-tête', body: 'Cellule', stripe: 'Cellule alternée' },
  en: { table: 'Price List', header: 'Header', body: 'Cell', stripe: 'Alternate Cell' },
};

/** Column widths in points: each column's share of the page's text width (shares need not add to 1). */
export function columnWidths(layout: Pick<Layout, 'page'>, columns: Pick<TableColumn, 'width'>[]): number[] {
  const width = pageGeometry(layout.page).content.width;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  return columns.map((c) => (c.width / total) * width);
}

const CELL_END = '<CellEnd:>';
const ROW_START = '<RowStart:>';
const ROW_END = '<RowEnd:>';
/** Ends a local alignment: the cell's paragraph style says it again. */
const ALIGNMENT_CANCEL = '<pTextAlignment:>';

/** What is in effect between two cells: the cell style, the paragraph style's role, a local alignment. */
type InEffect = { cell?: string; role?: Role; align?: string };

export type TableOptions = {
  layout: Layout & { table: TableLayout };
  use: StyleUse;
  ctx: FormatContext;
  typography: (text: string) => string;
  /**
   * The catalog's printed columns (money/price-columns.ts, with the VAT-rate column of
   * money/vat-column.ts when rates differ): the same for every group, and the PDF's.
   */
  columns: PrintedColumn<Pick<TableColumn, 'field' | 'width' | 'align'>>[];
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
 * A row's cell, as the PDF's table prints it (layout/table-flow.ts): its field, its VAT rate, or the
 * template's words for a missing price (« Prix sur demande »), in the cell's own style.
 */
function cellRuns(item: CatalogItem, field: string, layout: Layout, ctx: FormatContext) {
  if (field === VAT_RATE) return vatRateRuns(item, ctx.money, ctx.lang);
  const runs = fieldRuns(item, field, ctx);
  if (runs || field !== 'price') return runs;
  return missingPriceRuns(layout.price.missing, ctx.lang);
}

/**
 * The table's pieces in order: its start with the header row, then each item's rows, then its end.
 * Styles and swatches are put to use in the same order as the rows are written, so the file's
 * definitions list them in the order they were first used.
 */
export function* tableTags(group: CatalogGroup, options: TableOptions): Generator<string, void, undefined> {
  const { layout, use, ctx, typography, columns } = options;
  const { table } = layout;
  const names = TABLE_STYLE_NAMES[ctx.lang];
  const inset = mm(table.rowPadding);
  const cellStyle = (kind: CellKind): string => {
    const role: Role = kind === 'header' ? 'tableHeader' : 'tableCell';
    const fill = kind === 'header' ? table.headerFill : kind === 'stripe' ? table.stripeFill : undefined;
    return use.cellStyle(names[kind], { inset, fill, paragraphStyle: use.paragraph(role).name });
  };

  // The cells' starts depend only on what the row before left in effect and on the row's cell style:
  // worked out once for each (there are a handful) and reused for every row.
  const starts = new Map<string, { starts: string[]; after: InEffect }>();
  let state: InEffect = {};
  const rowStarts = (kind: CellKind): string[] => {
    const key = `${kind}\u0000${state.cell}\u0000${state.role}\u0000${state.align}`;
    let known = starts.get(key);
    if (!known) {
      const role: Role = kind === 'header' ? 'tableHeader' : 'tableCell';
      const cell = cellStyle(kind);
      const styleAlign = use.paragraph(role).align;
      // Explicit cells each name their cell and paragraph styles again; a local alignment the cell
      // before left is still cancelled, whichever way InDesign reads it.
      const explicit = table.taggedCells === 'explicit';
      let now = state;
      const out = columns.map((c) => {
        if (explicit) now = now.align ? { align: now.align } : {};
        const align = c.align === styleAlign ? undefined : alignmentValue(c.align);
        let start = now.cell === cell ? '' : `<CellStyle:${cell}>`;
        start += '<CellStart:1,1>';
        if (now.role !== role) start += use.paraStyleTag(role);
        if (now.align !== align) start += align ? `<pTextAlignment:${align}>` : ALIGNMENT_CANCEL;
        now = { cell, role, ...(align ? { align } : {}) };
        return start;
      });
      starts.set(key, (known = { starts: out, after: now }));
    }
    state = known.after;
    return known.starts;
  };

  const tableStyle = use.tableStyle(names.table, names.header);
  const headerStarts = rowStarts('header');
  let header = '';
  for (let c = 0; c < columns.length; c++)
    header += `${headerStarts[c]!}${escapeText(typography(columns[c]!.headerText))}${CELL_END}`;
  const widths = columnWidths(layout, columns)
    .map((w) => `<ColStart:<tColAttrWidth:${tagNumber(w)}>>`)
    .join('');
  const rows = group.items.reduce((n, item) => n + (item.variants?.length ?? 0) + 1, 0) + 1;
  yield `<TableStyle:${tableStyle}><TableStart:${rows},${columns.length}:1:0<tCellDefaultCellType:Text>>${widths}${ROW_START}${header}${ROW_END}`;

  const line = (item: CatalogItem, i: number): string => {
    // Stripes on every second item row, as the PDF draws them.
    const cells = rowStarts(i % 2 === 1 ? 'stripe' : 'body');
    let out = ROW_START;
    for (let c = 0; c < columns.length; c++) {
      const runs = cellRuns(item, columns[c]!.field, layout, ctx);
      out += `${cells[c]!}${runs ? use.runs(runs) : ''}${CELL_END}`;
    }
    return out + ROW_END;
  };

  let i = 0;
  for (const item of group.items) {
    if (options.stylesOnly && i >= 2) return;
    options.onItem?.();
    let out = '';
    for (const l of itemLines(item)) out += line(l, i++);
    yield out;
  }
  // A local alignment the last cell set would carry on into the paragraphs after the table.
  yield state.align ? `<TableEnd:>${ALIGNMENT_CANCEL}` : '<TableEnd:>';
}

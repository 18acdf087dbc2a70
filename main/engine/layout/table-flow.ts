// A price list: a table with a coloured header row repeated on every page, striped rows, group
// bands, prices right-aligned. A row never breaks across pages. When the products' VAT rates differ,
// a rate column follows the price (one rate for all is said in the legend under the table); a
// product without a price shows the template's words for it (« Prix sur demande »).
import { itemLines } from '../model.ts';
import type { CatalogGroup, CatalogItem } from '../model.ts';
import { fieldRuns } from '../format/field-text.ts';
import type { Box } from './layout-plan.ts';
import { mm } from '../common/millimetres.ts';
import { styleOf, textBox, type LayoutContext } from './layout-context.ts';
import { groupHeaderHeight, markGroupStart, opensNewPage, placeGroupHeader } from './group-header.ts';
import type { PageStream } from './page-stream.ts';
import { priceTableColumns, priceTableLegend } from '../money/price-columns.ts';
import { typographyFor } from '../format/typography.ts';
import { missingPriceRuns } from '../format/price-runs.ts';
import { VAT_RATE, vatRateRuns, withVatColumn } from '../money/vat-column.ts';
import { NO_COUNTER, type ItemCounter } from '../progress.ts';
import type { Cmyk, ParagraphStyle } from '../templates/layout-schema.ts';

type Column = { field: string; x: number; width: number; align: 'left' | 'center' | 'right'; header: string };

function columns(ctx: LayoutContext, groups: CatalogGroup[]): Column[] {
  const table = ctx.layout.table!;
  const { content } = ctx.geometry;
  const items = groups.flatMap((g) => g.items);
  // Price columns with nothing to print are left out, a VAT-rate column added when rates differ (the
  // same decision as the tagged text's); the others share the width.
  const printed = withVatColumn(
    priceTableColumns(table.columns, items, ctx.format),
    table,
    items,
    ctx.format.money,
    ctx.lang,
  );
  const total = printed.reduce((s, c) => s + c.width, 0);
  let x = content.x;
  return printed.map((c) => {
    const width = (c.width / total) * content.width;
    const column = { field: c.field, x, width, align: c.align, header: c.headerText };
    x += width;
    return column;
  });
}

type Role = 'tableHeader' | 'tableCell';
const cellStyles = new WeakMap<Column, Partial<Record<Role, ParagraphStyle>>>();
/** A column's style, made once per column: one object for all its cells (layout caches by style). */
function cellStyle(ctx: LayoutContext, col: Column, role: Role): ParagraphStyle {
  let styles = cellStyles.get(col);
  if (!styles) cellStyles.set(col, (styles = {}));
  const style = styleOf(ctx, role);
  // Figures in a right-aligned column (prices, quantities) are tabular, so they align on the decimal;
  // not the others: Inter's tabular hyphen is a figure wide (« VIS - 4x40 »).
  const figures = style.figures ?? (role === 'tableCell' && col.align === 'right' ? 'tabular' : undefined);
  return (styles[role] ??= { ...style, align: col.align, ...(figures ? { figures } : {}) });
}

/**
 * A row measured at y = 0, moved down to `y`: its text does not depend on where it goes (`y + pad`
 * and `0 + pad + y` are the same number), so each row is laid out once.
 */
function moveRow(ctx: LayoutContext, row: { boxes: Box[]; height: number }, y: number, fill?: Cmyk): Box[] {
  for (const box of row.boxes) box.y += y;
  const { content } = ctx.geometry;
  return fill
    ? [{ kind: 'rect', x: content.x, y, width: content.width, height: row.height, fill }, ...row.boxes]
    : row.boxes;
}

function tableRow(
  ctx: LayoutContext,
  cols: Column[],
  cells: (string | undefined)[] | CatalogItem,
  y: number,
  role: 'tableHeader' | 'tableCell',
  fill?: [number, number, number, number],
): { boxes: Box[]; height: number } {
  const pad = mm(ctx.layout.table!.rowPadding);
  const texts: Box[] = [];
  let height = 0;
  cols.forEach((col, i) => {
    const runs = Array.isArray(cells)
      ? cells[i]
        ? [{ text: cells[i]! }]
        : undefined
      : cellRuns(ctx, cells, col.field);
    if (!runs) return;
    const style = cellStyle(ctx, col, role);
    const box = textBox(
      ctx,
      runs,
      style,
      { x: col.x + pad, y: y + pad, width: col.width - 2 * pad, maxHeight: style.leading * 3 },
      Array.isArray(cells) ? {} : { row: cells.row, field: col.field },
    );
    texts.push(box);
    height = Math.max(height, box.height);
  });
  const rowHeight = Math.max(height, styleOf(ctx, role).leading) + 2 * pad;
  const { content } = ctx.geometry;
  const boxes: Box[] = fill
    ? [{ kind: 'rect', x: content.x, y, width: content.width, height: rowHeight, fill }]
    : [];
  return { boxes: [...boxes, ...texts], height: rowHeight };
}

/** A product's cell: its field, its VAT rate, or the template's words for a missing price. */
function cellRuns(ctx: LayoutContext, item: CatalogItem, field: string) {
  if (field === VAT_RATE) return vatRateRuns(item, ctx.format.money, ctx.lang);
  const runs = fieldRuns(item, field, ctx.format);
  if (runs || field !== 'price') return runs;
  return missingPriceRuns(ctx.layout.price.missing, ctx.lang);
}

/**
 * `count` sees every product before its lines are placed (its variants are part of it): it reports
 * progress and stops a cancelled layout.
 */
export function layoutTable(
  ctx: LayoutContext,
  stream: PageStream,
  groups: CatalogGroup[],
  count: ItemCounter = NO_COUNTER,
): void {
  const table = ctx.layout.table!;
  const cols = columns(ctx, groups);
  const header = (y: number) =>
    tableRow(
      ctx,
      cols,
      cols.map((c) => c.header),
      y,
      'tableHeader',
      table.headerFill,
    );
  const headerHeight = header(0).height;
  let headerOnPage = -1;
  const placeHeader = () => {
    const y = stream.take(headerHeight);
    stream.add(...header(y).boxes);
    headerOnPage = stream.count;
  };

  groups.forEach((group, g) => {
    const firstRow = group.items[0] ? tableRow(ctx, cols, group.items[0], 0, 'tableCell').height : 0;
    const needed = groupHeaderHeight(ctx, group) + headerHeight + firstRow;
    // The group's height, estimated from its first row: enough to judge its share of a page.
    const estimate = needed + firstRow * (group.items.flatMap(itemLines).length - 1);
    if (
      (g > 0 && !stream.isFresh && opensNewPage(ctx, stream, estimate)) ||
      (!stream.isFresh && needed > stream.remaining)
    )
      stream.newPage(group.name);
    placeGroupHeader(ctx, stream, group, false);
    markGroupStart(stream, group);
    placeHeader();
    // A price list prints one line per variant, under its product.
    const products = new Set(group.items);
    group.items.flatMap(itemLines).forEach((item, i) => {
      if (products.has(item)) count.item();
      const measured = tableRow(ctx, cols, item, 0, 'tableCell');
      if (measured.height > stream.remaining + 0.01) {
        stream.newPage(group.name);
        placeGroupHeader(ctx, stream, group, true);
      }
      if (headerOnPage !== stream.count) placeHeader();
      const y = stream.take(measured.height, group.name);
      stream.add(...moveRow(ctx, measured, y, i % 2 === 1 ? table.stripeFill : undefined));
    });
    stream.take(Math.min(mm(4), stream.remaining));
  });
  placeLegend(ctx, stream, cols);
}

/** The line under the table that states the currency and the VAT rate used, or that none was known. */
function placeLegend(ctx: LayoutContext, stream: PageStream, cols: Column[]): void {
  const legend = priceTableLegend(cols, ctx.format);
  if (!legend) return;
  const { content } = ctx.geometry;
  const at = (y: number) =>
    textBox(ctx, [{ text: typographyFor(ctx.format.locale)(legend) }], 'detail', {
      x: content.x,
      y,
      width: content.width,
      maxHeight: styleOf(ctx, 'detail').leading * 3,
    });
  stream.add(at(stream.take(at(0).height)));
}

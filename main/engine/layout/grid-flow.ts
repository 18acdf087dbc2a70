// Product cards in a grid: picture on top, then the slots (name, reference, description…), the
// price at the foot of the card. The picture's part of the card is the paper (or the picture's own
// backdrop, run to the card's edges): a tinted card under a photo would frame it a second time, so
// the card's tint lies only under its text. A card without a picture keeps a labelled placeholder
// or gives the room to its text, as the template says.
import type { CatalogGroup, CatalogItem } from '../model.ts';
import { fieldRuns } from '../format/field-text.ts';
import type { Box } from './layout-plan.ts';
import { DEFAULT_GRID } from '../templates/layout-schema.ts';
import { mm } from '../common/millimetres.ts';
import { itemImage, pictureCollapses } from './item-image.ts';
import { styleOf, textBox, type LayoutContext } from './layout-context.ts';
import { continueOnNewPage, ensureRoom, groupHeaderHeight, rowsPerPage, startGroup } from './group-header.ts';
import type { PageStream } from './page-stream.ts';
import { priceLegendFoot } from './price-legend.ts';
import { priceSlotBox } from './price-slot.ts';
import { NO_COUNTER, type ItemCounter } from '../progress.ts';

export function card(
  ctx: LayoutContext,
  item: CatalogItem,
  x: number,
  y: number,
  width: number,
  height: number,
): Box[] {
  const grid = ctx.layout.grid ?? DEFAULT_GRID;
  const pad = mm(grid.padding);
  const boxes: Box[] = [];
  const inner = { x: x + pad, width: width - 2 * pad };
  const imageHeight = ctx.layout.image && !pictureCollapses(ctx, item) ? height * grid.imageShare : 0;
  // The tint under the text only: from the picture's foot down (the whole card without a picture).
  if (grid.background)
    boxes.push({
      kind: 'rect',
      x,
      y: y + imageHeight,
      width,
      height: height - imageHeight,
      fill: grid.background,
    });
  if (imageHeight)
    boxes.push(
      ...itemImage(
        ctx,
        item,
        { x: inner.x, y: y + pad, width: inner.width, height: imageHeight - pad * 1.5 },
        { x, y, width, height: imageHeight },
      ),
    );

  let top = y + (imageHeight ? imageHeight + pad * 0.8 : pad);
  let bottom = y + height - pad;
  const priceSlot = ctx.layout.slots.find((s) => s.style === 'price');
  if (priceSlot) {
    const box = priceSlotBox(ctx, item, priceSlot.field, { ...inner, bottom });
    if (box) {
      boxes.push(box);
      bottom = box.y - pad * 0.5;
    }
  }
  for (const slot of ctx.layout.slots) {
    if (slot === priceSlot) continue;
    const runs = fieldRuns(item, slot.field, ctx.format);
    if (!runs) continue;
    const label = slot.label?.[ctx.lang];
    const room = bottom - top;
    const style = styleOf(ctx, slot.style);
    if (room < style.leading) {
      // No room left even for one line: the text is overset, which preflight reports.
      boxes.push({
        kind: 'text',
        x: inner.x,
        y: top,
        width: inner.width,
        height: 0,
        style: style.name,
        lines: [],
        overset: true,
        row: item.row,
        field: slot.field,
      });
      continue;
    }
    const box = textBox(
      ctx,
      label ? [{ text: label }, ...runs] : runs,
      slot.style,
      { x: inner.x, y: top, width: inner.width, maxHeight: room },
      { row: item.row, field: slot.field },
    );
    boxes.push(box);
    top += box.height + style.spaceAfter + mm(0.8);
  }
  return boxes;
}

/** `count` sees every product before it is placed: it reports progress and stops a cancelled layout. */
export function layoutGrid(
  ctx: LayoutContext,
  stream: PageStream,
  groups: CatalogGroup[],
  count: ItemCounter = NO_COUNTER,
): void {
  const grid = ctx.layout.grid ?? DEFAULT_GRID;
  const { content } = ctx.geometry;
  const gutter = mm(grid.gutter);
  const cardWidth = (content.width - gutter * (grid.columns - 1)) / grid.columns;
  // The prices' basis at the foot of each page that shows prices: the rows share what is left.
  stream.setFoot(priceLegendFoot(ctx, 'left'));
  // Every page of a grouped grid opens with a group header (or its "(suite)"): the rows share what is left.
  const headerBand = Math.max(0, ...groups.map((g) => groupHeaderHeight(ctx, g)));
  const cardHeight = (stream.pageHeight - headerBand - gutter * (grid.rows - 1)) / grid.rows;
  const rowHeight = cardHeight + gutter;
  // A row fits where its card does: the gutter under a page's last row may fall off the page.
  const fits = (height: number, room: number) => height - gutter <= room + 0.01;
  groups.forEach((group, g) => {
    const rows = Math.ceil(group.items.length / grid.columns);
    const height = groupHeaderHeight(ctx, group) + rows * rowHeight - gutter;
    startGroup(ctx, stream, group, cardHeight, g === 0, height);
    // Rows per page, planned so that the group does not end on a page of one lone row.
    const plan = rowsPerPage(
      new Array<number>(rows).fill(rowHeight),
      stream.remaining,
      stream.pageHeight - groupHeaderHeight(ctx, group, true),
      fits,
    );
    let page = 0;
    let onPage = 0;
    for (let r = 0; r < rows; r++) {
      if (onPage === plan[page]) {
        continueOnNewPage(ctx, stream, group);
        page++;
        onPage = 0;
      } else {
        const before = stream.count;
        ensureRoom(ctx, stream, group, cardHeight);
        // The plan's arithmetic is the stream's, so this is only a safeguard: keep counting from here.
        if (stream.count !== before) [page, onPage] = [page + 1, 0];
      }
      onPage++;
      const y = stream.take(Math.min(rowHeight, stream.remaining), group.name);
      const first = r * grid.columns;
      group.items.slice(first, first + grid.columns).forEach((item, c) => {
        count.item();
        stream.add(...card(ctx, item, content.x + c * (cardWidth + gutter), y, cardWidth, cardHeight));
      });
    }
  });
}

// Product cards in a grid: picture on top, then the slots (name, reference, description…), the
// price at the foot of the card.
import type { CatalogGroup, CatalogItem } from '../model.ts';
import { fieldRuns } from '../format/field-text.ts';
import type { Box } from './layout-plan.ts';
import { DEFAULT_GRID } from '../templates/layout-schema.ts';
import { mm } from '../common/millimetres.ts';
import { itemImage } from './item-image.ts';
import { slotRuns } from '../format/price-runs.ts';
import { styleOf, textBox, type LayoutContext } from './layout-context.ts';
import { ensureRoom, groupHeaderHeight, startGroup } from './group-header.ts';
import type { PageStream } from './page-stream.ts';
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
  const boxes: Box[] = [{ kind: 'rect', x, y, width, height, fill: grid.background }];
  const inner = { x: x + pad, width: width - 2 * pad };
  const imageHeight = ctx.layout.image ? height * grid.imageShare : 0;
  if (ctx.layout.image)
    boxes.push(
      ...itemImage(ctx, item, { x: inner.x, y: y + pad, width: inner.width, height: imageHeight - pad }),
    );

  let top = y + imageHeight + pad * 0.8;
  let bottom = y + height - pad;
  const priceSlot = ctx.layout.slots.find((s) => s.style === 'price');
  if (priceSlot) {
    const runs = slotRuns(item, priceSlot.field, ctx.format, ctx.layout.price.show);
    if (runs) {
      const style = styleOf(ctx, 'price');
      const box = textBox(
        ctx,
        runs,
        'price',
        { x: inner.x, y: bottom - style.leading, width: inner.width, maxHeight: style.leading },
        { row: item.row, field: priceSlot.field },
      );
      boxes.push(box);
      bottom -= style.leading + pad * 0.5;
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
  // Every page of a grouped grid opens with a group header (or its "(suite)"): the rows share what is left.
  const headerBand = Math.max(0, ...groups.map((g) => groupHeaderHeight(ctx, g)));
  const cardHeight = (content.height - headerBand - gutter * (grid.rows - 1)) / grid.rows;
  groups.forEach((group, g) => {
    startGroup(ctx, stream, group, cardHeight, g === 0);
    for (let i = 0; i < group.items.length; i += grid.columns) {
      ensureRoom(ctx, stream, group, cardHeight);
      const y = stream.take(Math.min(cardHeight + gutter, stream.remaining), group.name);
      group.items.slice(i, i + grid.columns).forEach((item, c) => {
        count.item();
        stream.add(...card(ctx, item, content.x + c * (cardWidth + gutter), y, cardWidth, cardHeight));
      });
    }
  });
}

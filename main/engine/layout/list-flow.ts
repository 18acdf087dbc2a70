// One row per product: thumbnail on the left, name, reference and description in the middle, the
// price on the right, a hairline between rows. A row never breaks across pages.
import type { CatalogGroup, CatalogItem } from '../model.ts';
import { fieldRuns } from '../format/field-text.ts';
import type { Box } from './layout-plan.ts';
import { DEFAULT_LIST } from '../templates/layout-schema.ts';
import { mm } from '../common/millimetres.ts';
import { itemImage } from './item-image.ts';
import { slotRuns } from '../format/price-runs.ts';
import { styleOf, textBox, type LayoutContext } from './layout-context.ts';
import { ensureRoom, startGroup } from './group-header.ts';
import type { PageStream } from './page-stream.ts';
import { NO_COUNTER, type ItemCounter } from '../progress.ts';

const PRICE_COLUMN = mm(30);
const MAX_ROW = mm(70);

function row(ctx: LayoutContext, item: CatalogItem, y: number): { boxes: Box[]; height: number } {
  const list = ctx.layout.list ?? DEFAULT_LIST;
  const { content } = ctx.geometry;
  const thumb = ctx.layout.image ? mm(list.thumbnail) : 0;
  const textX = content.x + (thumb ? thumb + mm(4) : 0);
  const textWidth = content.x + content.width - PRICE_COLUMN - mm(3) - textX;
  const boxes: Box[] = [];
  let top = y;
  const priceSlot = ctx.layout.slots.find((s) => s.style === 'price');
  for (const slot of ctx.layout.slots) {
    if (slot === priceSlot) continue;
    const runs = fieldRuns(item, slot.field, ctx.format);
    if (!runs) continue;
    const label = slot.label?.[ctx.lang];
    const box = textBox(
      ctx,
      label ? [{ text: label }, ...runs] : runs,
      slot.style,
      { x: textX, y: top, width: textWidth, maxHeight: y + MAX_ROW - top },
      { row: item.row, field: slot.field },
    );
    boxes.push(box);
    top += box.height + styleOf(ctx, slot.style).spaceAfter + mm(0.6);
  }
  let priceHeight = 0;
  if (priceSlot) {
    const runs = slotRuns(item, priceSlot.field, ctx.format, ctx.layout.price.show);
    const style = { ...styleOf(ctx, 'price'), align: 'right' as const };
    if (runs) {
      const box = textBox(
        ctx,
        runs,
        style,
        {
          x: content.x + content.width - PRICE_COLUMN,
          y,
          width: PRICE_COLUMN,
          maxHeight: style.leading * 2,
        },
        { row: item.row, field: priceSlot.field },
      );
      boxes.push(box);
      priceHeight = box.height;
    }
  }
  // The row is as tall as the tallest of its picture, its text and its price.
  const height = Math.max(thumb, top - y, priceHeight);
  if (thumb) boxes.push(...itemImage(ctx, item, { x: content.x, y, width: thumb, height: thumb }));
  const ruleY = y + height + mm(list.rowGap) / 2;
  boxes.push({ kind: 'rect', x: content.x, y: ruleY, width: content.width, height: 0.5, fill: list.rule });
  return { boxes, height: height + mm(list.rowGap) };
}

/** `count` sees every product before it is placed: it reports progress and stops a cancelled layout. */
export function layoutList(
  ctx: LayoutContext,
  stream: PageStream,
  groups: CatalogGroup[],
  count: ItemCounter = NO_COUNTER,
): void {
  groups.forEach((group, g) => {
    // Measure the first row where it would go, to keep it with the group's header.
    const first = group.items[0];
    startGroup(ctx, stream, group, first ? row(ctx, first, 0).height : 0, g === 0);
    for (const item of group.items) {
      count.item();
      const { height } = row(ctx, item, 0);
      ensureRoom(ctx, stream, group, height);
      const y = stream.take(height, group.name);
      stream.add(...row(ctx, item, y).boxes);
    }
  });
}

// One row per product: thumbnail on the left, name, reference and description in the middle, the
// price on the right, a hairline between rows. A row never breaks across pages. A product without a
// picture keeps a labelled placeholder, or (`image.missing: 'collapse'`) its row shrinks to its text
// — the text column stays where it is, so the names of a list still line up.
import type { CatalogGroup, CatalogItem } from '../model.ts';
import { fieldRuns } from '../format/field-text.ts';
import type { Box } from './layout-plan.ts';
import { DEFAULT_LIST } from '../templates/layout-schema.ts';
import { mm } from '../common/millimetres.ts';
import { itemImage, pictureCollapses } from './item-image.ts';
import { styleOf, textBox, type LayoutContext } from './layout-context.ts';
import { continueOnNewPage, ensureRoom, groupHeaderHeight, rowsPerPage, startGroup } from './group-header.ts';
import { priceLegendFoot } from './price-legend.ts';
import { priceSlotBox } from './price-slot.ts';
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
    const at = {
      x: content.x + content.width - PRICE_COLUMN,
      y,
      width: PRICE_COLUMN,
      align: 'right' as const,
    };
    const box = priceSlotBox(ctx, item, priceSlot.field, at, 2);
    if (box) {
      boxes.push(box);
      priceHeight = box.height;
    }
  }
  const picture = thumb && !pictureCollapses(ctx, item);
  // The row is as tall as the tallest of its picture, its text and its price.
  const height = Math.max(picture ? thumb : 0, top - y, priceHeight);
  if (picture) boxes.push(...itemImage(ctx, item, { x: content.x, y, width: thumb, height: thumb }));
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
  // The prices' basis at the foot of each page that shows prices, under the price column.
  stream.setFoot(priceLegendFoot(ctx, 'right'));
  groups.forEach((group, g) => {
    // Each row measured first (only its height kept: a 100,000-product group must not be held),
    // for the group's share of a page, its header kept with its first row, and its page breaks.
    const heights = Float64Array.from(group.items, (item) => row(ctx, item, 0).height);
    const total = heights.reduce((s, h) => s + h, groupHeaderHeight(ctx, group));
    startGroup(ctx, stream, group, heights[0] ?? 0, g === 0, total);
    const plan = rowsPerPage(
      heights,
      stream.remaining,
      stream.pageHeight - groupHeaderHeight(ctx, group, true),
    );
    let page = 0;
    let onPage = 0;
    group.items.forEach((item, i) => {
      count.item();
      const height = heights[i]!;
      if (onPage === plan[page]) {
        continueOnNewPage(ctx, stream, group);
        [page, onPage] = [page + 1, 0];
      } else {
        const before = stream.count;
        ensureRoom(ctx, stream, group, height);
        if (stream.count !== before) [page, onPage] = [page + 1, 0];
      }
      onPage++;
      const y = stream.take(height, group.name);
      stream.add(...row(ctx, item, y).boxes);
    });
  });
}

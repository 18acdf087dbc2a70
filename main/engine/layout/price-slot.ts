// The price of a card or a list row as a text box: the price as the template's `price.show` asks,
// or, for a product without one, the template's words for it (« Prix sur demande ») in their own
// quieter style — never an empty slot when the template has words for it, never an invented amount.
import type { CatalogItem } from '../model.ts';
import { missingPriceRuns, slotRuns } from '../format/price-runs.ts';
import type { ParagraphStyle } from '../templates/layout-schema.ts';
import type { TextBox } from './layout-plan.ts';
import { styleOf, textBox, type LayoutContext } from './layout-context.ts';
import { statedBasis } from './price-legend.ts';

const aligned = new WeakMap<ParagraphStyle, Partial<Record<ParagraphStyle['align'], ParagraphStyle>>>();
/** A style with another alignment, made once: layout caches by style object. */
function alignedStyle(style: ParagraphStyle, align: ParagraphStyle['align'] | undefined): ParagraphStyle {
  if (!align || style.align === align) return style;
  let known = aligned.get(style);
  if (!known) aligned.set(style, (known = {}));
  return (known[align] ??= { ...style, align });
}

/**
 * The price box of `item`, its top at `at.y` (or its foot at `at.bottom`), or undefined when there is
 * nothing to print. `lines`: the most lines the price may take.
 */
export function priceSlotBox(
  ctx: LayoutContext,
  item: CatalogItem,
  field: string,
  at: { x: number; width: number; y?: number; bottom?: number; align?: ParagraphStyle['align'] },
  lines = 1,
): TextBox | undefined {
  // The page's legend says this basis (price-legend.ts): the prices of that basis need no tax word.
  const stated =
    ctx.layout.price.legend === false ? undefined : statedBasis(ctx.format.money, ctx.layout.price.show);
  const runs = slotRuns(item, field, ctx.format, ctx.layout.price.show, stated);
  const missing = runs ? undefined : missingPriceRuns(ctx.layout.price.missing, ctx.lang);
  if (!runs && !missing) return undefined;
  const style = alignedStyle(styleOf(ctx, runs ? 'price' : 'priceMissing'), at.align);
  const maxHeight = style.leading * lines;
  const y = at.y ?? at.bottom! - style.leading;
  return textBox(
    ctx,
    (runs ?? missing)!,
    style,
    { x: at.x, y, width: at.width, maxHeight },
    {
      row: item.row,
      field,
    },
  );
}

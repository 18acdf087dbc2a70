// The line at the foot of each page of cards or rows that says what its prices are (« Prix HT »,
// "Prices excl. VAT"), so the prices themselves need no tax word. It says a basis only when the
// sheet or the user said it (money/money-words.ts): prices of unknown basis get no line, and no word.
import type { Lang } from '../model.ts';
import type { Money } from '../money/money.ts';
import { priceBasis, taxWord } from '../money/money-words.ts';
import type { PriceShow } from '../format/price-runs.ts';
import type { Box, TextBox } from './layout-plan.ts';
import { mm } from '../common/millimetres.ts';
import { styleOf, textBox, type LayoutContext } from './layout-context.ts';
import type { PageFoot, StreamPage } from './page-stream.ts';

/**
 * The basis every price the layout prints without a tax word has, or undefined when it is not
 * known (or the cards print both prices, each with its own word). `show: 'ht'` prints the price
 * before tax where there is one (else the sheet's price with VAT, with its word); `ttc` the price with
 * VAT where one is known (else the price before tax, with its word).
 */
export function statedBasis(money: Money, show: PriceShow): 'excl' | 'incl' | undefined {
  if (show === 'both') return undefined;
  const basis = priceBasis(money);
  const ownTtc = money.columns.some((c) => c.field !== 'price');
  const hasPrice = money.columns.some((c) => c.field === 'price');
  if (show === 'ht') {
    if (basis === 'excl') return 'excl';
    // A sheet with prices with VAT only prints them, each of the same basis.
    return !hasPrice && ownTtc ? 'incl' : undefined;
  }
  // TTC is printed where the sheet has it or a rate makes it from a price before tax.
  if (ownTtc || (basis === 'excl' && money.vat.source !== 'none')) return 'incl';
  return basis === 'excl' ? 'excl' : undefined;
}

const ENGLISH: Record<'excl' | 'incl', string> = { excl: 'Prices excl. VAT', incl: 'Prices incl. VAT' };

/** « Prix HT » (« Prix HTVA » for a Belgian sheet), "Prices excl. VAT". */
function legendText(money: Money, basis: 'excl' | 'incl', lang: Lang): string {
  return lang === 'fr' ? `Prix\u00a0${taxWord(money, basis, 'fr')}` : ENGLISH[basis];
}

/**
 * The foot band of a grid or list: the legend, aligned as the prices are, on every page that shows
 * a price (a page of products without prices says nothing about them). Undefined when the template
 * turns it off or the basis is unknown.
 */
export function priceLegendFoot(ctx: LayoutContext, align: 'left' | 'right'): PageFoot | undefined {
  if (ctx.layout.price.legend === false) return undefined;
  const priceSlot = ctx.layout.slots.find((s) => s.style === 'price');
  if (!priceSlot) return undefined;
  const basis = statedBasis(ctx.format.money, ctx.layout.price.show);
  if (!basis) return undefined;
  const priceStyle = styleOf(ctx, 'price').name;
  const style = { ...styleOf(ctx, 'priceLegend'), align };
  const { content } = ctx.geometry;
  // Laid out once; each page gets a copy moved to its foot.
  const line = textBox(ctx, [{ text: legendText(ctx.format.money, basis, ctx.lang) }], style, {
    x: content.x,
    y: 0,
    width: content.width,
    maxHeight: style.leading * 2,
  });
  const gap = mm(2);
  const showsPrice = (b: Box) => b.kind === 'text' && b.field === priceSlot.field && b.style === priceStyle;
  return {
    height: line.height + gap,
    draw: (page: StreamPage, top: number) => {
      if (!page.boxes.some(showsPrice)) return;
      // Its own lines: a later step (mirroring a left-hand page) may move a page's runs in place.
      const lines = line.lines.map((l) => ({ ...l, runs: l.runs.map((r) => ({ ...r })) }));
      const box: TextBox = { ...line, lines, y: top + gap };
      page.boxes.push(box);
    },
  };
}

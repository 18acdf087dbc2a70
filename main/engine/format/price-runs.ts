// The price a card, a list row or a tagged-text paragraph shows, as the template's `price.show`
// asks: before tax, after tax, or both (« 8,90 € HT · 10,68 € TTC »). The PDF and InDesign agree.
// Only prices the sheet has, or a price with VAT computed from a known rate, are shown; a price
// whose basis nobody stated carries no tax word, and a tax-included price is never called HT.
import type { CatalogItem, Lang, TextRun, Translated } from '../model.ts';
import { priceBasis, taxWord } from '../money/money-words.ts';
import { fieldRuns, PRICE_TTC, type FormatContext } from './field-text.ts';

export type PriceShow = 'ht' | 'ttc' | 'both';

/**
 * `fieldRuns`, except that the `price` field follows `show`. `stated`: the basis a legend on the page
 * already says (« Prix TTC »): a price of that basis drops its tax word, one of the other keeps it.
 */
export function slotRuns(
  item: CatalogItem,
  field: string,
  ctx: FormatContext,
  show: PriceShow,
  stated?: 'excl' | 'incl',
): TextRun[] | undefined {
  if (field !== 'price') return fieldRuns(item, field, ctx);
  const ht = fieldRuns(item, field, ctx);
  // Once per card or row: the price with VAT is computed only when the layout may print it.
  if (show === 'ht' && ht) return ht;
  const ttc = fieldRuns(item, PRICE_TTC, ctx);
  // A no-break space ties each tax word to its amount.
  const word = (basis: 'excl' | 'incl') => ({ text: `\u00a0${taxWord(ctx.money, basis, ctx.lang)}` });
  const htWord = priceBasis(ctx.money) === 'excl' && stated !== 'excl' ? [word('excl')] : [];
  const ttcWord = stated === 'incl' ? [] : [word('incl')];
  if (show === 'ttc' && ttc) return ttc;
  if (ht && ttc && show === 'both') return [...ht, ...htWord, { text: ' · ' }, ...ttc, word('incl')];
  // What the sheet has, said for what it is: the layout asked for the other price.
  if (ht) return [...ht, ...htWord];
  if (ttc) return [...ttc, ...ttcWord];
  return undefined;
}

/**
 * The template's words in the place of a product's missing price (« Prix sur demande »), or
 * undefined when the template gives none (the slot stays empty): never an amount.
 */
export function missingPriceRuns(missing: Translated | undefined, lang: Lang): TextRun[] | undefined {
  return missing ? [{ text: missing[lang] }] : undefined;
}

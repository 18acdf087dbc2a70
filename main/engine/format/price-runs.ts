// The price a card, a list row or a tagged-text paragraph shows, as the template's `price.show`
// asks: before tax, after tax, or both (« 8,90 € HT · 10,68 € TTC »). The PDF and InDesign agree.
import type { CatalogItem, TextRun } from '../model.ts';
import { fieldRuns, PRICE_TTC, type FormatContext } from './field-text.ts';

export type PriceShow = 'ht' | 'ttc' | 'both';

const TAX = { fr: { ht: 'HT', ttc: 'TTC' }, en: { ht: 'ex. VAT', ttc: 'inc. VAT' } };

/** `fieldRuns`, except that the `price` field follows `show`. */
export function slotRuns(
  item: CatalogItem,
  field: string,
  ctx: FormatContext,
  show: PriceShow,
): TextRun[] | undefined {
  if (field !== 'price' || show === 'ht') return fieldRuns(item, field, ctx);
  const ttc = fieldRuns(item, PRICE_TTC, ctx);
  if (show === 'ttc') return ttc;
  const ht = fieldRuns(item, field, ctx);
  if (!ht || !ttc) return ht ?? ttc;
  const words = TAX[ctx.lang];
  // A no-break space ties each tax word to its amount.
  return [...ht, { text: `\u00a0${words.ht} · ` }, ...ttc, { text: `\u00a0${words.ttc}` }];
}

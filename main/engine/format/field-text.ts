// What a catalog item's field reads as on the page, in the catalog's locale. Layout, tagged text
// and Data Merge all print through here, so a price looks the same in the PDF and in InDesign.
// Currency and VAT come from the catalog's money (money/decide-money.ts), never from a default.
import type { CatalogItem, FieldValue, Lang, TextRun } from '../model.ts';
import type { Money } from '../money/money.ts';
import { priceBasis } from '../money/money-words.ts';
import { vatRateOf } from '../money/vat-rate.ts';
import { formatPercent, formatPrice, numberFormat, sameSign, withVat } from './format-price.ts';
import { tieReference, typographyFor } from './typography.ts';

export type FormatContext = {
  locale: string;
  lang: Lang;
  /** Currency, tax basis and VAT of the catalog; `UNKNOWN_MONEY` prints plain amounts and no TTC. */
  money: Money;
};

/** The field that gives "price including VAT", from the sheet or computed from `price`. */
export const PRICE_TTC = 'priceTtc';

type PriceValue = FieldValue & { kind: 'price' };

/**
 * The price including VAT of an item: the sheet's own, else `price` taxed at the item's rate when
 * `price` is known to be before tax and a rate is known; else none — never a guess.
 */
export function priceTtcOf(item: CatalogItem, money: Money): PriceValue | undefined {
  const own = item.fields[PRICE_TTC];
  if (own?.kind === 'price') return own;
  const price = item.fields.price;
  if (price?.kind !== 'price') return undefined;
  if (priceBasis(money) !== 'excl') return undefined;
  const rate = vatRateOf(item, money.vat);
  if (rate === undefined) return undefined;
  return { ...price, value: withVat(price.value, rate) };
}

/** The cell's own currency when it differs visibly from the catalog's (a mixed sheet), else the catalog's. */
function currencyOf(value: PriceValue, ctx: FormatContext): string | undefined {
  const decided = ctx.money.currency.code;
  if (!value.currency || !decided) return decided ?? value.currency;
  return value.currency !== decided && !sameSign(value.currency, decided, ctx.locale)
    ? value.currency
    : decided;
}

export const priceText = (value: PriceValue, ctx: FormatContext): string =>
  formatPrice(value.value, currencyOf(value, ctx), ctx.locale);

// At module level rather than a closure made on every call: a price list asks for 500,000 cells, and
// under tsx (keepNames) each closure made is also named, which cost more than the formatting itself.
const plainRun = (typo: (text: string) => string, text: string): TextRun[] => [{ text: typo(text) }];

/** Runs of text (bold/italic kept from rich cells), or undefined when the item has no such value. */
export function fieldRuns(item: CatalogItem, field: string, ctx: FormatContext): TextRun[] | undefined {
  const typo = typographyFor(ctx.locale);
  const value = field === PRICE_TTC ? priceTtcOf(item, ctx.money) : item.fields[field];
  if (!value) return undefined;
  switch (value.kind) {
    case 'text':
      // A reference (« AB 123-45 ») is looked up as a whole: it never breaks across lines.
      return plainRun(typo, field === 'reference' ? tieReference(value.value) : value.value);
    case 'ean':
    case 'url':
      return plainRun(typo, value.value);
    case 'rich':
      return value.runs.map((r) => ({ ...r, text: typo(r.text) }));
    case 'price':
      return plainRun(typo, priceText(value, ctx));
    case 'percent':
      return plainRun(typo, formatPercent(value.value, ctx.locale));
    case 'number':
      return plainRun(typo, numberFormat(ctx.locale, { maximumFractionDigits: 6 }).format(value.value));
    case 'boolean':
      return plainRun(typo, ctx.lang === 'fr' ? (value.value ? 'Oui' : 'Non') : value.value ? 'Yes' : 'No');
    case 'date':
      return plainRun(
        typo,
        new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
          new Date(`${value.value.slice(0, 10)}T00:00:00Z`),
        ),
      );
    case 'image':
      return undefined;
  }
}

export const fieldText = (item: CatalogItem, field: string, ctx: FormatContext): string | undefined =>
  fieldRuns(item, field, ctx)
    ?.map((r) => r.text)
    .join('');

// What a catalog item's field reads as on the page, in the catalog's locale. Layout, tagged text
// and Data Merge all print through here, so a price looks the same in the PDF and in InDesign.
import type { CatalogItem, Lang, TextRun } from '../model.ts';
import { formatPercent, formatPrice, numberFormat, withVat, type Currency } from './format-price.ts';
import { typographyFor } from './typography.ts';

export type FormatContext = {
  locale: string;
  lang: Lang;
  currency: Currency;
  /** VAT rate when the item has none (0.2 = 20 %), for prices including VAT. */
  defaultVat: number;
};

/** The field that gives "price including VAT" when the sheet has no such column. */
export const PRICE_TTC = 'priceTtc';

function vatOf(item: CatalogItem, ctx: FormatContext): number {
  const vat = item.fields.vat;
  return vat?.kind === 'percent' ? vat.value : ctx.defaultVat;
}

/** Runs of text (bold/italic kept from rich cells), or undefined when the item has no such value. */
export function fieldRuns(item: CatalogItem, field: string, ctx: FormatContext): TextRun[] | undefined {
  const typo = typographyFor(ctx.locale);
  const plain = (text: string): TextRun[] => [{ text: typo(text) }];
  const value = item.fields[field];
  if (!value) {
    const price = item.fields.price;
    if (field === PRICE_TTC && price?.kind === 'price') {
      const currency = (price.currency as Currency | undefined) ?? ctx.currency;
      return plain(formatPrice(withVat(price.value, vatOf(item, ctx)), currency, ctx.locale));
    }
    return undefined;
  }
  switch (value.kind) {
    case 'text':
    case 'ean':
    case 'url':
      return plain(value.value);
    case 'rich':
      return value.runs.map((r) => ({ ...r, text: typo(r.text) }));
    case 'price':
      return plain(
        formatPrice(value.value, (value.currency as Currency | undefined) ?? ctx.currency, ctx.locale),
      );
    case 'percent':
      return plain(formatPercent(value.value, ctx.locale));
    case 'number':
      return plain(numberFormat(ctx.locale, { maximumFractionDigits: 6 }).format(value.value));
    case 'boolean':
      return plain(ctx.lang === 'fr' ? (value.value ? 'Oui' : 'Non') : value.value ? 'Yes' : 'No');
    case 'date':
      return plain(
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

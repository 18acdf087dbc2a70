// Prices and percentages the way the catalog's locale prints them: « 1 234,50 € » in French
// (narrow no-break space between thousands, no-break space before €), "£1,234.50" in English,
// « 12,50 zł », "₹1,200.00". A price whose currency nobody gave prints as a plain amount.

/** An ISO 4217 code: any currency Intl knows. */
export type Currency = string;

const cache = new Map<string, Intl.NumberFormat>();
/** Building an Intl formatter costs far more than using one: a catalog prints thousands of values. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/**
 * The amount in `currency`, with the sign the sheet shows (`$`, `kr`, `zł`: the narrow symbol, not
 * the locale's longer `US$`); cents the sheet has are kept even in a currency without them (a `¥`
 * read as yen may be yuan). Without a currency: the amount alone, two decimals.
 */
export function formatPrice(amount: number, currency: Currency | undefined, locale: string): string {
  const cents = Math.round(amount * 100) % 100 !== 0;
  const f = priceFormat(locale, currency);
  if (!cents || f.keepsCents) return f.usual.format(amount);
  return (f.cents ??= numberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  })).format(amount);
}

type PriceFormat = { usual: Intl.NumberFormat; keepsCents: boolean; cents?: Intl.NumberFormat };
const priceFormats = new Map<string, PriceFormat>();
// A price list formats hundreds of thousands of prices: the formatters are looked up by a short key,
// and `resolvedOptions()` (a new object each call, slower than formatting itself) is read once.
function priceFormat(locale: string, currency: Currency | undefined): PriceFormat {
  const key = `${locale}|${currency ?? ''}`;
  let f = priceFormats.get(key);
  if (f) return f;
  const usual = currency
    ? numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' })
    : numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  f = { usual, keepsCents: !currency || usual.resolvedOptions().maximumFractionDigits! >= 2 };
  priceFormats.set(key, f);
  return f;
}

/** Whether two currencies print the same sign here (USD and CAD both print `$`). */
export const sameSign = (a: Currency, b: Currency, locale: string): boolean =>
  formatPrice(0, a, locale) === formatPrice(0, b, locale);

export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}

/** Price including VAT, rounded to the cent the way a price list shows it. */
export const withVat = (amount: number, vat: number) => Math.round(amount * (1 + vat) * 100) / 100;

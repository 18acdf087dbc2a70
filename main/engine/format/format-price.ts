// Prices and percentages the way the catalog's locale prints them: « 1 234,50 € » in French
// (narrow no-break space between thousands, no-break space before €), "£1,234.50" in English.
export type Currency = 'EUR' | 'GBP' | 'USD' | 'CHF';

const cache = new Map<string, Intl.NumberFormat>();
/** Building an Intl formatter costs far more than using one: a catalog prints thousands of values. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

export function formatPrice(amount: number, currency: Currency, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency }).format(amount);
}

export function formatPercent(fraction: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(fraction);
}

/** Price including VAT, rounded to the cent the way a price list shows it. */
export const withVat = (amount: number, vat: number) => Math.round(amount * (1 + vat) * 100) / 100;

// The words and numbers of a printed price list, in the reader's language and locale: figure labels,
// "not available" words, the legend's sentences, dates of validity. Amounts are formatted from exact
// decimal strings, never from floats, so what prints is what pricing computed.
import type { Lang, Translated } from '../model.ts';
import { formatCents } from '../pricing/cents.ts';
import type { GridFigure, PricedGridCell, ResellerGrid } from './price-reseller-grid.ts';

export type TaxBasis = 'ht' | 'ttc';

/** The amount as the locale writes it, always with two decimals: `1 234,50`, `1,234.50`. */
export function amountText(cents: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // Node formats a decimal string exactly (Intl.NumberFormat v3): no float in the way.
  return format.format(formatCents(cents) as unknown as number);
}

export const quantityText = (quantity: number, locale: string) =>
  new Intl.NumberFormat(locale).format(quantity);

/** The currency's sign as the locale writes it (`€`, `CHF`, `£`); the code when the locale has none. */
export function currencySign(code: string, locale: string): string {
  try {
    const parts = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: code,
      currencyDisplay: 'narrowSymbol',
    }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code;
  } catch {
    return code;
  }
}

/**
 * A figure's column label. Without a tax basis the labels say only net or public: saying HT of
 * prices nobody said were HT would be inventing it.
 */
export function figureLabel(figure: GridFigure, basis: TaxBasis | undefined, lang: Lang): string {
  const [who, tax] = figure.split('-') as ['net' | 'public', 'ht' | 'ttc'];
  const whoWord = who === 'net' ? { fr: 'Net', en: 'Net' } : { fr: 'Public', en: 'Retail' };
  if (!basis) return whoWord[lang];
  const taxWord = tax === 'ht' ? { fr: 'HT', en: 'ex. VAT' } : { fr: 'TTC', en: 'inc. VAT' };
  return `${whoWord[lang]} ${taxWord[lang]}`;
}

/** What a cell with no price prints: « sur devis » for a price on request, else a dash. */
export function notAvailableText(
  cell: Extract<PricedGridCell, { kind: 'not-available' }>,
  lang: Lang,
): string {
  if (cell.why === 'on-request') return lang === 'fr' ? 'sur devis' : 'on request';
  return '–';
}

const percentText = (percent: string, locale: string) =>
  `${new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(percent as unknown as number)}${locale.startsWith('fr') ? '\u202f' : ''}%`;

/** « Niveau Or — remise 15 % », "Gold level — 15% discount", « coefficient 0,85 ». */
export function rateText(rate: ResellerGrid['families'][number]['rate'], locale: string, lang: Lang): string {
  const amount =
    rate.kind === 'discount'
      ? lang === 'fr'
        ? `remise ${percentText(rate.value, locale)}`
        : `${percentText(rate.value, locale)} discount`
      : `coefficient ${new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(rate.value as unknown as number)}`;
  return amount;
}

export function vatText(vat: string, locale: string, lang: Lang): string {
  return `${lang === 'fr' ? 'TVA' : 'VAT'} ${percentText(vat, locale)}`;
}

/** A date `YYYY-MM-DD` as the locale writes it in full: « 1 janvier 2027 », "1 January 2027". */
export function longDate(iso: string, locale: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export type Validity = { from?: string | undefined; until?: string | undefined; text?: string | undefined };

/** « Tarifs valables du 1 janvier 2027 au 31 mars 2027 »; undefined when the workbook gives no validity. */
export function validityText(validity: Validity | undefined, locale: string, lang: Lang): string | undefined {
  if (!validity) return undefined;
  const from = validity.from ? longDate(validity.from, locale) : undefined;
  const until = validity.until ? longDate(validity.until, locale) : undefined;
  const words: Translated | undefined =
    from && until
      ? { fr: `Tarifs valables du ${from} au ${until}`, en: `Prices valid from ${from} to ${until}` }
      : from
        ? { fr: `Tarifs valables à partir du ${from}`, en: `Prices valid from ${from}` }
        : until
          ? { fr: `Tarifs valables jusqu'au ${until}`, en: `Prices valid until ${until}` }
          : undefined;
  return words?.[lang] ?? validity.text;
}

/** The currency for the legend: « en € (EUR) », "in € (EUR)"; said plainly when the workbook names none. */
export function currencyWords(code: string | undefined, sign: string | undefined, lang: Lang): string {
  if (!code)
    return lang === 'fr' ? 'sans devise précisée par le classeur' : 'in no currency the workbook states';
  const shown = sign && sign !== code ? `${sign} (${code})` : code;
  return lang === 'fr' ? `en ${shown}` : `in ${shown}`;
}

export const WORDS = {
  quantity: { fr: 'Quantité (ex.)', en: 'Quantity' },
  amountsIn: (sign: string): Translated => ({ fr: `en ${sign}`, en: `in ${sign}` }),
  amounts: { fr: 'montants', en: 'amounts' },
  legend: { fr: 'Comment lire cette grille', en: 'How to read this grid' },
  terms: { fr: 'Conditions', en: 'Terms' },
  continued: { fr: '(suite)', en: '(continued)' },
  page: { fr: 'Page', en: 'Page' },
  minimumMark: '*',
} satisfies Record<string, Translated | string | ((s: string) => Translated)>;

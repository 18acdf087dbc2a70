// The words outputs use to say what their prices are: the tax word after a price (HT/TTC, or the
// sheet's own HTVA/TVAC), a price column's header with its currency (« Prix HT (PLN) »), and the
// legend line that states the currency and the VAT rate used (or that none was known).
import type { Lang, Translated } from '../model.ts';
import { foldForMatch } from '../values/normalize-text.ts';
import { currencyName } from './currencies.ts';
import type { Money, TaxBasis } from './money.ts';
import { readBasis } from './tax-basis.ts';
import { pct } from './vat-rate.ts';

const TAX: Record<Lang, { excl: string; incl: string }> = {
  fr: { excl: 'HT', incl: 'TTC' },
  en: { excl: 'ex. VAT', incl: 'inc. VAT' },
};

/** The basis of the catalog's `price` field (`unknown` when no column said it). */
export const priceBasis = (money: Money): TaxBasis =>
  money.columns.find((c) => c.field === 'price')?.basis.basis ?? 'unknown';

/** The tax word printed after a price; a Belgian sheet's own HTVA/TVAC in French. */
export function taxWord(money: Money, basis: 'excl' | 'incl', lang: Lang): string {
  if (lang === 'fr') {
    const headers = money.columns.map((c) => foldForMatch(c.header).split(' ')).flat();
    if (basis === 'incl' && headers.some((w) => w.endsWith('tvac'))) return 'TVAC';
    if (basis === 'excl' && headers.some((w) => w.endsWith('htva'))) return 'HTVA';
  }
  return TAX[lang][basis];
}

const GENERIC: Translated = { fr: 'Prix', en: 'Price' };

/** The name of the price with VAT where a template gives none (Data Merge, issues on `price`). */
export const PRICE_TTC_LABEL: Translated = { fr: 'Prix TTC', en: 'Price (incl. VAT)' };

/**
 * The header of a price column of a table: the template's words when they are true of the prices
 * (a « Prix HT » header over prices nobody said were before tax becomes « Prix »), then the currency.
 */
export function priceHeader(field: string, header: Translated, money: Money, lang: Lang): string {
  let words = header[lang];
  if (field === 'price') {
    const says = readBasis(words).basis;
    const is = priceBasis(money);
    if (says !== 'unknown' && says !== is) words = GENERIC[lang];
  }
  const code = money.currency.code;
  // Data Merge names drop commas and colons: the code stands in parentheses of its own.
  return code ? `${words} (${code})` : words;
}

/**
 * One line that says what the prices are: « Devise : złoty polonais (PLN) ; prix hors taxes. TVA :
 * aucun taux connu, aucun prix avec TVA calculé. » `ttcShown`: whether the output prints prices
 * including VAT. A sheet that has none never reads "TTC" in its legend: the word is not printed.
 */
export function moneyLegend(money: Money, lang: Lang, ttcShown: boolean): string {
  const fr = lang === 'fr';
  const code = money.currency.code;
  const currency = code
    ? fr
      ? `Devise : ${currencyName(code, 'fr')} (${code})`
      : `Currency: ${currencyName(code, 'en')} (${code})`
    : fr
      ? 'Devise : non précisée par la feuille, montants sans devise'
      : 'Currency: not stated by the sheet, amounts without a currency';
  const basis = priceBasis(money);
  const onlyIncl = !money.columns.some((c) => c.field === 'price') && money.columns.length > 0;
  const basisWords = onlyIncl
    ? fr
      ? ' ; prix TVA comprise'
      : '; prices including VAT'
    : basis === 'excl'
      ? fr
        ? ' ; prix hors taxes'
        : '; prices before tax'
      : basis === 'incl'
        ? fr
          ? ' ; prix TVA comprise'
          : '; prices including VAT'
        : fr
          ? ' ; prix avant ou après TVA : non précisé'
          : '; prices before or after tax: not stated';
  const vat = money.vat;
  let vatWords: string;
  if (vat.source === 'column' && vat.column)
    vatWords = fr
      ? `TVA : colonne « ${vat.column.header} »${vat.rate !== undefined ? `, sinon ${pct(vat.rate, lang)}` : ''}`
      : `VAT: column "${vat.column.header}"${vat.rate !== undefined ? `, otherwise ${pct(vat.rate, lang)}` : ''}`;
  else if (vat.source === 'setting') {
    const parts = [
      ...Object.entries(vat.byGroup ?? {}).map(([g, r]) => `${g} ${pct(r, lang)}`),
      ...(vat.rate !== undefined ? [pct(vat.rate, lang)] : []),
    ].join(', ');
    vatWords = fr ? `TVA : ${parts} (taux donné)` : `VAT: ${parts} (rate given)`;
  } else if (vat.source === 'title' && vat.rate !== undefined)
    vatWords = fr
      ? `TVA : ${pct(vat.rate, lang)} (indiqué en tête de la feuille)`
      : `VAT: ${pct(vat.rate, lang)} (stated at the top of the sheet)`;
  else
    vatWords = fr
      ? `TVA : aucun taux connu${onlyIncl ? '' : ', aucun prix avec TVA calculé'}`
      : `VAT: no rate known${onlyIncl ? '' : ', no prices including VAT'}`;
  if (vat.source !== 'none' && !ttcShown && !onlyIncl)
    vatWords += fr ? ' — prix avec TVA non calculés' : ' — prices including VAT not computed';
  return `${currency}${basisWords}. ${vatWords}.`;
}

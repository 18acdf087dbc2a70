// Currencies as price lists write them: ISO 4217 codes (any code Intl knows) and the common signs
// (€ $ £ ¥ ₹ ₫ zł Kč Ft kr CHF Fr.). Some signs mean several currencies — `$` is US, Canadian,
// Australian… dollars, `kr` Swedish, Danish or Norwegian crowns — so a sign carries the reading we
// take and whether another reading was possible: the caller must say it is a reading, not a fact.
import type { DecimalSeparator } from '../values/parse-number.ts';

export type CurrencyMark = {
  /** ISO 4217 code. */
  code: string;
  /** Other currencies the same sign stands for; empty when the sign is unambiguous. */
  alternatives: readonly string[];
};

const DOLLARS = ['CAD', 'AUD', 'NZD', 'HKD', 'SGD', 'MXN'];

/** Signs and words, matched case-insensitively except where the case tells them apart. */
const SIGNS: Readonly<Record<string, CurrencyMark>> = {
  '€': { code: 'EUR', alternatives: [] },
  euro: { code: 'EUR', alternatives: [] },
  euros: { code: 'EUR', alternatives: [] },
  // The four codes price lists have long written in lower case too (`12 eur`).
  eur: { code: 'EUR', alternatives: [] },
  usd: { code: 'USD', alternatives: [] },
  gbp: { code: 'GBP', alternatives: [] },
  chf: { code: 'CHF', alternatives: [] },
  $: { code: 'USD', alternatives: DOLLARS },
  us$: { code: 'USD', alternatives: [] },
  c$: { code: 'CAD', alternatives: [] },
  ca$: { code: 'CAD', alternatives: [] },
  a$: { code: 'AUD', alternatives: [] },
  au$: { code: 'AUD', alternatives: [] },
  nz$: { code: 'NZD', alternatives: [] },
  hk$: { code: 'HKD', alternatives: [] },
  s$: { code: 'SGD', alternatives: [] },
  r$: { code: 'BRL', alternatives: [] },
  '£': { code: 'GBP', alternatives: [] },
  '¥': { code: 'JPY', alternatives: ['CNY'] },
  円: { code: 'JPY', alternatives: [] },
  元: { code: 'CNY', alternatives: [] },
  '₹': { code: 'INR', alternatives: [] },
  '₫': { code: 'VND', alternatives: [] },
  đ: { code: 'VND', alternatives: [] },
  vnđ: { code: 'VND', alternatives: [] },
  zł: { code: 'PLN', alternatives: [] },
  kč: { code: 'CZK', alternatives: [] },
  ft: { code: 'HUF', alternatives: [] },
  kr: { code: 'SEK', alternatives: ['DKK', 'NOK', 'ISK'] },
  'kr.': { code: 'DKK', alternatives: ['SEK', 'NOK', 'ISK'] },
  'fr.': { code: 'CHF', alternatives: [] },
  dh: { code: 'MAD', alternatives: [] },
  dhs: { code: 'MAD', alternatives: [] },
  fcfa: { code: 'XOF', alternatives: ['XAF'] },
  '₩': { code: 'KRW', alternatives: [] },
  '₺': { code: 'TRY', alternatives: [] },
  '₽': { code: 'RUB', alternatives: [] },
  '₴': { code: 'UAH', alternatives: [] },
  '₪': { code: 'ILS', alternatives: [] },
  '฿': { code: 'THB', alternatives: [] },
  lei: { code: 'RON', alternatives: [] },
};

// Codes that are also common words written in capitals ("ALL", "TOP"): read as a currency only
// when nothing else could be meant, i.e. never from a header or a value.
const WORD_CODES = new Set(['ALL', 'TOP', 'CUP', 'GEL', 'MOP', 'BAM', 'PEN', 'SOS', 'BOB']);

let known: Set<string> | undefined;
/** Every ISO 4217 code this Node's Intl can format. */
export function isCurrencyCode(code: string): boolean {
  known ??= new Set(Intl.supportedValuesOf('currency'));
  return known.has(code.toUpperCase());
}

/** A sign, a word or an ISO code standing alone, as the mark of a currency; undefined otherwise. */
export function markOf(token: string, { codesInCapitalsOnly = true } = {}): CurrencyMark | undefined {
  const sign = SIGNS[token.toLowerCase()];
  if (sign) return sign;
  if (/^[A-Za-z]{3}$/.test(token)) {
    const upper = token.toUpperCase();
    if (codesInCapitalsOnly && token !== upper) return undefined;
    if (!WORD_CODES.has(upper) && isCurrencyCode(upper)) return { code: upper, alternatives: [] };
  }
  return undefined;
}

/** The regular-expression source that finds any mark of `SIGNS` or a three-letter code. */
export const MARK_PATTERN = (() => {
  const signs = Object.keys(SIGNS)
    .sort((a, b) => b.length - a.length)
    .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return String.raw`(?:${signs.join('|')}|[A-Za-z]{3})`;
})();

// The writer's habits: `12,50 zł`, `150.000 ₫` (a point groups thousands), `$1,234.50`, `CHF 1'234.50`.
const POINT = new Set([
  'USD',
  'GBP',
  'CHF',
  'INR',
  'JPY',
  'CNY',
  'CAD',
  'AUD',
  'NZD',
  'HKD',
  'SGD',
  'MXN',
  'KRW',
  'THB',
  'ILS',
]);
const COMMA = new Set([
  'EUR',
  'PLN',
  'VND',
  'CZK',
  'HUF',
  'SEK',
  'DKK',
  'NOK',
  'ISK',
  'MAD',
  'XOF',
  'XAF',
  'BRL',
  'TRY',
  'RUB',
  'UAH',
  'RON',
]);

/** The decimal separator people who price in `code` use, when their habit is clear. */
export function decimalOf(code: string): DecimalSeparator | undefined {
  if (POINT.has(code)) return '.';
  if (COMMA.has(code)) return ',';
  return undefined;
}

/** The currency's name in the reader's language: « złoty polonais », "Polish Zloty". */
export function currencyName(code: string, lang: 'fr' | 'en'): string {
  try {
    return new Intl.DisplayNames(lang, { type: 'currency' }).of(code) ?? code;
  } catch {
    return code;
  }
}

// Prices as typed in price lists: a number with a currency mark before or after it and perhaps a
// tax marker (`HT`, `TTC`). Words such as `sur devis` or `gratuit` are not a price of 0.
import { normalizeSpaces } from './normalize-text.ts';
import { parseNumber } from './parse-number.ts';
import type { DecimalSeparator, NumberOptions } from './parse-number.ts';
import { fail, ok } from './parse-result.ts';
import type { Parsed } from './parse-result.ts';

export type Currency = 'EUR' | 'USD' | 'GBP' | 'CHF';
export type Price = { amount: number; currency?: Currency };

const CURRENCY_OF: Record<string, Currency> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  $: 'USD',
  usd: 'USD',
  '£': 'GBP',
  gbp: 'GBP',
  chf: 'CHF',
};

// The currency tells the writer's habits: `12,50 €` is French, `$1,234` and `CHF 1'234.50` use a point.
const DECIMAL_OF: Record<Currency, DecimalSeparator> = { EUR: ',', USD: '.', GBP: '.', CHF: '.' };

// Codes must stand alone so that `12 EURO` matches but a word merely containing `eur` does not.
const CURRENCY = String.raw`€|\$|£|(?<![a-z])(?:euros?|eur|usd|gbp|chf)(?![a-z])`;
// A sign or an accounting parenthesis may come before the currency: `-€12.50`, `(€12.50)`.
const LEADING = new RegExp(String.raw`^([-+\u2212(]?)\s*(${CURRENCY})\s*`, 'i');
const TRAILING = new RegExp(String.raw`\s*(${CURRENCY})\s*(\)?)$`, 'i');
const TAX = /\s*(?<![a-z])(?:h\.?\s?t|t\.?\s?t\.?\s?c)\.?$/i;

export function parsePrice(text: string, opts: NumberOptions = {}): Parsed<Price> {
  const s = normalizeSpaces(text);
  if (s === '') return fail('empty');
  const split = splitCurrency(s.replace(TAX, ''));
  if (split === undefined) return fail('not-a-price');
  const { amountText, currency } = split;
  const decimal = opts.decimal ?? (currency === undefined ? undefined : DECIMAL_OF[currency]);
  const amount = parseNumber(amountText, decimal === undefined ? {} : { decimal });
  if (!amount.ok) return fail(amount.reason === 'ambiguous' ? 'ambiguous' : 'not-a-price');
  return ok(currency === undefined ? { amount: amount.value } : { amount: amount.value, currency });
}

/** Takes the currency mark off either end; two marks (`€12 $`) are refused rather than guessed. */
function splitCurrency(s: string): { amountText: string; currency: Currency | undefined } | undefined {
  const found: Currency[] = [];
  let amountText = s;
  const leading = LEADING.exec(amountText);
  if (leading) {
    found.push(currencyOf(leading[2]));
    amountText = (leading[1] ?? '') + amountText.slice(leading[0].length);
  }
  const trailing = TRAILING.exec(amountText);
  if (trailing) {
    found.push(currencyOf(trailing[1]));
    amountText = amountText.slice(0, trailing.index) + (trailing[2] ?? '');
  }
  return found.length > 1 ? undefined : { amountText, currency: found[0] };
}

function currencyOf(mark: string | undefined): Currency {
  const currency = CURRENCY_OF[(mark ?? '').toLowerCase()];
  if (currency === undefined) throw new Error(`Unknown currency mark: ${mark}`);
  return currency;
}

// Prices as typed in price lists: a number with a currency mark before or after it and perhaps a
// tax marker (`HT`, `TTC`). Words such as `sur devis` or `gratuit` are not a price of 0.
import { normalizeSpaces } from './normalize-text.ts';
import { parseNumber } from './parse-number.ts';
import type { NumberOptions } from './parse-number.ts';
import { fail, ok } from './parse-result.ts';
import { decimalOf, markOf, MARK_PATTERN } from '../money/currencies.ts';
import type { Parsed } from './parse-result.ts';

/** An ISO 4217 code (`EUR`, `PLN`, `VND`…). */
export type Currency = string;
export type Price = { amount: number; currency?: Currency };

// A mark stands apart from words: `12 ft` is forints, `12 draft` is not a price.
// A sign or an accounting parenthesis may come before the currency: `-€12.50`, `(€12.50)`.
const LEADING = new RegExp(String.raw`^([-+\u2212(]?)\s*(${MARK_PATTERN})(?![\p{L}])\s*`, 'iu');
const TRAILING = new RegExp(String.raw`(?<![\p{L}])\s*(${MARK_PATTERN})\s*(\)?)$`, 'iu');
// Tax words after the amount (`12,50 € HT`, `12,50 € TVAC`) say the basis, not the amount.
const TAX = /\s*(?<![a-z])(?:h\.?\s?t|t\.?\s?t\.?\s?c|htva|tvac)\.?$/i;

export function parsePrice(text: string, opts: NumberOptions = {}): Parsed<Price> {
  const s = normalizeSpaces(text);
  if (s === '') return fail('empty');
  const split = splitCurrency(s.replace(TAX, ''));
  if (split === undefined) return fail('not-a-price');
  const { amountText, currency } = split;
  const decimal = opts.decimal ?? (currency === undefined ? undefined : decimalOf(currency));
  const amount = parseNumber(amountText, decimal === undefined ? {} : { decimal });
  if (!amount.ok) return fail(amount.reason === 'ambiguous' ? 'ambiguous' : 'not-a-price');
  return ok(currency === undefined ? { amount: amount.value } : { amount: amount.value, currency });
}

/** The currency mark as written at either end of a price (`zł`, `$`, `VND`), if there is one. */
export function priceMark(text: string): string | undefined {
  const s = normalizeSpaces(text).replace(TAX, '');
  const leading = LEADING.exec(s);
  if (leading && markOf(leading[2]!)) return leading[2];
  const trailing = TRAILING.exec(s);
  if (trailing && markOf(trailing[1]!)) return trailing[1];
  return undefined;
}

/** Takes the currency mark off either end; two marks (`€12 $`) are refused rather than guessed. */
function splitCurrency(s: string): { amountText: string; currency: Currency | undefined } | undefined {
  const found: Currency[] = [];
  let amountText = s;
  const leading = LEADING.exec(amountText);
  const leadingMark = leading ? markOf(leading[2]!) : undefined;
  if (leading && leadingMark) {
    found.push(leadingMark.code);
    amountText = (leading[1] ?? '') + amountText.slice(leading[0].length);
  }
  const trailing = TRAILING.exec(amountText);
  const trailingMark = trailing ? markOf(trailing[1]!) : undefined;
  if (trailing && trailingMark) {
    found.push(trailingMark.code);
    amountText = amountText.slice(0, trailing.index) + (trailing[2] ?? '');
  }
  return found.length > 1 ? undefined : { amountText, currency: found[0] };
}

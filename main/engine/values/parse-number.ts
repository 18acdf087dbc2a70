// Numbers as people type them in French and English spreadsheets. When the text alone cannot say
// whether `1,234` is 1234 or 1.234 the answer is 'ambiguous', never a guess: a wrong guess is a price
// off by a factor of a thousand that still looks plausible.
import { fail, ok } from './parse-result.ts';
import type { Parsed } from './parse-result.ts';

export type DecimalSeparator = ',' | '.';
export type NumberOptions = {
  /** The decimal separator of the file's locale; it settles `1,234` / `1.234`, and nothing else. */
  decimal?: DecimalSeparator;
};

// Ordinary, no-break, narrow no-break (French Excel), thin and figure spaces all group thousands.
const SPACES = ' \u00A0\u202F\u2009\u2007';
// Swiss prices group thousands with an apostrophe: CHF 1'234.50.
const APOSTROPHES = "'\u2019";

const SCIENTIFIC = /^(\d*)(?:[.,](\d+))?e([+-]?\d+)$/i;

export function parseNumber(text: string, opts: NumberOptions = {}): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  const signed = splitSign(trimmed);
  if (signed === undefined) return fail('not-a-number');
  const magnitude = readMagnitude(signed.body, opts.decimal);
  if (!magnitude.ok) return magnitude;
  const value = signed.negative ? -magnitude.value : magnitude.value;
  // -0 would print as "-0" downstream.
  return ok(value === 0 ? 0 : value);
}

/** Accounting parentheses `(12.50)`, a leading `+`, `-` or `−` (U+2212): one sign at most. */
function splitSign(text: string): { negative: boolean; body: string } | undefined {
  const parenthesized = /^\((.*)\)$/s.exec(text);
  const body = parenthesized ? (parenthesized[1] ?? '').trim() : text;
  const sign = /^([+\-\u2212])\s*/.exec(body);
  if (sign === null) return { negative: parenthesized !== null, body };
  if (parenthesized) return undefined;
  return { negative: sign[1] !== '+', body: body.slice(sign[0].length) };
}

function readMagnitude(body: string, decimal: DecimalSeparator | undefined): Parsed<number> {
  const scientific = SCIENTIFIC.exec(body);
  if (scientific) {
    const [, integer = '', fraction = '', exponent = ''] = scientific;
    if (integer === '' && fraction === '') return fail('not-a-number');
    const value = Number(`${integer || '0'}.${fraction || '0'}e${exponent}`);
    return Number.isFinite(value) ? ok(value) : fail('not-a-number');
  }
  // Read the text every way it could be written; the grouping rules rule out all but one reading,
  // except for a lone separator followed by exactly three digits.
  const asInteger = readAs(body, undefined);
  const asDecimal = (['.', ','] as const)
    .map((separator) => ({ separator, value: readAs(body, separator) }))
    .find((reading) => reading.value !== undefined);
  if (asDecimal?.value === undefined) return asInteger === undefined ? fail('not-a-number') : ok(asInteger);
  if (asInteger === undefined) return ok(asDecimal.value);
  if (decimal === undefined) return fail('ambiguous');
  return ok(decimal === asDecimal.separator ? asDecimal.value : asInteger);
}

/** The value of `body` if it is a well-formed number with `decimal` as its decimal separator. */
function readAs(body: string, decimal: DecimalSeparator | undefined): number | undefined {
  let integer = body;
  let fraction = '';
  if (decimal !== undefined) {
    const at = body.indexOf(decimal);
    if (at < 0 || body.indexOf(decimal, at + 1) >= 0) return undefined;
    integer = body.slice(0, at);
    fraction = body.slice(at + 1);
    if (!/^\d+$/.test(fraction)) return undefined;
  }
  // `,5` is 0.5; a bare separator is nothing.
  const digits = integer === '' && fraction !== '' ? '0' : ungroup(integer);
  if (digits === undefined) return undefined;
  const value = Number(fraction === '' ? digits : `${digits}.${fraction}`);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The digits of an integer part written with thousands separators, provided it is grouped the way
 * people group: one kind of separator, 1–3 digits then groups of exactly 3. That rule is what tells
 * `1 234` (a number) from `12 50` (two numbers) and `1,234,5` (a typo).
 */
function ungroup(integer: string): string | undefined {
  if (/^\d+$/.test(integer)) return integer;
  const kinds = new Set([...integer.replace(/\d/g, '')].map(separatorKind));
  if (kinds.size !== 1 || kinds.has(undefined)) return undefined;
  const [first = '', ...rest] = integer.split(/\D/);
  if (!/^[1-9]\d{0,2}$/.test(first) || !rest.every((group) => /^\d{3}$/.test(group))) return undefined;
  return first + rest.join('');
}

function separatorKind(char: string): string | undefined {
  if (SPACES.includes(char)) return 'space';
  if (APOSTROPHES.includes(char)) return 'apostrophe';
  if (char === '.' || char === ',') return char;
  return undefined;
}

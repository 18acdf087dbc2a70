// Money is integer cents and rates are exact fractions: a price grid multiplies thousands of cells by
// coefficients like 0.85 and a float product (0.1 + 0.2 = 0.30000000000000004) would tip a value over
// a rounding step now and then. Every product is kept exact (a BigInt fraction) until the one explicit
// rounding the rule asks for.
import { CatalogError } from '../errors.ts';

/** An exact non-negative fraction `num / den` (den > 0). Amounts in it are in cents. */
export type Ratio = { readonly num: bigint; readonly den: bigint };

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function ratio(num: bigint, den: bigint = 1n): Ratio {
  if (den === 0n) throw new RangeError('ratio: zero denominator');
  const sign = den < 0n ? -1n : 1n;
  const g = gcd(num, den) || 1n;
  return { num: (sign * num) / g, den: (sign * den) / g };
}

export const multiply = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);
export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const divide = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den, a.den * b.num);
export const compare = (a: Ratio, b: Ratio): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};

/** Largest integer ≤ r. */
export const floorRatio = (r: Ratio): bigint => {
  const q = r.num / r.den;
  return r.num < 0n && q * r.den !== r.num ? q - 1n : q;
};
/** Smallest integer ≥ r. */
export const ceilRatio = (r: Ratio): bigint => -floorRatio(ratio(-r.num, r.den));
/** Nearest integer, a tie (x.5) going up (toward +∞): the "round half up" of tax and price rules. */
export const roundHalfUp = (r: Ratio): bigint => floorRatio(add(r, ratio(1n, 2n)));

const DECIMAL = /^([+-]?)(\d+)(?:[.,](\d*))?$|^([+-]?)[.,](\d+)$/;

/**
 * The exact value of a decimal written as text (`12.34`, `12,34`, `0.055`, `-3`, `,5`), or of a
 * number taken at its shortest decimal form (what a spreadsheet shows at full precision: 0.85 is
 * 85/100, never 0.84999999999999997779…). Undefined for anything else (thousands separators,
 * exponents, NaN, text).
 */
export function parseDecimal(value: string | number): Ratio | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    text = expandExponent(String(value));
  } else text = value.trim();
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const sign = (m[1] ?? m[4]) === '-' ? -1n : 1n;
  const whole = m[2] ?? '0';
  const fraction = m[3] ?? m[5] ?? '';
  return ratio(sign * BigInt(whole + fraction), 10n ** BigInt(fraction.length));
}

/** `1e-7` → `0.0000001`, `1.5e+21` → `1500000000000000000000`: String(number) uses exponents at the ends. */
function expandExponent(text: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign, whole, fraction = '', exp] = m;
  const digits = whole! + fraction;
  const point = whole!.length + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export type CentsResult = { ok: true; cents: number } | { ok: false; error: CatalogError };

/**
 * An amount in currency units (`12.5`, `"12,50"`, `1234`) as integer cents, exactly. More than two
 * decimals is refused rather than rounded: a price grid cell that says 12.345 is a question for
 * its author, not something to settle silently.
 */
export function parseCents(value: string | number): CentsResult {
  const exact = parseDecimal(value);
  const shown = String(value);
  if (!exact)
    return {
      ok: false,
      error: new CatalogError('PRICING_NOT_AN_AMOUNT', {
        fr: `« ${shown} » n'est pas un montant`,
        en: `"${shown}" is not an amount`,
      }),
    };
  const cents = multiply(exact, ratio(100n));
  if (cents.den !== 1n)
    return {
      ok: false,
      error: new CatalogError('PRICING_SUB_CENT', {
        fr: `« ${shown} » a plus de deux décimales : un prix s'écrit au centime près`,
        en: `"${shown}" has more than two decimals: a price is written to the cent`,
      }),
    };
  return { ok: true, cents: toSafeCents(cents.num) };
}

/** A BigInt amount of cents back to a plain number, refusing what a number cannot hold exactly. */
export function toSafeCents(cents: bigint): number {
  if (cents > BigInt(Number.MAX_SAFE_INTEGER) || cents < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new CatalogError('PRICING_TOO_LARGE', {
      fr: `montant trop grand pour être calculé exactement (${cents} centimes)`,
      en: `amount too large to compute exactly (${cents} cents)`,
    });
  return Number(cents);
}

/** `1234` → `12.34`, `-5` → `-0.05`; `decimal` is the separator (`,` in French). No grouping, no sign. */
export function formatCents(cents: number | bigint, decimal: '.' | ',' = '.'): string {
  const big = BigInt(cents);
  const abs = big < 0n ? -big : big;
  const units = abs / 100n;
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${big < 0n ? '-' : ''}${units}${decimal}${rest}`;
}

/** An exact fraction as the shortest decimal text when it has one (`17/20` → `0.85`), else `num/den`. */
export function formatRatio(r: Ratio, decimal: '.' | ',' = '.'): string {
  let den = r.den;
  let places = 0;
  for (const p of [2n, 5n]) while (den % p === 0n) den /= p;
  if (den !== 1n) return `${r.num}/${r.den}`;
  while (10n ** BigInt(places) % r.den !== 0n) places++;
  const scaled = (r.num * 10n ** BigInt(places)) / r.den;
  const abs = scaled < 0n ? -scaled : scaled;
  const digits = abs.toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}${decimal}${digits.slice(-places)}`;
  return `${scaled < 0n ? '-' : ''}${text}`;
}

/** A rate in basis points (1 bp = 0.01 %; 1550 → 0.155) or in millionths (850000 → 0.85), exactly. */
export const rateFromBasisPoints = (bp: number | bigint): Ratio => ratio(BigInt(bp), 10_000n);
export const rateFromMillionths = (ppm: number | bigint): Ratio => ratio(BigInt(ppm), 1_000_000n);
/** A percent written as text or number (`5.5`, `"5,5"`, `20`) as a fraction (11/200), exactly. */
export function rateFromPercent(percent: string | number): Ratio | undefined {
  const exact = parseDecimal(percent);
  return exact && ratio(exact.num, exact.den * 100n);
}

/** cents × rate, exact: the value before any rounding. */
export const multiplyCents = (cents: number | bigint, rate: Ratio): Ratio =>
  multiply(ratio(BigInt(cents)), rate);

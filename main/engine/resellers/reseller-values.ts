// Exact decimals and locales for the reseller list. Rates are kept as decimal strings: a cell's
// float is cleaned of binary noise (a formula's =1-0.85 caches 0.15000000000000002) and never
// scaled by float arithmetic, so 12,5 % stays '12.5' and not '12.500000000000002'.
import { foldForMatch } from '../values/normalize-text.ts';

/** A finite non-negative number as a plain decimal string, without exponent or float noise. */
export function decimalOf(n: number): string {
  const clean = Number(Math.abs(n).toPrecision(15));
  const text = String(clean);
  const exp = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!exp) return text;
  const [, int = '', frac = '', power = '0'] = exp;
  return shiftDecimal(frac ? `${int}.${frac}` : int, Number(power));
}

/** `s` × 10^places, exactly, by moving the point: shiftDecimal('0.125', 2) = '12.5'. */
export function shiftDecimal(s: string, places: number): string {
  const [int = '', frac = ''] = s.split('.');
  let digits = int + frac;
  let point = int.length + places;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits += '0'.repeat(point - digits.length);
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const fraction = digits.slice(point).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

const SCALE = 30;
/** A decimal string as an integer of 10^-SCALE units, for exact comparison. */
export function scaled(s: string): bigint {
  const [int = '0', frac = ''] = s.split('.');
  return BigInt(int + frac.padEnd(SCALE, '0').slice(0, SCALE));
}

/** Whether a coefficient and a discount say the same thing: coefficient = 1 − percent / 100. */
export function sameRate(coefficient: string, percent: string): boolean {
  return scaled(shiftDecimal(coefficient, 2)) === scaled('100') - scaled(percent);
}

// Languages the outputs can be written in, with their usual region when none is given.
const LANGUAGES: Record<string, { region: string; names: string[] }> = {
  fr: { region: 'FR', names: ['francais', 'french', 'fr', 'fra', 'fre'] },
  en: { region: 'GB', names: ['anglais', 'english', 'en', 'eng', 'ang'] },
};

/**
 * `fr`, `FR`, `français`, `French`, `fr_be`, `en-us` → `fr-FR`, `fr-FR`, `fr-FR`, `fr-FR`, `fr-BE`,
 * `en-US`; anything else (another language, a typo) → undefined: a list is never printed in a
 * language nobody chose.
 */
export function normalizeLocale(text: string): string | undefined {
  // foldForMatch turns `-` and `_` into a space: `fr_be`, `fr-BE` and `fr be` all read `fr be`.
  const folded = foldForMatch(text);
  const tag = /^([a-z]{2}) ([a-z]{2})$/.exec(folded);
  if (tag) {
    const [, lang = '', region = ''] = tag;
    return lang in LANGUAGES ? `${lang}-${region.toUpperCase()}` : undefined;
  }
  for (const [lang, { region, names }] of Object.entries(LANGUAGES))
    if (names.includes(folded)) return `${lang}-${region}`;
  return undefined;
}

// Deliberately loose: one @, something on each side, a dot in the domain, no spaces. Stricter
// patterns reject real addresses; the mail server is the final judge.
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
export const isEmail = (s: string) => EMAIL.test(s);

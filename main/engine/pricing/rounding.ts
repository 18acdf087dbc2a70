// How a computed price becomes a printed one. The rule is always stated in the output (legend), so a
// reseller can redo any cell by hand: exact product first, then this one rounding.
import { z } from 'zod';
import { CatalogError } from '../errors.ts';
import type { Translated } from '../model.ts';
import { ceilRatio, compare, ratio, roundHalfUp, toSafeCents, type Ratio } from './cents.ts';

/**
 * `step`: a multiple of 1, 5 or 10 cents (0.01, 0.05, 0.10 of the currency), or a "psychological"
 * price ending in .90 / .99. `mode`: `up` = never below the exact value; `nearest` = closest
 * candidate, a tie (exactly halfway) going UP.
 */
export const RoundingRule = z.object({
  step: z.union([
    z.literal(1),
    z.literal(5),
    z.literal(10),
    z.literal('psychological-90'),
    z.literal('psychological-99'),
  ]),
  mode: z.enum(['up', 'nearest']),
});
export type RoundingRule = z.infer<typeof RoundingRule>;
export type RoundingStep = RoundingRule['step'];

const asRatio = (exact: Ratio | number | bigint): Ratio =>
  typeof exact === 'object' ? exact : ratio(BigInt(exact));

/**
 * The rounded price in cents of an exact non-negative amount of cents. Zero stays zero under every
 * rule, psychological ones included: rounding never turns a free item into a charged one.
 * Psychological: candidates are X.90 (or X.99) with X ≥ 0; `up` takes the smallest ≥ the value,
 * `nearest` the closest (9.91 → 10.90 up, 9.90 nearest; a tie goes up).
 */
export function roundCents(exact: Ratio | number | bigint, rule: RoundingRule): number {
  const value = asRatio(exact);
  if (value.num < 0n)
    throw new CatalogError('PRICING_NEGATIVE', {
      fr: 'un prix négatif ne peut pas être arrondi',
      en: 'a negative price cannot be rounded',
    });
  if (value.num === 0n) return 0;
  if (typeof rule.step === 'number') {
    const step = BigInt(rule.step);
    const units = ratio(value.num, value.den * step);
    return toSafeCents((rule.mode === 'up' ? ceilRatio(units) : roundHalfUp(units)) * step);
  }
  const ending = rule.step === 'psychological-90' ? 90n : 99n;
  // Candidates are 100·k + ending; k = ⌈(v − ending) / 100⌉ gives the smallest one ≥ v.
  const k = ceilRatio(ratio(value.num - ending * value.den, value.den * 100n));
  const above = (k < 0n ? 0n : k) * 100n + ending;
  if (rule.mode === 'up' || above === ending) return toSafeCents(above);
  const below = above - 100n;
  // Compare v − below with above − v: 2v vs below + above; a tie goes up.
  const twice = ratio(2n * value.num, value.den);
  return toSafeCents(compare(twice, ratio(below + above)) >= 0 ? above : below);
}

/** Cents with no rounding rule but the cent itself: tax amounts (TTC = round-half-up(HT × (1 + rate))). */
export const roundToCent = (exact: Ratio): number => toSafeCents(roundHalfUp(exact));

function stepWords(step: 1 | 5 | 10, lang: 'fr' | 'en', unit?: string): string {
  const amount = lang === 'fr' ? `0,${String(step).padStart(2, '0')}` : `0.${String(step).padStart(2, '0')}`;
  if (!unit) return amount;
  return lang === 'fr' ? `${amount} ${unit}` : unit.length === 1 ? `${unit}${amount}` : `${unit} ${amount}`;
}

/**
 * The rule in words for the legend. Currency-neutral unless `unit` (the sign the data gave: `€`,
 * `CHF`) is passed: « arrondi au 0,05 € supérieur » / "rounded up to the next €0.05".
 */
export function describeRounding(rule: RoundingRule, unit?: string): Translated {
  if (typeof rule.step === 'number') {
    if (rule.step === 1)
      return rule.mode === 'up'
        ? { fr: 'arrondi au centime supérieur', en: 'rounded up to the next cent' }
        : {
            fr: 'arrondi au centime le plus proche (demi-centime vers le haut)',
            en: 'rounded to the nearest cent (half a cent up)',
          };
    const fr = stepWords(rule.step, 'fr', unit);
    const en = stepWords(rule.step, 'en', unit);
    return rule.mode === 'up'
      ? { fr: `arrondi au ${fr} supérieur`, en: `rounded up to the next ${en}` }
      : {
          fr: `arrondi au ${fr} le plus proche (à mi-chemin : vers le haut)`,
          en: `rounded to the nearest ${en} (halfway: up)`,
        };
  }
  const end = rule.step === 'psychological-90' ? '90' : '99';
  return rule.mode === 'up'
    ? {
        fr: `prix psychologiques en ,${end} (au-dessus)`,
        en: `psychological prices ending in .${end} (rounded up)`,
      }
    : {
        fr: `prix psychologiques en ,${end} (au plus proche)`,
        en: `psychological prices ending in .${end} (nearest)`,
      };
}

const STEPS: Record<string, RoundingStep> = {
  '0.01': 1,
  '0.05': 5,
  '0.1': 10,
  '0.10': 10,
  '.90': 'psychological-90',
  '90': 'psychological-90',
  '.99': 'psychological-99',
  '99': 'psychological-99',
};

/**
 * A rule typed by a person (`--rounding R`): a step `0.01`, `0.05`, `0.10` (or `0,05`), or `.90`,
 * `.99`, then `up` or `nearest` after a colon or a space: `0.05:up`, `.90 nearest`. The mode is
 * required: there is no default way to round someone's prices.
 */
export function parseRoundingRule(text: string): RoundingRule | undefined {
  const m = /^\s*([.,]?\d+(?:[.,]\d+)?)\s*[: ]\s*(up|nearest)\s*$/i.exec(text);
  if (!m) return undefined;
  const step = STEPS[m[1]!.replace(',', '.')];
  return step === undefined ? undefined : { step, mode: m[2]!.toLowerCase() as 'up' | 'nearest' };
}

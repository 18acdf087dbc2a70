import { describe, expect, it } from 'vitest';
import { ratio } from '../../../../main/engine/pricing/cents.ts';
import {
  describeRounding,
  parseRoundingRule,
  RoundingRule,
  roundCents,
  roundToCent,
} from '../../../../main/engine/pricing/rounding.ts';

const up = (step: RoundingRule['step']): RoundingRule => ({ step, mode: 'up' });
const nearest = (step: RoundingRule['step']): RoundingRule => ({ step, mode: 'nearest' });
/** `cents + num/den` as an exact amount. */
const plus = (cents: number, num: number, den: number) =>
  ratio(BigInt(cents) * BigInt(den) + BigInt(num), BigInt(den));

describe('roundCents: steps of 1, 5, 10 cents', () => {
  it.each<[string, ReturnType<typeof ratio> | number, RoundingRule, number]>([
    // step 1: only fractions of a cent move
    ['exact cent', 1234, up(1), 1234],
    ['a hair above a cent, up', plus(1234, 1, 1000), up(1), 1235],
    ['a hair above a cent, nearest', plus(1234, 1, 1000), nearest(1), 1234],
    ['half a cent, nearest → up', plus(1234, 1, 2), nearest(1), 1235],
    ['just under half a cent', plus(1234, 499, 1000), nearest(1), 1234],
    ['just over half a cent', plus(1234, 501, 1000), nearest(1), 1235],
    // step 5
    ['multiple of 5', 1235, up(5), 1235],
    ['multiple of 5, nearest', 1235, nearest(5), 1235],
    ['one cent above a step, up', 1236, up(5), 1240],
    ['one cent above a step, nearest', 1236, nearest(5), 1235],
    ['one cent below a step, up', 1234, up(5), 1235],
    ['one cent below a step, nearest', 1234, nearest(5), 1235],
    ['tie 2.5 cents → up', plus(1232, 1, 2), nearest(5), 1235],
    ['just under the tie', plus(1232, 49, 100), nearest(5), 1230],
    ['a fraction above a step, up', plus(1235, 1, 100), up(5), 1240],
    // step 10
    ['multiple of 10', 1230, up(10), 1230],
    ['one cent above, up', 1231, up(10), 1240],
    ['one cent above, nearest', 1231, nearest(10), 1230],
    ['one cent below, up', 1239, up(10), 1240],
    ['one cent below, nearest', 1239, nearest(10), 1240],
    ['tie 5 cents → up', 1235, nearest(10), 1240],
    ['just under the tie', 1234, nearest(10), 1230],
    ['under one step, up', 1, up(10), 10],
    ['under half a step, nearest', 4, nearest(10), 0],
    // large values
    ['large, up', 9_007_199_254_740_981, up(10), 9_007_199_254_740_990],
    ['large, nearest', 123_456_789_012_344, nearest(5), 123_456_789_012_345],
  ])('%s', (_label, exact, rule, expected) => {
    expect(roundCents(exact, rule)).toBe(expected);
  });

  it('keeps zero at zero under every rule', () => {
    for (const step of [1, 5, 10, 'psychological-90', 'psychological-99'] as const)
      for (const mode of ['up', 'nearest'] as const) expect(roundCents(0, { step, mode })).toBe(0);
  });

  it('accepts bigint and refuses negatives and overflows', () => {
    expect(roundCents(1231n, up(5))).toBe(1235);
    expect(() => roundCents(-1, up(5))).toThrow(/negative/);
    expect(() => roundCents(9_007_199_254_740_991, up(10))).toThrow(/too large/);
  });
});

describe('roundCents: psychological prices', () => {
  it.each<[number | ReturnType<typeof ratio>, number, number]>([
    // value, up, nearest
    [989, 990, 990],
    [990, 990, 990],
    [991, 1090, 990],
    [plus(990, 1, 100), 1090, 990],
    [1039, 1090, 990],
    [1040, 1090, 1090], // tie: 9.90 and 10.90 both 0.50 away → up
    [plus(1039, 99, 100), 1090, 990],
    [1000, 1090, 990],
    [1, 90, 90],
    [89, 90, 90],
    [90, 90, 90],
    [91, 190, 90],
    [123_456_789, 123_456_790, 123_456_790],
  ])('.90: %s → up %i, nearest %i', (value, upResult, nearestResult) => {
    expect(roundCents(value, up('psychological-90'))).toBe(upResult);
    expect(roundCents(value, nearest('psychological-90'))).toBe(nearestResult);
  });

  it.each<[number | ReturnType<typeof ratio>, number, number]>([
    [998, 999, 999],
    [999, 999, 999],
    [1000, 1099, 999],
    [plus(999, 1, 1000), 1099, 999],
    [1048, 1099, 999],
    [1049, 1099, 1099], // tie → up
    [1050, 1099, 1099],
    [1, 99, 99],
    [99, 99, 99],
  ])('.99: %s → up %i, nearest %i', (value, upResult, nearestResult) => {
    expect(roundCents(value, up('psychological-99'))).toBe(upResult);
    expect(roundCents(value, nearest('psychological-99'))).toBe(nearestResult);
  });
});

describe('roundToCent (tax amounts)', () => {
  it('rounds half up', () => {
    expect(roundToCent(plus(1055, 1, 2))).toBe(1056);
    expect(roundToCent(plus(1055, 49, 100))).toBe(1055);
  });
});

/** A small deterministic generator (LCG) so the property test is repeatable. */
function* generated(seed: number, count: number): Generator<[bigint, bigint]> {
  let state = BigInt(seed);
  const next = () => {
    state = (state * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
    return state >> 16n;
  };
  for (let i = 0; i < count; i++) {
    const scale = [100n, 10_000n, 1_000_000n, 1_000_000_000n][Number(next() % 4n)]!;
    yield [next() % scale, 1n + (next() % 3_000_000n)]; // base cents, rate in millionths (0 to 3)
  }
}

/** The same rules computed another way: by scanning integer candidates around the value. */
function independent(base: bigint, ppm: bigint, rule: RoundingRule): bigint {
  const n = base * ppm; // value = n / 1e6 cents
  const d = 1_000_000n;
  if (n === 0n) return 0n;
  const candidates: bigint[] = [];
  const approx = n / d;
  if (typeof rule.step === 'number') {
    const s = BigInt(rule.step);
    for (let c = (approx / s - 2n) * s; c <= approx + 2n * s; c += s) if (c >= 0n) candidates.push(c);
  } else {
    const e = rule.step === 'psychological-90' ? 90n : 99n;
    for (let k = approx / 100n - 2n; k <= approx / 100n + 2n; k++) if (k >= 0n) candidates.push(k * 100n + e);
  }
  if (rule.mode === 'up') return candidates.filter((c) => c * d >= n).reduce((a, b) => (b < a ? b : a));
  const distance = (c: bigint) => (c * d > n ? c * d - n : n - c * d);
  return candidates.reduce((best, c) =>
    distance(c) < distance(best) || (distance(c) === distance(best) && c > best) ? c : best,
  );
}

describe('roundCents: property test against an independent BigInt computation', () => {
  const rules: RoundingRule[] = [1, 5, 10, 'psychological-90', 'psychological-99'].flatMap((step) =>
    (['up', 'nearest'] as const).map((mode) => ({ step, mode }) as RoundingRule),
  );
  it.each(rules)('%o over 2 000 generated values', (rule) => {
    let checked = 0;
    for (const [base, ppm] of generated(rules.indexOf(rule) + 7, 2000)) {
      const exact = ratio(base * ppm, 1_000_000n);
      expect(BigInt(roundCents(exact, rule)), `${base} × ${ppm}/1e6`).toBe(independent(base, ppm, rule));
      checked++;
    }
    expect(checked).toBe(2000);
  });

  it('hits ties, which float arithmetic gets wrong', () => {
    // 345 × 0.7 = 241.5 exactly (241.49999999999997 as floats): nearest cent is 242.
    expect(roundCents(ratio(345n * 700_000n, 1_000_000n), nearest(1))).toBe(242);
    expect(independent(345n, 700_000n, nearest(1))).toBe(242n);
  });
});

describe('describeRounding', () => {
  it.each<[RoundingRule, string, string]>([
    [up(1), 'arrondi au centime supérieur', 'rounded up to the next cent'],
    [
      nearest(1),
      'arrondi au centime le plus proche (demi-centime vers le haut)',
      'rounded to the nearest cent (half a cent up)',
    ],
    [up(5), 'arrondi au 0,05 supérieur', 'rounded up to the next 0.05'],
    [
      nearest(10),
      'arrondi au 0,10 le plus proche (à mi-chemin : vers le haut)',
      'rounded to the nearest 0.10 (halfway: up)',
    ],
    [
      up('psychological-90'),
      'prix psychologiques en ,90 (au-dessus)',
      'psychological prices ending in .90 (rounded up)',
    ],
    [
      nearest('psychological-99'),
      'prix psychologiques en ,99 (au plus proche)',
      'psychological prices ending in .99 (nearest)',
    ],
  ])('%o', (rule, fr, en) => {
    expect(describeRounding(rule)).toEqual({ fr, en });
  });

  it('names the currency the data gave when asked', () => {
    expect(describeRounding(up(5), '€')).toEqual({
      fr: 'arrondi au 0,05 € supérieur',
      en: 'rounded up to the next €0.05',
    });
    expect(describeRounding(nearest(10), 'CHF').en).toBe('rounded to the nearest CHF 0.10 (halfway: up)');
  });
});

describe('parseRoundingRule', () => {
  it.each<[string, RoundingRule | undefined]>([
    ['0.05:up', { step: 5, mode: 'up' }],
    ['0,05 nearest', { step: 5, mode: 'nearest' }],
    ['0.10:UP', { step: 10, mode: 'up' }],
    ['0.1:nearest', { step: 10, mode: 'nearest' }],
    ['0.01:up', { step: 1, mode: 'up' }],
    ['.90:up', { step: 'psychological-90', mode: 'up' }],
    [',99 nearest', { step: 'psychological-99', mode: 'nearest' }],
    ['0.05', undefined],
    ['0.03:up', undefined],
    ['up', undefined],
  ])('%j', (text, rule) => {
    expect(parseRoundingRule(text)).toEqual(rule);
  });

  it('produces rules the schema accepts', () => {
    expect(RoundingRule.safeParse(parseRoundingRule('.99:up')).success).toBe(true);
    expect(RoundingRule.safeParse({ step: 3, mode: 'up' }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import {
  ceilRatio,
  floorRatio,
  formatCents,
  formatRatio,
  multiplyCents,
  parseCents,
  parseDecimal,
  rateFromBasisPoints,
  rateFromMillionths,
  rateFromPercent,
  ratio,
  roundHalfUp,
  toSafeCents,
} from '../../../../main/engine/pricing/cents.ts';

describe('parseDecimal', () => {
  it.each<[string | number, bigint, bigint]>([
    ['12.34', 617n, 50n],
    ['12,34', 617n, 50n],
    [' 0.055 ', 11n, 200n],
    ['-3', -3n, 1n],
    [',5', 1n, 2n],
    ['7.', 7n, 1n],
    [0.85, 17n, 20n],
    [0.1, 1n, 10n],
    [1e-7, 1n, 10_000_000n],
    [1.5e21, 1_500_000_000_000_000_000_000n, 1n],
    [-2.5e-7, -1n, 4_000_000n],
  ])('%s → %s/%s exactly', (input, num, den) => {
    expect(parseDecimal(input)).toEqual({ num, den });
  });

  it('keeps a float sum exactly as its shortest form says, not as the intended value', () => {
    expect(parseDecimal(0.1 + 0.2)).toEqual(ratio(30000000000000004n, 10n ** 17n));
  });

  it.each(['', 'abc', '1 000', '1.000,5', '1e3', '12.3.4', '--1'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeUndefined();
  });
  it.each([NaN, Infinity, -Infinity])('refuses %s', (n) => expect(parseDecimal(n)).toBeUndefined());
});

describe('parseCents', () => {
  it.each<[string | number, number]>([
    ['12.34', 1234],
    ['12,5', 1250],
    [12.5, 1250],
    [0, 0],
    ['0.01', 1],
    [19.99, 1999],
    [1.15, 115], // 1.15 * 100 = 114.99999999999999 as floats
    [4.35, 435], // 4.35 * 100 = 434.99999999999994 as floats
    ['90071992547409.91', 9007199254740991],
  ])('%s → %i cents', (input, cents) => {
    expect(parseCents(input)).toEqual({ ok: true, cents });
  });

  it('refuses more than two decimals instead of rounding them away', () => {
    const result = parseCents('12.345');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('PRICING_SUB_CENT');
    const sum = parseCents(0.1 + 0.2);
    expect(sum.ok).toBe(false);
  });

  it('refuses text that is not an amount, with both languages', () => {
    const result = parseCents('sur devis');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('PRICING_NOT_AN_AMOUNT');
      expect(result.error.text.fr).toContain('sur devis');
    }
  });

  it('refuses amounts a number cannot hold exactly', () => {
    expect(() => parseCents('90071992547409.92')).toThrow(/too large/);
    expect(() => toSafeCents(-(2n ** 60n))).toThrow(/too large/);
  });
});

describe('formatCents / formatRatio', () => {
  it.each<[number | bigint, string, string]>([
    [1234, '12.34', '12,34'],
    [5, '0.05', '0,05'],
    [0, '0.00', '0,00'],
    [-5, '-0.05', '-0,05'],
    [100000000, '1000000.00', '1000000,00'],
    [123456789012345678n, '1234567890123456.78', '1234567890123456,78'],
  ])('%s', (cents, en, fr) => {
    expect(formatCents(cents)).toBe(en);
    expect(formatCents(cents, ',')).toBe(fr);
  });

  it.each<[bigint, bigint, string]>([
    [17n, 20n, '0.85'],
    [3n, 1n, '3'],
    [11n, 200n, '0.055'],
    [-1n, 8n, '-0.125'],
    [1n, 3n, '1/3'],
    [0n, 1n, '0'],
  ])('%s/%s → %s', (num, den, text) => {
    expect(formatRatio(ratio(num, den))).toBe(text);
  });
});

describe('rates', () => {
  it('reads basis points, millionths and percents exactly', () => {
    expect(rateFromBasisPoints(1550)).toEqual(ratio(31n, 200n));
    expect(rateFromMillionths(850000)).toEqual(ratio(17n, 20n));
    expect(rateFromPercent('5,5')).toEqual(ratio(11n, 200n));
    expect(rateFromPercent(20)).toEqual(ratio(1n, 5n));
    expect(rateFromPercent('x')).toBeUndefined();
  });

  it('multiplies cents by a rate with no drift', () => {
    // As floats 345 × 0.7 = 241.49999999999997, which a half-up rounding would take to 241; exactly
    // it is 241.5 → 242.
    expect(345 * 0.7).not.toBe(241.5);
    expect(multiplyCents(345, parseDecimal('0.7')!)).toEqual(ratio(483n, 2n));
    expect(roundHalfUp(multiplyCents(345, parseDecimal('0.7')!))).toBe(242n);
    expect(multiplyCents(0, parseDecimal('0.7')!)).toEqual(ratio(0n));
  });
});

describe('floor / ceil / roundHalfUp', () => {
  it.each<[bigint, bigint, bigint, bigint, bigint]>([
    [7n, 2n, 3n, 4n, 4n],
    [5n, 2n, 2n, 3n, 3n],
    [6n, 2n, 3n, 3n, 3n],
    [-7n, 2n, -4n, -3n, -3n],
    [-1n, 3n, -1n, 0n, 0n],
    [1n, 3n, 0n, 1n, 0n],
    [2n, 3n, 0n, 1n, 1n],
    [0n, 5n, 0n, 0n, 0n],
  ])('%s/%s → floor %s, ceil %s, half-up %s', (num, den, floor, ceil, half) => {
    const r = ratio(num, den);
    expect(floorRatio(r)).toBe(floor);
    expect(ceilRatio(r)).toBe(ceil);
    expect(roundHalfUp(r)).toBe(half);
  });

  it('normalises signs and refuses a zero denominator', () => {
    expect(ratio(3n, -6n)).toEqual({ num: -1n, den: 2n });
    expect(() => ratio(1n, 0n)).toThrow();
  });
});

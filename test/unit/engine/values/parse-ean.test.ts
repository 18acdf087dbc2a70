import { describe, expect, it } from 'vitest';
import { gs1CheckDigit, parseEan } from '../../../../main/engine/values/parse-ean.ts';
import type { Ean } from '../../../../main/engine/values/parse-ean.ts';

describe('gs1CheckDigit', () => {
  it.each<[string, number]>([
    ['400638133393', 1],
    ['03600029145', 2],
    ['9638507', 4],
    ['1001234567890', 2],
    ['324567890123', 6],
    ['000000000000', 0],
  ])('of %s is %d', (digits, expected) => {
    expect(gs1CheckDigit(digits)).toBe(expected);
  });

  // This is why a leading 0 that Excel dropped cannot be detected from the check digit.
  it.each(['03600029145', '76123456789', '9638507'])('is unchanged by a leading zero on %s', (digits) => {
    expect(gs1CheckDigit(`0${digits}`)).toBe(gs1CheckDigit(digits));
  });

  it.each(['', '12a4', '12 34'])('refuses %j', (digits) => {
    expect(() => gs1CheckDigit(digits)).toThrow(RangeError);
  });
});

describe('parseEan', () => {
  it.each<[string | number, Ean]>([
    ['96385074', { code: '96385074', format: 'EAN-8' }],
    ['036000291452', { code: '036000291452', format: 'UPC-A' }],
    ['4006381333931', { code: '4006381333931', format: 'EAN-13' }],
    ['3245678901236', { code: '3245678901236', format: 'EAN-13' }],
    ['0761234567898', { code: '0761234567898', format: 'EAN-13' }],
    ['10012345678902', { code: '10012345678902', format: 'GTIN-14' }],
    [' 4006381333931 ', { code: '4006381333931', format: 'EAN-13' }],
    ['4 006381 333931', { code: '4006381333931', format: 'EAN-13' }],
    ['4\u00A0006381\u00A0333931', { code: '4006381333931', format: 'EAN-13' }],
    ['400-6381-333931', { code: '4006381333931', format: 'EAN-13' }],
    ['0 36000 29145 2', { code: '036000291452', format: 'UPC-A' }],
    ["'4006381333931", { code: '4006381333931', format: 'EAN-13' }],
    [4006381333931, { code: '4006381333931', format: 'EAN-13' }],
    [3245678901236, { code: '3245678901236', format: 'EAN-13' }],
    [96385074, { code: '96385074', format: 'EAN-8' }],
    [10012345678902, { code: '10012345678902', format: 'GTIN-14' }],
    [4006381333931.0, { code: '4006381333931', format: 'EAN-13' }],
  ])('reads %j', (input, expected) => {
    expect(parseEan(input)).toEqual({ ok: true, value: expected });
  });

  it('prints a large number in full, without an exponent', () => {
    const result = parseEan(3245678901236);
    expect(result.ok && result.value.code).toBe('3245678901236');
    expect(result.ok && result.value.code).not.toMatch(/e/i);
  });

  it('returns a 12-digit number as the UPC-A Excel shows, even if it was an EAN-13 starting with 0', () => {
    // 0761234567898 typed into a number cell becomes 761234567898.
    expect(parseEan(761234567898)).toEqual({ ok: true, value: { code: '761234567898', format: 'UPC-A' } });
    expect(parseEan(36000291452)).toEqual({ ok: false, reason: 'bad-ean-length' });
  });

  it.each<[string | number]>([[''], ['   '], [' - ']])('calls %j empty', (input) => {
    expect(parseEan(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each<[string | number]>([
    ['400638133393A'],
    ['4006381333931.0'],
    ['3.24568E+12'],
    ['N/A'],
    ['EAN 4006381333931'],
    [4006381333931.5],
    [-4006381333931],
    [NaN],
    [Infinity],
  ])('refuses %j as bad digits', (input) => {
    expect(parseEan(input)).toEqual({ ok: false, reason: 'bad-ean-digits' });
  });

  it.each<[string | number]>([['1234567'], ['03600029145'], ['400638133393112'], ['0'], [0], [123], [1e20]])(
    'refuses %j as a bad length',
    (input) => {
      expect(parseEan(input)).toEqual({ ok: false, reason: 'bad-ean-length' });
    },
  );

  it.each<[string | number]>([
    ['96385075'],
    ['036000291453'],
    ['4006381333932'],
    ['10012345678903'],
    [4006381333930],
  ])('refuses %j for its check digit', (input) => {
    expect(parseEan(input)).toEqual({ ok: false, reason: 'bad-ean-check-digit' });
  });
});

import { describe, expect, it } from 'vitest';
import {
  decimalOf,
  isEmail,
  normalizeLocale,
  sameRate,
  shiftDecimal,
} from '../../../../main/engine/resellers/reseller-values.ts';

describe('decimalOf', () => {
  it.each<[number, string]>([
    [15, '15'],
    [0.15000000000000002, '0.15'],
    [0.8, '0.8'],
    [1e-7, '0.0000001'],
    [1.5e21, '1500000000000000000000'],
    [0, '0'],
  ])('%d → %s', (n, s) => expect(decimalOf(n)).toBe(s));
});

describe('shiftDecimal', () => {
  it.each<[string, number, string]>([
    ['0.145', 2, '14.5'],
    ['0.15', 2, '15'],
    ['1', 2, '100'],
    ['12.5', -2, '0.125'],
    ['0.0001', 2, '0.01'],
    ['0', 2, '0'],
  ])('%s × 10^%d → %s', (s, places, out) => expect(shiftDecimal(s, places)).toBe(out));
});

describe('sameRate', () => {
  it('compares a coefficient with a discount exactly', () => {
    expect(sameRate('0.85', '15')).toBe(true);
    expect(sameRate('0.875', '12.5')).toBe(true);
    expect(sameRate('1', '0')).toBe(true);
    expect(sameRate('0.85', '15.0001')).toBe(false);
    expect(sameRate('1.2', '0')).toBe(false);
  });
});

describe('normalizeLocale', () => {
  it('reads language names and tags, whatever the case, accents or separator', () => {
    expect(normalizeLocale(' Français ')).toBe('fr-FR');
    expect(normalizeLocale('English')).toBe('en-GB');
    expect(normalizeLocale('fr_be')).toBe('fr-BE');
    expect(normalizeLocale('EN-us')).toBe('en-US');
    expect(normalizeLocale('fr ca')).toBe('fr-CA');
  });

  it('refuses languages the outputs are not written in, and typos', () => {
    expect(normalizeLocale('de')).toBeUndefined();
    expect(normalizeLocale('Deutsch')).toBeUndefined();
    expect(normalizeLocale('frr')).toBeUndefined();
    expect(normalizeLocale('de-DE')).toBeUndefined();
  });
});

describe('isEmail', () => {
  it('accepts usual addresses', () => {
    expect(isEmail('a.b+c@sub.example.co.uk')).toBe(true);
    expect(isEmail('contact@dupont.fr')).toBe(true);
    expect(isEmail('a@.fr')).toBe(false);
    expect(isEmail('a@b.')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../../../main/engine/values/parse-price.ts';
import type { Price } from '../../../../main/engine/values/parse-price.ts';
import type { NumberOptions } from '../../../../main/engine/values/parse-number.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('parsePrice', () => {
  it.each<[string, Price]>([
    ['12,50 €', { amount: 12.5, currency: 'EUR' }],
    ['12,50€', { amount: 12.5, currency: 'EUR' }],
    [`12,50${NBSP}€`, { amount: 12.5, currency: 'EUR' }],
    [`1${NNBSP}234,50${NNBSP}€`, { amount: 1234.5, currency: 'EUR' }],
    [`1${NBSP}234,50 €`, { amount: 1234.5, currency: 'EUR' }],
    ['€12.50', { amount: 12.5, currency: 'EUR' }],
    ['€ 12.50', { amount: 12.5, currency: 'EUR' }],
    ['€12,50', { amount: 12.5, currency: 'EUR' }],
    ['EUR 12,50', { amount: 12.5, currency: 'EUR' }],
    ['EUR12,50', { amount: 12.5, currency: 'EUR' }],
    ['12.50 EUR', { amount: 12.5, currency: 'EUR' }],
    ['12,50 eur', { amount: 12.5, currency: 'EUR' }],
    ['12,50 euros', { amount: 12.5, currency: 'EUR' }],
    ['1 EURO', { amount: 1, currency: 'EUR' }],
    ['1.234,50 €', { amount: 1234.5, currency: 'EUR' }],
    ['$1,234.50', { amount: 1234.5, currency: 'USD' }],
    ['$ 12.50', { amount: 12.5, currency: 'USD' }],
    ['12.50 USD', { amount: 12.5, currency: 'USD' }],
    ['USD 1,234', { amount: 1234, currency: 'USD' }],
    ['£1,234.50', { amount: 1234.5, currency: 'GBP' }],
    ['12.50 GBP', { amount: 12.5, currency: 'GBP' }],
    ['CHF 12.50', { amount: 12.5, currency: 'CHF' }],
    ["CHF 1'234.50", { amount: 1234.5, currency: 'CHF' }],
    ['12.50 CHF', { amount: 12.5, currency: 'CHF' }],
    ['12,50 € HT', { amount: 12.5, currency: 'EUR' }],
    ['12,50 € TTC', { amount: 12.5, currency: 'EUR' }],
    ['12,50€HT', { amount: 12.5, currency: 'EUR' }],
    ['12,50 € H.T.', { amount: 12.5, currency: 'EUR' }],
    ['12,50 € T.T.C.', { amount: 12.5, currency: 'EUR' }],
    ['12,50 € ht', { amount: 12.5, currency: 'EUR' }],
    ['12,50 HT', { amount: 12.5 }],
    ['12,50', { amount: 12.5 }],
    ['1 234,50', { amount: 1234.5 }],
    ['1234', { amount: 1234 }],
    ['-12,50 €', { amount: -12.5, currency: 'EUR' }],
    ['-€12.50', { amount: -12.5, currency: 'EUR' }],
    ['€-12.50', { amount: -12.5, currency: 'EUR' }],
    ['(€12.50)', { amount: -12.5, currency: 'EUR' }],
    ['(12,50 €)', { amount: -12.5, currency: 'EUR' }],
    ['0,00 €', { amount: 0, currency: 'EUR' }],
    ['  12,50 €  ', { amount: 12.5, currency: 'EUR' }],
  ])('reads %j', (input, expected) => {
    expect(parsePrice(input)).toEqual({ ok: true, value: expected });
  });

  it('leaves out the currency when there is none', () => {
    const result = parsePrice('12.5');
    expect(result.ok && 'currency' in result.value).toBe(false);
  });

  describe('the currency decides a lone separator before three digits', () => {
    it.each<[string, Price]>([
      ['1,234 €', { amount: 1.234, currency: 'EUR' }],
      ['€1.234', { amount: 1234, currency: 'EUR' }],
      ['$1,234', { amount: 1234, currency: 'USD' }],
      ['£1,234', { amount: 1234, currency: 'GBP' }],
      ['$1.234', { amount: 1.234, currency: 'USD' }],
    ])('reads %j', (input, expected) => {
      expect(parsePrice(input)).toEqual({ ok: true, value: expected });
    });

    it('is ambiguous without a currency', () => {
      expect(parsePrice('1,234')).toEqual({ ok: false, reason: 'ambiguous' });
      expect(parsePrice('1.234 HT')).toEqual({ ok: false, reason: 'ambiguous' });
    });

    it.each<[string, NumberOptions, Price]>([
      ['1,234', { decimal: ',' }, { amount: 1.234 }],
      ['1,234', { decimal: '.' }, { amount: 1234 }],
      ['1,234 €', { decimal: '.' }, { amount: 1234, currency: 'EUR' }],
      ['$1,234', { decimal: ',' }, { amount: 1.234, currency: 'USD' }],
    ])('lets the caller’s decimal option win: %j with %j', (input, opts, expected) => {
      expect(parsePrice(input, opts)).toEqual({ ok: true, value: expected });
    });
  });

  it.each(['', '  ', `${NBSP}`])('calls %j empty', (input) => {
    expect(parsePrice(input)).toEqual({ ok: false, reason: 'empty' });
  });

  // Each of these must be reported on the cell, never read as a price of 0.
  it.each([
    'sur devis',
    'Sur devis',
    'Prix sur demande',
    'gratuit',
    'offert',
    'N/A',
    'nc',
    '-',
    '€',
    'EUR',
    'HT',
    '12abc €',
    'abc',
    '12,50 € 13,00 €',
    '€12 $',
    '12 EUR €',
    '12 eurs',
    '12 neuro',
    '12 %',
    '#N/A',
  ])('refuses %j as not a price', (input) => {
    expect(parsePrice(input)).toEqual({ ok: false, reason: 'not-a-price' });
  });
});

describe('prices in other currencies', () => {
  it.each<[string, Price]>([
    ['12,50 zł', { amount: 12.5, currency: 'PLN' }],
    ['1 234,50 zł', { amount: 1234.5, currency: 'PLN' }],
    ['₹ 1,200', { amount: 1200, currency: 'INR' }],
    ['₹1,650.00', { amount: 1650, currency: 'INR' }],
    // A point groups thousands in dong: 150.000 is a hundred and fifty thousand.
    ['150.000 VND', { amount: 150000, currency: 'VND' }],
    ['150.000₫', { amount: 150000, currency: 'VND' }],
    ['1 200 Kč', { amount: 1200, currency: 'CZK' }],
    ['3 500 Ft', { amount: 3500, currency: 'HUF' }],
    ['12,50 kr', { amount: 12.5, currency: 'SEK' }],
    ['CAD 12.50', { amount: 12.5, currency: 'CAD' }],
    ['PLN 12,50', { amount: 12.5, currency: 'PLN' }],
    ['¥1,200', { amount: 1200, currency: 'JPY' }],
    ['12,50 € TVAC', { amount: 12.5, currency: 'EUR' }],
    ['12,50 € HTVA', { amount: 12.5, currency: 'EUR' }],
  ])('reads %j', (input, expected) => {
    expect(parsePrice(input)).toEqual({ ok: true, value: expected });
  });

  it('takes no word for a currency', () => {
    for (const input of ['12 draft', '12 pcs', '12 abc', 'sur devis'])
      expect(parsePrice(input).ok).toBe(false);
  });
});

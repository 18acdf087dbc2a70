import { describe, expect, it } from 'vitest';
import { formatPrice } from '../../../../main/engine/format/format-price.ts';

describe('formatPrice', () => {
  it('prints the sign the sheet shows, in any currency Intl knows', () => {
    expect(formatPrice(12.5, 'PLN', 'fr-FR')).toBe('12,50\u00a0zł');
    expect(formatPrice(1234.5, 'EUR', 'fr-FR')).toBe('1\u202f234,50\u00a0€');
    expect(formatPrice(12.5, 'USD', 'en-GB')).toBe('$12.50');
    expect(formatPrice(1200, 'INR', 'en-GB')).toBe('₹1,200.00');
    expect(formatPrice(150000, 'VND', 'fr-FR')).toBe('150\u202f000\u00a0₫');
  });

  it('keeps cents the sheet has, even in a currency without them', () => {
    expect(formatPrice(12.5, 'JPY', 'en-GB')).toBe('¥12.50');
    expect(formatPrice(1200, 'JPY', 'en-GB')).toBe('¥1,200');
  });

  it('prints a plain amount when nobody gave the currency: never a euro by default', () => {
    expect(formatPrice(12.5, undefined, 'fr-FR')).toBe('12,50');
    expect(formatPrice(1234.5, undefined, 'en-GB')).toBe('1,234.50');
  });
});

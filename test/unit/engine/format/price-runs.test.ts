import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../main/engine/model.ts';
import { slotRuns } from '../../../../main/engine/format/price-runs.ts';
import type { FormatContext } from '../../../../main/engine/format/field-text.ts';
import { givenMoney } from '../../../../main/engine/money/given-money.ts';

const item: CatalogItem = {
  row: 6,
  images: [],
  fields: {
    price: { kind: 'price', value: 8.9 },
    vat: { kind: 'percent', value: 0.055 },
    name: { kind: 'text', value: 'Vis' },
  },
};
// The currency and the basis of `price` are given outright, as a user's settings would.
const fr: FormatContext = {
  locale: 'fr-FR',
  lang: 'fr',
  money: givenMoney({ currency: 'EUR', basis: 'excl' }),
};
const en: FormatContext = {
  locale: 'en-GB',
  lang: 'en',
  money: givenMoney({ currency: 'GBP', basis: 'excl' }),
};
const text = (runs: { text: string }[] | undefined) => runs?.map((r) => r.text).join('');

describe('the price a slot shows', () => {
  it('follows price.show, with the item’s own VAT rate', () => {
    expect(text(slotRuns(item, 'price', fr, 'ht'))).toBe('8,90\u00a0€');
    expect(text(slotRuns(item, 'price', fr, 'ttc'))).toBe('9,39\u00a0€');
    expect(text(slotRuns(item, 'price', fr, 'both'))).toBe('8,90\u00a0€\u00a0HT · 9,39\u00a0€\u00a0TTC');
    expect(text(slotRuns(item, 'price', en, 'both'))).toBe('£8.90\u00a0ex. VAT · £9.39\u00a0inc. VAT');
  });

  it('leaves every other field alone', () => {
    expect(text(slotRuns(item, 'name', fr, 'both'))).toBe('Vis');
  });
});

describe('the price a slot shows when the money is not all known', () => {
  const plain: CatalogItem = { row: 7, images: [], fields: { price: { kind: 'price', value: 8.9 } } };
  const show = (item: CatalogItem, money: FormatContext['money'], how: 'ht' | 'ttc' | 'both') =>
    text(slotRuns(item, 'price', { locale: 'fr-FR', lang: 'fr', money }, how));

  it('prints no price with VAT without a rate, and still says the price it has is HT', () => {
    const noRate = givenMoney({ currency: 'PLN', basis: 'excl' });
    expect(show(plain, noRate, 'both')).toBe('8,90\u00a0zł\u00a0HT');
    expect(show(plain, noRate, 'ttc')).toBe('8,90\u00a0zł\u00a0HT');
  });

  it('gives a price of unknown basis no tax word, and computes nothing from it', () => {
    const unknown = givenMoney({ currency: 'EUR', vat: 0.2, basis: 'unknown' });
    expect(show(plain, unknown, 'both')).toBe('8,90\u00a0€');
  });

  it('labels a tax-included price TTC, or TVAC when the sheet says TVAC, and never taxes it again', () => {
    const ttcOnly: CatalogItem = {
      row: 8,
      images: [],
      fields: { priceTtc: { kind: 'price', value: 14.95 } },
    };
    const money = { ...givenMoney({ currency: 'EUR', vat: 0.21, basis: 'excl' }), columns: [] };
    expect(show(ttcOnly, money, 'ht')).toBe('14,95\u00a0€\u00a0TTC');
    const belgian = {
      ...money,
      columns: [
        {
          field: 'priceTtc',
          mappedAs: 'priceTtc',
          letter: 'C',
          header: 'prix_tvac',
          basis: { basis: 'incl' as const, source: 'header' as const, evidence: { fr: '', en: '' } },
        },
      ],
    };
    expect(show(ttcOnly, belgian, 'both')).toBe('14,95\u00a0€\u00a0TVAC');
  });
});

import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../main/engine/model.ts';
import { slotRuns } from '../../../../main/engine/format/price-runs.ts';
import type { FormatContext } from '../../../../main/engine/format/field-text.ts';

const item: CatalogItem = {
  row: 6,
  images: [],
  fields: {
    price: { kind: 'price', value: 8.9 },
    vat: { kind: 'percent', value: 0.055 },
    name: { kind: 'text', value: 'Vis' },
  },
};
const fr: FormatContext = { locale: 'fr-FR', lang: 'fr', currency: 'EUR', defaultVat: 0.2 };
const en: FormatContext = { locale: 'en-GB', lang: 'en', currency: 'GBP', defaultVat: 0.2 };
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

import { describe, expect, it } from 'vitest';
import type { CatalogItem } from '../../../../main/engine/model.ts';
import {
  decideVat,
  parseVatSetting,
  rateOfTitle,
  vatRateOf,
} from '../../../../main/engine/money/vat-rate.ts';

const item = (fields: CatalogItem['fields'], group?: string): CatalogItem => ({
  row: 5,
  fields,
  images: [],
  ...(group ? { group } : {}),
});

describe('parseVatSetting', () => {
  it('reads one rate in percent', () => {
    expect(parseVatSetting('20')).toEqual({ ok: true, value: { rate: 0.2 } });
    expect(parseVatSetting('5,5 %')).toEqual({ ok: true, value: { rate: 0.055 } });
    expect(parseVatSetting('5.5%')).toEqual({ ok: true, value: { rate: 0.055 } });
  });

  it('reads rates per family, a comma being a decimal comma unless a family follows', () => {
    expect(parseVatSetting('Vins=20;Livres=5,5')).toEqual({
      ok: true,
      value: { byGroup: { Vins: 0.2, Livres: 0.055 } },
    });
    expect(parseVatSetting('Vins=20,Livres=5.5,*=10')).toEqual({
      ok: true,
      value: { byGroup: { Vins: 0.2, Livres: 0.055 }, rate: 0.1 },
    });
  });

  it('refuses what is not a rate, in both languages', () => {
    for (const bad of ['vingt', '120', 'Vins=', '=20', '']) {
      const result = parseVatSetting(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message.fr).toContain('--vat');
    }
  });
});

describe('rateOfTitle', () => {
  it.each([
    ['Prices exclude 10 % VAT', 0.1],
    ['Exclude 10% VAT', 0.1],
    ['Prix HT, TVA 20 % en sus', 0.2],
    ['VAT at 5.5%', 0.055],
    ['TVA : 5,5 %', 0.055],
  ])('%j states %d', (line, rate) => {
    expect(rateOfTitle(line)).toBe(rate);
  });

  it('finds no rate in a line without one', () => {
    for (const line of ['Tarif HT 2026', 'Remise 10 % sur tout', 'Prices exclude VAT'])
      expect(rateOfTitle(line)).toBeUndefined();
  });
});

describe('decideVat', () => {
  it('takes the VAT column first, the setting filling its gaps', () => {
    const d = decideVat({
      column: { letter: 'F', header: 'TVA' },
      setting: { rate: 0.2 },
      preamble: ['TVA 10 %'],
    });
    expect(d).toMatchObject({ source: 'column', rate: 0.2, column: { letter: 'F' } });
    expect(d.evidence.fr).toContain('colonne « TVA » (F)');
  });

  it("then the user's setting", () => {
    const d = decideVat({ setting: { byGroup: { Vins: 0.2 } }, preamble: ['Prices exclude 10 % VAT'] });
    expect(d).toMatchObject({ source: 'setting', byGroup: { Vins: 0.2 } });
    expect(d.evidence.en).toContain('--vat');
  });

  it('then a rate the title states, saying so', () => {
    const d = decideVat({ preamble: ['Wholesale price list', 'Prices exclude 10 % VAT'] });
    expect(d).toMatchObject({ source: 'title', rate: 0.1 });
    expect(d.evidence.en).toContain('"Prices exclude 10 % VAT"');
  });

  it('else none: no 20 % by default', () => {
    const d = decideVat({ preamble: ['Tarif 2026'] });
    expect(d.source).toBe('none');
    expect(d.rate).toBeUndefined();
    expect(vatRateOf(item({}), d)).toBeUndefined();
  });
});

describe('vatRateOf', () => {
  const vat = decideVat({ setting: { byGroup: { Livres: 0.055 }, rate: 0.2 }, preamble: [] });

  it("takes the product's own cell, then its family's rate, then the one rate", () => {
    expect(vatRateOf(item({ vat: { kind: 'percent', value: 0.1 } }, 'Livres'), vat)).toBe(0.1);
    expect(vatRateOf(item({}, 'livres'), vat)).toBe(0.055);
    expect(vatRateOf(item({ category: { kind: 'text', value: 'Livres' } }), vat)).toBe(0.055);
    expect(vatRateOf(item({}, 'Vins'), vat)).toBe(0.2);
  });
});

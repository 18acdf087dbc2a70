import { describe, expect, it } from 'vitest';
import {
  coefficientOf,
  priceCell,
  rateSpecOf,
  resolveRate,
  withVat,
  type PricedCell,
  PricingContext,
} from '../../../../main/engine/pricing/reseller-price.ts';
import { formatRatio, ratio } from '../../../../main/engine/pricing/cents.ts';

const levels: PricingContext['levels'] = {
  Bronze: { kind: 'discount', percent: 10 },
  Argent: { kind: 'discount', percent: '15' },
  Or: { kind: 'coefficient', value: 0.75 },
};

const context = (over: Partial<PricingContext> = {}): PricingContext => ({
  family: 'Flyers',
  reseller: { name: 'Imprim’Express', level: 'Argent' },
  levels,
  rounding: { step: 1, mode: 'nearest' },
  vatByFamily: { Flyers: 20, Livres: '5,5', Cartes: 10 },
  ...over,
});

const priced = (cell: ReturnType<typeof priceCell>): PricedCell => {
  if (cell.kind !== 'priced') throw new Error('expected a price');
  return cell;
};

describe('priceCell: rates', () => {
  it('applies the level discount: 100.00 at −15 % → 85.00 HT, 102.00 TTC at 20 %', () => {
    const cell = priced(priceCell(10000, context()));
    expect(cell.net).toEqual({ ht: 8500, ttc: 10200 });
    expect(cell.rate).toMatchObject({ kind: 'discount', value: '15', coefficient: '0.85', source: 'level' });
    expect(cell.rate.why.en).toBe('Argent level rate');
    expect(cell.minimumApplied).toBe(false);
    expect(cell.vat).toEqual({ known: true, percent: '20' });
  });

  it('matches level names without regard to case or accents', () => {
    const cell = priced(priceCell(10000, context({ reseller: { name: 'A', level: 'OR' } })));
    expect(cell.net.ht).toBe(7500);
    expect(cell.rate).toMatchObject({ kind: 'coefficient', value: '0.75', source: 'level' });
  });

  it("a reseller's own negotiated rate wins over its level's", () => {
    const cell = priced(
      priceCell(
        10000,
        context({ reseller: { name: 'B', level: 'Bronze', rate: { kind: 'discount', percent: 22.5 } } }),
      ),
    );
    expect(cell.net.ht).toBe(7750);
    expect(cell.rate).toMatchObject({ source: 'reseller', value: '22.5', coefficient: '0.775' });
    expect(cell.rate.why.fr).toBe('tarif négocié de B');
  });

  it('a family override wins over both', () => {
    const ctx = context({
      reseller: { name: 'B', level: 'Bronze', rate: { kind: 'discount', percent: 22.5 } },
      familyRates: { flyers: { kind: 'coefficient', value: '0.6' } },
    });
    const cell = priced(priceCell(10000, ctx));
    expect(cell.net.ht).toBe(6000);
    expect(cell.rate).toMatchObject({ source: 'family', kind: 'coefficient', value: '0.6' });
    // Another family falls back to the reseller's own rate.
    expect(priced(priceCell(10000, { ...ctx, family: 'Cartes' })).rate.source).toBe('reseller');
  });

  it.each<[PricingContext['reseller']['rate'], number]>([
    [{ kind: 'discount', percent: 0 }, 12345],
    [{ kind: 'discount', percent: 100 }, 0],
    [{ kind: 'coefficient', value: 1 }, 12345],
    [{ kind: 'coefficient', value: '1.5' }, 18518], // 185.175 → nearest cent, half up
    [{ kind: 'discount', percent: '33,33' }, 8230], // 82.30338…
  ])('%o on 123.45', (rate, ht) => {
    expect(priced(priceCell(12345, context({ reseller: { name: 'C', rate } }))).net.ht).toBe(ht);
  });

  it('refuses rates out of range, unknown levels and a reseller with no rate', () => {
    const withRate = (rate: NonNullable<PricingContext['reseller']['rate']>) =>
      context({ reseller: { name: 'D', rate } });
    expect(() => priceCell(100, withRate({ kind: 'discount', percent: 101 }))).toThrow(/between 0 and 100/);
    expect(() => priceCell(100, withRate({ kind: 'discount', percent: -1 }))).toThrow(/between 0 and 100/);
    expect(() => priceCell(100, withRate({ kind: 'coefficient', value: 0 }))).toThrow(/above 0/);
    expect(() => priceCell(100, withRate({ kind: 'coefficient', value: 'abc' }))).toThrow(/above 0/);
    expect(() => priceCell(100, context({ reseller: { name: 'E', level: 'Platine' } }))).toThrow(
      expect.objectContaining({ code: 'PRICING_UNKNOWN_LEVEL' }),
    );
    expect(() => priceCell(100, context({ reseller: { name: 'F' } }))).toThrow(
      expect.objectContaining({ code: 'PRICING_NO_RATE' }),
    );
  });

  it('rateSpecOf wants exactly one of discount or coefficient', () => {
    expect(rateSpecOf({ discount: 12 })).toEqual({ kind: 'discount', percent: 12 });
    expect(rateSpecOf({ coefficient: '0.9' })).toEqual({ kind: 'coefficient', value: '0.9' });
    expect(() => rateSpecOf({ discount: 12, coefficient: 0.9 })).toThrow(
      expect.objectContaining({ code: 'PRICING_TWO_RATES' }),
    );
    expect(() => rateSpecOf({})).toThrow(expect.objectContaining({ code: 'PRICING_NO_RATE' }));
    expect(() => rateSpecOf({ discount: 150 })).toThrow(/between 0 and 100/);
  });

  it('turns a discount into an exact coefficient', () => {
    expect(formatRatio(coefficientOf({ kind: 'discount', percent: '12.5' }))).toBe('0.875');
    expect(coefficientOf({ kind: 'discount', percent: 100 })).toEqual(ratio(0n));
  });

  it('resolveRate says which rate applied and why', () => {
    const rate = resolveRate(context({ familyRates: { Flyers: { kind: 'discount', percent: 5 } } }));
    expect(rate.source).toBe('family');
    expect(rate.why).toEqual({
      fr: 'tarif propre à la famille « Flyers »',
      en: 'rate specific to the family "Flyers"',
    });
  });
});

describe('priceCell: rounding and minimum', () => {
  it('rounds the exact product with the rule and states the rule', () => {
    // 12.34 × 0.85 = 10.489 → 10.50 (up to 0.05)
    const cell = priced(priceCell(1234, context({ rounding: { step: 5, mode: 'up' } })));
    expect(cell.net.ht).toBe(1050);
    expect(cell.rounding.fr).toBe('arrondi au 0,05 supérieur');
  });

  it('psychological .90 on a net price', () => {
    // 11.65 × 0.85 = 9.9025 → up 10.90, nearest 9.90
    expect(
      priced(priceCell(1165, context({ rounding: { step: 'psychological-90', mode: 'up' } }))).net.ht,
    ).toBe(1090);
    expect(
      priced(priceCell(1165, context({ rounding: { step: 'psychological-90', mode: 'nearest' } }))).net.ht,
    ).toBe(990);
  });

  it('never prints a net below the minimum, and says so', () => {
    const cell = priced(priceCell(1000, context({ minimumCents: 900 })));
    expect(cell.net).toEqual({ ht: 900, ttc: 1080 });
    expect(cell.minimumApplied).toBe(true);
    expect(cell.notes).toContainEqual({ fr: 'prix minimum appliqué', en: 'minimum price applied' });
  });

  it('leaves the net alone when it is at or above the minimum', () => {
    expect(priced(priceCell(1000, context({ minimumCents: 850 }))).minimumApplied).toBe(false);
    expect(priced(priceCell(1000, context({ minimumCents: 850 }))).net.ht).toBe(850);
    expect(priced(priceCell(1000, context({ minimumCents: 849 }))).minimumApplied).toBe(false);
  });

  it('a 100 % discount with a minimum prints the minimum', () => {
    const cell = priced(
      priceCell(
        5000,
        context({ minimumCents: 100, reseller: { name: 'G', rate: { kind: 'discount', percent: 100 } } }),
      ),
    );
    expect(cell.net.ht).toBe(100);
    expect(cell.minimumApplied).toBe(true);
  });

  it('refuses invalid bases and minimums', () => {
    expect(() => priceCell(-1, context())).toThrow(/invalid base/);
    expect(() => priceCell(1.5, context())).toThrow(/invalid base/);
    expect(() => priceCell(100, context({ minimumCents: -1 }))).toThrow(/invalid minimum/);
  });

  it('handles large values exactly', () => {
    const cell = priced(priceCell(999_999_999_999, context()));
    expect(cell.net.ht).toBe(849_999_999_999); // 849 999 999 999.15 cents → nearest cent
    expect(cell.net.ttc).toBe(1_019_999_999_999); // × 1.2 = …998.8 → …999
  });

  it('zero stays zero', () => {
    expect(priced(priceCell(0, context({ rounding: { step: 'psychological-99', mode: 'up' } }))).net).toEqual(
      {
        ht: 0,
        ttc: 0,
      },
    );
  });
});

describe('priceCell: VAT', () => {
  it('TTC = round-half-up(HT × (1 + rate)) at 5.5 %', () => {
    // 10.00 × 1.055 = 10.55 exactly; 10.10 × 1.055 = 10.6555 → 10.66; 0.10 × 1.055 = 0.1055 → 0.11
    const at = (base: number) =>
      priced(
        priceCell(
          base,
          context({ family: 'Livres', reseller: { name: 'H', rate: { kind: 'coefficient', value: 1 } } }),
        ),
      );
    expect(at(1000).net).toEqual({ ht: 1000, ttc: 1055 });
    expect(at(1010).net).toEqual({ ht: 1010, ttc: 1066 });
    expect(at(10).net).toEqual({ ht: 10, ttc: 11 });
    expect(at(1).net).toEqual({ ht: 1, ttc: 1 }); // 0.01055 → 0.01
    expect(at(1000).vat).toEqual({ known: true, percent: '5.5' });
  });

  it('withVat: a tie goes up', () => {
    // 0.50 × 1.10 = 0.55; 2.35 × 1.10 = 2.585 → 2.59 (a float gives 2.5850000000000004 or 2.584999…)
    expect(withVat(50, ratio(1n, 10n))).toBe(55);
    expect(withVat(235, ratio(1n, 10n))).toBe(259);
    expect(withVat(1005, ratio(1n, 5n))).toBe(1206);
  });

  it('no VAT rate for the family → no TTC, and the result says VAT is unknown', () => {
    const cell = priced(priceCell(10000, context({ family: 'Affiches' })));
    expect(cell.net).toEqual({ ht: 8500 });
    expect(cell.vat).toEqual({ known: false });
    expect(cell.notes.map((n) => n.en)).toContain(
      'VAT unknown for the family "Affiches": no price including VAT',
    );
  });

  it('no VAT map at all is the same: nothing is defaulted', () => {
    const { vatByFamily: _, ...rest } = context();
    const cell = priced(priceCell(10000, rest));
    expect(cell.net.ttc).toBeUndefined();
    expect(cell.vat.known).toBe(false);
  });

  it('refuses a VAT rate out of range', () => {
    expect(() => priceCell(100, context({ vatByFamily: { Flyers: 120 } }))).toThrow(/VAT "120"/);
  });
});

describe('priceCell: suggested public price', () => {
  it('= net HT × markup, rounded by its own rule, TTC from that HT', () => {
    // net 85.00; × 1.6 = 136.00 → .90 up = 136.90 HT; TTC 164.28
    const cell = priced(
      priceCell(
        10000,
        context({
          publicPrice: { markup: '1.6', rounding: { step: 'psychological-90', mode: 'up' }, roundOn: 'ht' },
        }),
      ),
    );
    expect(cell.public).toMatchObject({ ht: 13690, ttc: 16428, roundedOn: 'ht' });
    expect(cell.public?.rounding.en).toBe('psychological prices ending in .90 (rounded up)');
  });

  it('rounded on TTC: the TTC is the psychological one and HT derives from it', () => {
    // net 85.00 × 1.6 × 1.2 = 163.20 → 163.90 TTC; HT = 163.90 / 1.2 = 136.5833… → 136.58
    const cell = priced(
      priceCell(
        10000,
        context({
          publicPrice: { markup: 1.6, rounding: { step: 'psychological-90', mode: 'up' }, roundOn: 'ttc' },
        }),
      ),
    );
    expect(cell.public).toMatchObject({ ht: 13658, ttc: 16390, roundedOn: 'ttc' });
  });

  it('rounded on TTC without VAT: rounds HT and says why', () => {
    const cell = priced(
      priceCell(
        10000,
        context({
          family: 'Affiches',
          publicPrice: { markup: 2, rounding: { step: 10, mode: 'up' }, roundOn: 'ttc' },
        }),
      ),
    );
    expect(cell.public).toEqual({ ht: 17000, roundedOn: 'ht', rounding: expect.anything() });
    expect(cell.notes.map((n) => n.en)).toContain(
      'public price rounded on the price before VAT: VAT unknown',
    );
  });

  it('starts from the net after the minimum', () => {
    const cell = priced(
      priceCell(
        1000,
        context({
          minimumCents: 900,
          publicPrice: { markup: 2, rounding: { step: 1, mode: 'up' }, roundOn: 'ht' },
        }),
      ),
    );
    expect(cell.public?.ht).toBe(1800);
  });

  it('refuses a markup of zero', () => {
    expect(() =>
      priceCell(
        100,
        context({ publicPrice: { markup: 0, rounding: { step: 1, mode: 'up' }, roundOn: 'ht' } }),
      ),
    ).toThrow(/markup "0"/);
  });
});

describe('priceCell: not available', () => {
  it('a cell with no base price stays not available, never 0', () => {
    expect(priceCell(undefined, context())).toEqual({ kind: 'not-available' });
    expect(priceCell(null, context())).toEqual({ kind: 'not-available' });
    const said = { kind: 'not-available', said: 'sur devis' } as const;
    expect(priceCell(said, context())).toBe(said);
  });

  it('needs no rate to say so', () => {
    expect(priceCell(undefined, context({ reseller: { name: 'Z' } }))).toEqual({ kind: 'not-available' });
  });
});

describe('priceCell: an independent recomputation of a whole grid', () => {
  it('matches BigInt arithmetic for every cell, rounding up to 0.05 and TTC 5.5 %', () => {
    const ctx = context({ family: 'Livres', rounding: { step: 5, mode: 'up' } });
    for (let base = 0; base < 3000; base += 7) {
      const cell = priced(priceCell(base, ctx));
      // net = ⌈base × 85 / 100 / 5⌉ × 5; ttc = ⌊(net × 1055 + 500) / 1000⌋
      const net = ((BigInt(base) * 85n + 499n) / 500n) * 5n;
      const ttc = (net * 1055n + 500n) / 1000n;
      expect([cell.net.ht, cell.net.ttc], `base ${base}`).toEqual([Number(net), Number(ttc)]);
    }
  });
});

describe('PricingContext schema', () => {
  it('accepts a context as built in these tests and refuses a rate of an unknown kind', () => {
    expect(PricingContext.safeParse(context({ minimumCents: 100 })).success).toBe(true);
    expect(
      PricingContext.safeParse({ ...context(), reseller: { name: 'X', rate: { kind: 'markup', value: 2 } } })
        .success,
    ).toBe(false);
    expect(PricingContext.safeParse({ ...context(), minimumCents: 1.5 }).success).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { formatRef } from '../../../../main/engine/common/cell-ref.ts';
import {
  priceResellerGrid,
  type PricedFamily,
  type PricedGridCell,
  type PricingSettings,
  type ResellerGrid,
} from '../../../../main/engine/price-grid/price-reseller-grid.ts';
import { GRIDS, reseller, SETTINGS } from './grid-fixtures.ts';

const gridOf = (result: ReturnType<typeof priceResellerGrid>): ResellerGrid => {
  expect(result.issues).toEqual([]);
  if (!result.grid) throw new Error('expected a grid');
  return result.grid;
};
const family = (grid: ResellerGrid, name: string): PricedFamily =>
  grid.families.find((f) => f.name === name)!;
const cell = (f: PricedFamily, tier: number, variant: number): PricedGridCell =>
  f.tiers[tier]!.cells[variant]!;
const figures = (c: PricedGridCell) => {
  if (c.kind !== 'price') throw new Error(`expected a price, got ${c.kind}`);
  return c.figures;
};

describe('priceResellerGrid: which rate applies', () => {
  const withOverrides: PricingSettings = {
    ...SETTINGS,
    familyRates: {
      reseller: { 'DUPONT & FILS': { Cartes: { kind: 'discount', percent: '30' } } },
      level: {
        or: { Cartes: { kind: 'coefficient', value: '0.5' }, Flyers: { kind: 'coefficient', value: '0.6' } },
      },
    },
  };

  it('the level rate when nothing else is given: 20,00 at −20 % → 16,00', () => {
    const grid = gridOf(priceResellerGrid(GRIDS, reseller({ level: 'Or' }), SETTINGS, 'Revendeurs'));
    const cartes = family(grid, 'Cartes');
    expect(cartes.rate).toMatchObject({ kind: 'discount', value: '20', source: 'level' });
    expect(figures(cell(cartes, 0, 0))['net-ht']).toBe(1600);
    expect(figures(cell(family(grid, 'Flyers'), 0, 0))['net-ht']).toBe(8000);
  });

  it("a negotiated rate beats the level's", () => {
    const r = reseller({ level: 'Or', rate: { kind: 'discount', percent: '10' } });
    const grid = gridOf(priceResellerGrid(GRIDS, r, SETTINGS, 'Revendeurs'));
    expect(family(grid, 'Cartes').rate.source).toBe('reseller');
    expect(figures(cell(family(grid, 'Cartes'), 0, 0))['net-ht']).toBe(1800);
  });

  it("a level's family override beats the negotiated rate, for that family only", () => {
    const other = reseller({ name: 'Martin', level: 'Or', rate: { kind: 'discount', percent: '10' } });
    const grid = gridOf(priceResellerGrid(GRIDS, other, withOverrides, 'Revendeurs'));
    const cartes = family(grid, 'Cartes');
    expect(cartes.rate).toMatchObject({ kind: 'coefficient', value: '0.5', source: 'family' });
    expect(figures(cell(cartes, 0, 0))['net-ht']).toBe(1000);
    expect(family(grid, 'Flyers').rate).toMatchObject({ source: 'family', value: '0.6' });
    expect(figures(cell(family(grid, 'Flyers'), 0, 0))['net-ht']).toBe(6000);
  });

  it("the reseller's own family override beats its level's (names matched without case)", () => {
    const r = reseller({ level: 'Or', rate: { kind: 'discount', percent: '10' } });
    const grid = gridOf(priceResellerGrid(GRIDS, r, withOverrides, 'Revendeurs'));
    const cartes = family(grid, 'Cartes');
    expect(cartes.rate).toMatchObject({ kind: 'discount', value: '30', source: 'family' });
    expect(figures(cell(cartes, 0, 0))['net-ht']).toBe(1400);
    // Flyers has no reseller override: its level's family override still applies.
    expect(family(grid, 'Flyers').rate).toMatchObject({ source: 'family', value: '0.6' });
  });
});

describe('priceResellerGrid: figures per family', () => {
  it('net HT only without VAT, net TTC only where the family has a VAT rate', () => {
    const grid = gridOf(priceResellerGrid(GRIDS, reseller({ level: 'Or' }), SETTINGS, 'Revendeurs'));
    const cartes = family(grid, 'Cartes');
    const flyers = family(grid, 'Flyers');
    expect(cartes.figures).toEqual(['net-ht', 'net-ttc']);
    expect(cartes.vat).toBe('20');
    expect(figures(cell(cartes, 0, 0))).toEqual({ 'net-ht': 1600, 'net-ttc': 1920 });
    expect(flyers.figures).toEqual(['net-ht']);
    expect(flyers.vat).toBeUndefined();
    expect(figures(cell(flyers, 0, 0))).toEqual({ 'net-ht': 8000 });
    expect(grid.rounding).toEqual({ step: 1, mode: 'nearest' });
    expect(grid.publicPrice).toBeUndefined();
  });

  it('with a markup: public TTC where VAT is known, public HT where it is not', () => {
    const settings: PricingSettings = {
      ...SETTINGS,
      publicPrice: { markup: '2', rounding: { step: 10, mode: 'up' }, roundOn: 'ttc' },
    };
    const grid = gridOf(priceResellerGrid(GRIDS, reseller({ level: 'Or' }), settings, 'Revendeurs'));
    const cartes = family(grid, 'Cartes');
    const flyers = family(grid, 'Flyers');
    expect(cartes.figures).toEqual(['net-ht', 'net-ttc', 'public-ttc']);
    // 20,00 × 0,8 = 16,00 HT; × 2 × 1,2 = 38,40 TTC (already on a 0,10 step).
    expect(figures(cell(cartes, 0, 0))).toEqual({ 'net-ht': 1600, 'net-ttc': 1920, 'public-ttc': 3840 });
    // 1 234,50 × 0,8 = 987,60; × 2 × 1,2 = 2 370,24 → 2 370,30 (0,10 up).
    expect(figures(cell(cartes, 1, 0))['public-ttc']).toBe(237030);
    expect(flyers.figures).toEqual(['net-ht', 'public-ht']);
    expect(figures(cell(flyers, 0, 0))).toEqual({ 'net-ht': 8000, 'public-ht': 16000 });
    expect(grid.publicPrice).toEqual(settings.publicPrice);
  });
});

describe('priceResellerGrid: cells', () => {
  it('keeps not-available cells as such, with why they are and their text, never 0', () => {
    const grid = gridOf(priceResellerGrid(GRIDS, reseller({ level: 'Or' }), SETTINGS, 'Revendeurs'));
    const cartes = family(grid, 'Cartes');
    expect(cell(cartes, 1, 1)).toEqual({ kind: 'not-available', why: 'dash', text: '–' });
    expect(cell(cartes, 2, 1)).toEqual({ kind: 'not-available', why: 'on-request', text: 'sur devis' });
    expect(cartes.tiers.map((t) => [t.quantity, t.label])).toEqual([
      [100, '100 ex.'],
      [1000, '1 000 ex.'],
      [5000, '5 000 ex.'],
    ]);
    expect(cell(cartes, 0, 1)).toMatchObject({ kind: 'price', base: 2500, ref: 'Cartes!C5' });
  });

  it('says where the minimum lifted a price, and only there', () => {
    const settings: PricingSettings = { ...SETTINGS, minimumCents: 500 };
    const grid = gridOf(priceResellerGrid(GRIDS, reseller({ level: 'Or' }), settings, 'Revendeurs'));
    const cartes = family(grid, 'Cartes');
    // 3,00 × 0,8 = 2,40 < 5,00.
    expect(cell(cartes, 2, 0)).toMatchObject({
      kind: 'price',
      minimumApplied: true,
      figures: { 'net-ht': 500, 'net-ttc': 600 },
    });
    expect(cell(cartes, 0, 0)).toMatchObject({ minimumApplied: false });
    expect(grid.minimumCents).toBe(500);
  });
});

describe('priceResellerGrid: a reseller that cannot be priced', () => {
  it('no rate at all → no grid and one error on its row, naming it', () => {
    const r = reseller({ row: 7, name: 'Sans Tarif SARL' });
    const result = priceResellerGrid(GRIDS, r, SETTINGS, 'Liste revendeurs');
    expect(result.grid).toBeUndefined();
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue).toMatchObject({
      severity: 'error',
      code: 'PRICING_NO_RATE',
      cell: { sheet: 'Liste revendeurs', row: 7 },
    });
    expect(issue!.ref).toBe(formatRef({ sheet: 'Liste revendeurs', row: 7 }));
    expect(issue!.ref).toBe("'Liste revendeurs'!7:7");
    expect(issue!.message.fr).toContain('Sans Tarif SARL');
    expect(issue!.message.en).toContain('Sans Tarif SARL');
    expect(issue!.message.fr).toMatch(/n'est pas produite/);
  });

  it('an unknown level → no grid, PRICING_UNKNOWN_LEVEL on Revendeurs!5:5', () => {
    const result = priceResellerGrid(GRIDS, reseller({ level: 'Platine' }), SETTINGS, 'Revendeurs');
    expect(result.grid).toBeUndefined();
    expect(result.issues).toEqual([
      expect.objectContaining({ code: 'PRICING_UNKNOWN_LEVEL', ref: 'Revendeurs!5:5', severity: 'error' }),
    ]);
    expect(result.issues[0]!.message.en).toContain('Platine');
  });
});

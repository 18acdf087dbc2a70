// Hand-made price grids and resellers for the price-grid stage's tests: small, readable, exact.
import type { GridCell, PriceGrid } from '../../../../main/engine/grid/grid-model.ts';
import type { Reseller } from '../../../../main/engine/resellers/reseller-model.ts';
import type { PricingSettings } from '../../../../main/engine/price-grid/price-reseller-grid.ts';

export const price = (cents: number, ref: string): GridCell => ({ kind: 'price', cents, ref });
export const onRequest: GridCell = {
  kind: 'not-available',
  why: 'on-request',
  text: 'sur devis',
  ref: "'Cartes'!E9",
};
export const dash: GridCell = { kind: 'not-available', why: 'dash', text: '–', ref: "'Cartes'!C9" };

/** Two families: « Cartes » (a « sur devis » and a dash cell) and « Flyers ». */
export const GRIDS: PriceGrid[] = [
  {
    sheet: 'Cartes',
    format: 'matrix',
    families: [
      {
        name: 'Cartes',
        variants: ['Mat recto', 'Mat recto/verso'],
        tiers: [
          {
            quantity: 100,
            row: 5,
            label: '100 ex.',
            cells: [price(2000, 'Cartes!B5'), price(2500, 'Cartes!C5')],
          },
          { quantity: 1000, row: 6, label: '1 000 ex.', cells: [price(123450, 'Cartes!B6'), dash] },
          { quantity: 5000, row: 7, label: '5 000 ex.', cells: [price(300, 'Cartes!B7'), onRequest] },
        ],
      },
      {
        name: 'Flyers',
        variants: ['A5 recto'],
        tiers: [
          { quantity: 250, row: 11, label: '250', cells: [price(10000, 'Cartes!B11')] },
          { quantity: 500, row: 12, label: '500', cells: [price(15000, 'Cartes!B12')] },
        ],
      },
    ],
  },
];

export const reseller = (over: Partial<Reseller> = {}): Reseller => ({
  row: 5,
  name: 'Dupont & Fils',
  ...over,
});

export const SETTINGS: PricingSettings = {
  levels: { Or: { kind: 'discount', percent: '20' }, Argent: { kind: 'coefficient', value: '0.9' } },
  vatByFamily: { Cartes: '20' },
  familyRates: { reseller: {}, level: {} },
};

// The three pieces of the price grids, read together as `catalog grid` will chain them: a grid sheet
// and a reseller sheet of one workbook, each reseller's net price for every cell computed by the
// engine, and the same prices worked out here by hand (integer cents, rounded up to 0.05, VAT 5.5 %).
import { describe, expect, it } from 'vitest';
import type { RawSheet } from '../../../main/engine/model.ts';
import { readPriceGrid } from '../../../main/engine/grid/read-price-grid.ts';
import { priceCell, type PricingContext } from '../../../main/engine/pricing/reseller-price.ts';
import { findResellerSheet } from '../../../main/engine/resellers/find-reseller-sheet.ts';
import { readResellers } from '../../../main/engine/resellers/read-resellers.ts';
import { rawSheet, rowsFrom } from './import/raw-sheet.ts';

const grid: RawSheet = rawSheet(
  rowsFrom([
    ['Flyers A5'],
    ['Quantité', 'Couché 135 g', 'Couché 350 g'],
    ['100 ex.', 25, 31.5],
    ['250 ex.', 39.9, 'sur devis'],
    ['1 000 ex.', '59,00 €', 72.45],
  ]),
  { name: 'Tarifs', merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] },
);

const resellers: RawSheet = rawSheet(
  rowsFrom([
    ['Revendeur', 'Niveau', 'Remise', 'Coefficient', 'Email'],
    ['Imprimerie Dupont', 'Or', '', '', 'contact@dupont.fr'],
    ['Print Express', 'Argent', '12,5 %', '', 'pao@printexpress.fr'],
    ['Studio Lune', '', '', 0.9, 'bonjour@studiolune.fr'],
  ]),
  { name: 'Revendeurs' },
);

/** By hand: base × (1 − discount) or × coefficient, up to the next 5 cents; TTC at 5.5 %, half up. */
function expected(base: number, multiplier: number): { ht: number; ttc: number } {
  const exact = base * multiplier;
  const ht = Math.ceil(Math.round(exact * 1000) / 1000 / 5) * 5;
  return { ht, ttc: Math.round((ht * 1055) / 1000 + 1e-9) };
}

describe('a price grid priced for each reseller', () => {
  it('reads both sheets of the workbook and prices every cell as worked out by hand', () => {
    const { grid: priceGrid, issues } = readPriceGrid(grid);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    const family = priceGrid.families[0]!;
    expect(family.name).toBe('Flyers A5');
    expect(family.tiers.map((t) => t.quantity)).toEqual([100, 250, 1000]);

    const match = findResellerSheet([grid, resellers])!;
    expect(match.sheet).toBe('Revendeurs');
    const { list } = readResellers(resellers, match, { knownLevels: ['Or', 'Argent'] });
    expect(list.resellers.map((r) => r.name)).toEqual(['Imprimerie Dupont', 'Print Express', 'Studio Lune']);

    const multiplier: Record<string, number> = {
      'Imprimerie Dupont': 0.8, // level Or: 20 %
      'Print Express': 0.875, // its own 12.5 % wins over Argent's 10 %
      'Studio Lune': 0.9, // coefficient
    };
    for (const reseller of list.resellers) {
      const context: PricingContext = {
        family: family.name,
        reseller: {
          name: reseller.name,
          ...(reseller.level ? { level: reseller.level } : {}),
          ...(reseller.rate ? { rate: reseller.rate } : {}),
        },
        levels: { Or: { kind: 'discount', percent: '20' }, Argent: { kind: 'discount', percent: '10' } },
        rounding: { step: 5, mode: 'up' },
        vatByFamily: { 'Flyers A5': '5.5' },
      };
      for (const tier of family.tiers)
        tier.cells.forEach((cell) => {
          if (cell.kind === 'not-available') {
            // « sur devis » stays not available: never a price, never 0.
            expect(priceCell({ kind: 'not-available', said: cell.text }, context)).toMatchObject({
              kind: 'not-available',
            });
            return;
          }
          const priced = priceCell(cell.cents, context);
          if (priced.kind !== 'priced') throw new Error('expected a price');
          expect(priced.net).toEqual(expected(cell.cents, multiplier[reseller.name]!));
        });
    }
  });
});

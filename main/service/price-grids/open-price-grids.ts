// What the Resellers step and `catalog grid --list` show before anything is built: the grids found,
// the resellers with their level and rate, the workbook's currency and tax basis, every issue.
import type { GridOpenRequest, GridOpenResult } from '../../api/grid-contract.ts';
import { priceResellerGrid } from '../../engine/price-grid/price-reseller-grid.ts';
import type { Hooks } from '../open-source.ts';
import { resellerSummary } from './grid-summary.ts';
import { readGridWorkbook } from './read-grid-workbook.ts';
import { pricingSettings } from './reseller-tasks.ts';

export async function openPriceGrids(request: GridOpenRequest, hooks: Hooks = {}): Promise<GridOpenResult> {
  const workbook = await readGridWorkbook(request, hooks);
  const { settings, grids } = workbook;
  const issues = [...workbook.issues];
  const pricing = pricingSettings(workbook, issues);
  const resellers = workbook.resellers.resellers.map((reseller) => {
    // Priced now so a reseller without a rate is flagged before the batch, on its row.
    const priced = priceResellerGrid(grids, reseller, pricing, workbook.resellers.sheet);
    issues.push(...priced.issues);
    return resellerSummary(reseller, priced.grid);
  });
  return {
    file: workbook.file,
    resellerSheet: workbook.resellers.sheet,
    gridSheets: grids.map((g) => g.sheet),
    families: grids.flatMap((g) =>
      g.families.map((f) => ({
        name: f.name,
        sheet: g.sheet,
        variants: f.variants,
        tiers: f.tiers.map((t) => t.quantity),
        ...(settings.vatByFamily[f.name] !== undefined ? { vat: settings.vatByFamily[f.name] } : {}),
      })),
    ),
    resellers,
    ...(settings.currency ? { currency: settings.currency } : {}),
    ...(settings.taxBasis ? { basis: settings.taxBasis } : {}),
    issues,
  };
}

// One reseller's price list: every family of the supplier's grids priced with the rate that applies
// to this reseller (family override, negotiated rate, level), the rounding rule, the minimum, VAT and
// the suggested public price. Plain data for the layout, the tagged text and the summary; a reseller
// that cannot be priced (no rate at all, an unknown level) is an issue on its row, not a guess.
import { formatRef } from '../common/cell-ref.ts';
import { isCatalogError } from '../errors.ts';
import type { Issue, Translated } from '../model.ts';
import type { GridNotAvailableCell, PriceGrid } from '../grid/grid-model.ts';
import type { Reseller } from '../resellers/reseller-model.ts';
import type { RoundingRule } from '../pricing/rounding.ts';
import {
  keyedByName,
  priceCell,
  resolveRate,
  type AppliedRate,
  type PricingContext,
  type RateSpec,
} from '../pricing/reseller-price.ts';

/** What pricing needs from the workbook's settings (and the user's flags over them). */
export type PricingSettings = {
  levels: Record<string, RateSpec>;
  vatByFamily: Record<string, string>;
  familyRates: {
    reseller: Record<string, Record<string, RateSpec>>;
    level: Record<string, Record<string, RateSpec>>;
  };
  rounding?: RoundingRule | undefined;
  minimumCents?: number | undefined;
  publicPrice?: PricingContext['publicPrice'];
};

/** A figure a price cell can print: the reseller's net price and the suggested public price, HT or TTC. */
export type GridFigure = 'net-ht' | 'net-ttc' | 'public-ht' | 'public-ttc';
export const GRID_FIGURES: readonly GridFigure[] = ['net-ht', 'net-ttc', 'public-ht', 'public-ttc'];

export type PricedGridCell =
  | {
      kind: 'price';
      /** In cents, the figures this family prints (see `PricedFamily.figures`). */
      figures: Partial<Record<GridFigure, number>>;
      /** The supplier's base price in cents and where it was read: the summary and tests trace it. */
      base: number;
      ref: string;
      minimumApplied: boolean;
    }
  | { kind: 'not-available'; why: GridNotAvailableCell['why']; text: string };

export type PricedTier = { quantity: number; label: string; cells: PricedGridCell[] };

export type PricedFamily = {
  name: string;
  variants: string[];
  /** VAT in percent when the workbook gave one for this family (`5.5`); never defaulted. */
  vat?: string;
  rate: Omit<AppliedRate, 'why'> & { why: Translated };
  /** Figures printed under each variant, in order; TTC only with a VAT rate, public only with a markup. */
  figures: GridFigure[];
  tiers: PricedTier[];
};

export type ResellerGrid = {
  reseller: Reseller;
  families: PricedFamily[];
  /** The rule every net price was rounded by (cent rounding when none was given). */
  rounding: RoundingRule;
  /** How the suggested public price was made, when the workbook asks for one. */
  publicPrice?: NonNullable<PricingContext['publicPrice']>;
  /** The minimum net price, in cents, when there is one. */
  minimumCents?: number;
};

export type PriceResellerResult =
  { grid: ResellerGrid; issues: Issue[] } | { grid?: undefined; issues: Issue[] };

/** Cent rounding when the workbook and the user name no rule: rounding to the cent invents nothing. */
const CENT: RoundingRule = { step: 1, mode: 'nearest' };

/** Family overrides for this reseller: its own win over its level's, family by family. */
function familyRatesFor(settings: PricingSettings, reseller: Reseller): Record<string, RateSpec> {
  return {
    ...(keyedByName(settings.familyRates.level, reseller.level) ?? {}),
    ...(keyedByName(settings.familyRates.reseller, reseller.name) ?? {}),
  };
}

function contextFor(settings: PricingSettings, reseller: Reseller, family: string): PricingContext {
  const familyRates = familyRatesFor(settings, reseller);
  return {
    family,
    reseller: {
      name: reseller.name,
      ...(reseller.level ? { level: reseller.level } : {}),
      ...(reseller.rate
        ? {
            rate:
              reseller.rate.kind === 'discount'
                ? { kind: 'discount', percent: reseller.rate.percent }
                : { kind: 'coefficient', value: reseller.rate.value },
          }
        : {}),
    },
    levels: settings.levels,
    familyRates,
    rounding: settings.rounding ?? CENT,
    ...(settings.minimumCents !== undefined ? { minimumCents: settings.minimumCents } : {}),
    ...(settings.publicPrice ? { publicPrice: settings.publicPrice } : {}),
    vatByFamily: settings.vatByFamily,
  };
}

function figuresFor(settings: PricingSettings, vat: string | undefined): GridFigure[] {
  const figures: GridFigure[] = ['net-ht'];
  if (vat !== undefined) figures.push('net-ttc');
  // The public price is shown as the public reads it: TTC when VAT is known, else HT.
  if (settings.publicPrice) figures.push(vat !== undefined ? 'public-ttc' : 'public-ht');
  return figures;
}

/**
 * Prices every cell of `grids` for `reseller`. `resellerSheet` names the sheet the reseller was read
 * from, so an issue points at its row.
 */
export function priceResellerGrid(
  grids: readonly PriceGrid[],
  reseller: Reseller,
  settings: PricingSettings,
  resellerSheet: string,
): PriceResellerResult {
  const families: PricedFamily[] = [];
  try {
    for (const grid of grids)
      for (const family of grid.families) {
        const context = contextFor(settings, reseller, family.name);
        const { exact: _exact, ...rate } = resolveRate(context);
        const vat = keyedByName(settings.vatByFamily, family.name);
        const figures = figuresFor(settings, vat);
        const tiers = family.tiers.map((tier) => ({
          quantity: tier.quantity,
          label: tier.label,
          cells: tier.cells.map((cell): PricedGridCell => {
            if (cell.kind === 'not-available')
              return { kind: 'not-available', why: cell.why, text: cell.text };
            const priced = priceCell(cell.cents, context);
            if (priced.kind !== 'priced') return { kind: 'not-available', why: 'empty', text: '' };
            const values: Partial<Record<GridFigure, number>> = {
              'net-ht': priced.net.ht,
              ...(priced.net.ttc !== undefined ? { 'net-ttc': priced.net.ttc } : {}),
              ...(priced.public ? { 'public-ht': priced.public.ht } : {}),
              ...(priced.public?.ttc !== undefined ? { 'public-ttc': priced.public.ttc } : {}),
            };
            return {
              kind: 'price',
              figures: Object.fromEntries(figures.map((f) => [f, values[f]])),
              base: cell.cents,
              ref: cell.ref,
              minimumApplied: priced.minimumApplied,
            };
          }),
        }));
        families.push({
          name: family.name,
          variants: family.variants,
          ...(vat !== undefined ? { vat } : {}),
          rate,
          figures,
          tiers,
        });
      }
  } catch (error) {
    if (!isCatalogError(error)) throw error;
    const cell = { sheet: resellerSheet, row: reseller.row };
    return {
      issues: [
        {
          severity: 'error',
          code: error.code,
          message: {
            fr: `${error.text.fr} : sa liste de prix n'est pas produite.`,
            en: `${error.text.en}: no price list is made for this reseller.`,
          },
          ref: formatRef(cell),
          cell,
        },
      ],
    };
  }
  return {
    grid: {
      reseller,
      families,
      rounding: settings.rounding ?? CENT,
      ...(settings.publicPrice ? { publicPrice: settings.publicPrice } : {}),
      ...(settings.minimumCents !== undefined ? { minimumCents: settings.minimumCents } : {}),
    },
    issues: [],
  };
}

// A price workbook's own pricing settings, as its optional settings sheets state them: level rates,
// VAT per family, per-reseller or per-level family rates, and the key | value conditions (supplier,
// currency, validity, rounding…). Everything is what the workbook said, nothing more: no default
// VAT, currency or discount. Rates and percents stay exact decimal strings, as the reseller list's do.
import { z } from 'zod';
import { RateSpec } from '../pricing/reseller-price.ts';
import { RoundingRule } from '../pricing/rounding.ts';
import { DecimalString } from '../resellers/reseller-model.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PublicPriceSetting = z.object({
  /** Public price = net HT × markup: `'1.8'`. */
  markup: DecimalString,
  rounding: RoundingRule,
  roundOn: z.enum(['ht', 'ttc']),
});
export type PublicPriceSetting = z.infer<typeof PublicPriceSetting>;

export const SupplierIdentity = z.object({
  name: z.string().optional(),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  website: z.string().optional(),
  /** A file name, as written; the engine never reads the file. */
  logo: z.string().optional(),
});
export type SupplierIdentity = z.infer<typeof SupplierIdentity>;

export const GridSettings = z.object({
  /** Level name → rate: Bronze → 5 % discount, Platine → coefficient 0.8. */
  levels: z.record(z.string(), RateSpec).default({}),
  /** Family → VAT in percent, a dot decimal: `'20'`, `'5.5'`. A family without one gets no TTC. */
  vatByFamily: z.record(z.string(), DecimalString).default({}),
  /** Family overrides: reseller (or level) name → family → rate. */
  familyRates: z
    .object({
      reseller: z.record(z.string(), z.record(z.string(), RateSpec)).default({}),
      level: z.record(z.string(), z.record(z.string(), RateSpec)).default({}),
    })
    .default({ reseller: {}, level: {} }),
  rounding: RoundingRule.optional(),
  minimumCents: z.number().int().nonnegative().optional(),
  publicPrice: PublicPriceSetting.optional(),
  /** ISO 4217 code. */
  currency: z.string().optional(),
  /** Whether the grid's prices are before tax (`ht`) or tax included (`ttc`). */
  taxBasis: z.enum(['ht', 'ttc']).optional(),
  validity: z
    .object({ from: IsoDate.optional(), until: IsoDate.optional(), text: z.string().optional() })
    .optional(),
  /** Terms of sale, one paragraph each, in the workbook's order. */
  terms: z.array(z.string()).default([]),
  title: z.string().optional(),
  supplier: SupplierIdentity.optional(),
});
export type GridSettings = z.infer<typeof GridSettings>;

/** Which sheet each kind of setting was read from. */
export type UsedSettingsSheets = {
  levels?: string;
  families?: string;
  familyRates?: string;
  conditions?: string;
};

/**
 * Later sources win key by key (the CLI's flags over the workbook): a record merges entry by entry,
 * the supplier and validity field by field, anything else given replaces. `undefined` never erases.
 */
export function mergeGridSettings(base: GridSettings, over: Partial<GridSettings>): GridSettings {
  const given = Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined));
  const merged: GridSettings = { ...base, ...given };
  merged.levels = { ...base.levels, ...over.levels };
  merged.vatByFamily = { ...base.vatByFamily, ...over.vatByFamily };
  merged.familyRates = {
    reseller: { ...base.familyRates.reseller, ...over.familyRates?.reseller },
    level: { ...base.familyRates.level, ...over.familyRates?.level },
  };
  if (base.supplier || over.supplier) merged.supplier = { ...base.supplier, ...over.supplier };
  if (base.validity || over.validity) merged.validity = { ...base.validity, ...over.validity };
  return merged;
}

// The price grids' requests and answers: reading a print-trade workbook (its grids, reseller list and
// settings) and building one price list per reseller. Plain data, parsed on every side like the rest
// of the contract.
import { z } from 'zod';
import { Issue, Lang } from '../engine/model.ts';

/** A workbook of price grids, and where its resellers are. */
export const GridSource = z.object({
  file: z.string().min(1),
  /** A sheet of the workbook, or the path of a separate file; a sheet that looks like one when absent. */
  resellers: z.string().optional(),
  /** The reseller sheet's column holding passwords (its header or its letter); found by header when absent. */
  passwordColumn: z.string().optional(),
  /** Over the workbook's: `0.05:up`, `.90:nearest`… (see parseRoundingRule). */
  rounding: z.string().optional(),
  /** Where reseller logos are: the workbook's `logos/` folder, then its own, when absent. */
  logos: z.string().optional(),
});
export type GridSource = z.infer<typeof GridSource>;

export const GridOpenRequest = GridSource.extend({ lang: Lang.optional() });
export type GridOpenRequest = z.infer<typeof GridOpenRequest>;

export const GridRequest = GridSource.extend({
  out: z.string().min(1),
  /** A price-grid template's id or the path of its `.json`. */
  template: z.string().default('price-grid'),
  /** No supplier identity at all: name, logo, address, PDF author. */
  whiteLabel: z.boolean().optional(),
  /** Which files per reseller. */
  outputs: z
    .array(z.enum(['print', 'screen', 'tagged-text']))
    .min(1)
    .default(['print', 'screen', 'tagged-text']),
  /** Encrypt the screen PDF of each reseller that has a password (printing allowed, copying not). */
  encrypt: z.boolean().default(true),
  /** Only these resellers (their names as in the sheet); all when absent. */
  only: z.array(z.string()).optional(),
  textVariant: z.enum(['win', 'mac']).default('win'),
  /** Threads for the batch; one per core when absent. */
  workers: z.number().int().min(1).max(64).optional(),
  /** The language of everything not addressed to a reseller (the summary); each list speaks its reseller's. */
  lang: Lang,
});
export type GridRequest = z.infer<typeof GridRequest>;
export type GridRequestInput = z.input<typeof GridRequest>;

export const GridRateSummary = z.object({
  kind: z.enum(['discount', 'coefficient']),
  value: z.string(),
  source: z.enum(['family', 'reseller', 'level']),
});

export const GridResellerSummary = z.object({
  name: z.string(),
  row: z.number().int(),
  level: z.string().optional(),
  /** The rate most of its families get; family overrides are in the list itself. */
  rate: GridRateSummary.optional(),
  locale: z.string().optional(),
  logo: z.string().optional(),
  /** Whether a password was given; the password itself never leaves the service. */
  protected: z.boolean(),
});
export type GridResellerSummary = z.infer<typeof GridResellerSummary>;

export const GridFamilySummary = z.object({
  name: z.string(),
  sheet: z.string(),
  variants: z.array(z.string()),
  tiers: z.array(z.number().int()),
  vat: z.string().optional(),
});

export const GridOpenResult = z.object({
  file: z.string(),
  resellerSheet: z.string(),
  gridSheets: z.array(z.string()),
  families: z.array(GridFamilySummary),
  resellers: z.array(GridResellerSummary),
  currency: z.string().optional(),
  basis: z.enum(['ht', 'ttc']).optional(),
  issues: z.array(Issue),
});
export type GridOpenResult = z.infer<typeof GridOpenResult>;

export const GridOutputFile = z.object({
  kind: z.enum(['print', 'screen', 'tagged-text']),
  path: z.string(),
  pages: z.number().int().optional(),
  bytes: z.number().int(),
  encrypted: z.boolean(),
});

export const GridBuilt = GridResellerSummary.extend({ files: z.array(GridOutputFile) });
export type GridBuilt = z.infer<typeof GridBuilt>;

export const GridBuildResult = z.object({
  status: z.enum(['built', 'refused']),
  resellers: z.array(GridBuilt),
  /** Resellers that could not be priced (no rate, unknown level): named in `issues`. */
  skipped: z.array(z.string()),
  /** The summary table (CSV), never with passwords. */
  summary: z.string().optional(),
  issues: z.array(Issue),
});
export type GridBuildResult = z.infer<typeof GridBuildResult>;

/** One reseller's list, a few pages of it as a screen PDF: what the Resellers step shows. */
export const GridPreviewRequest = GridSource.extend({
  reseller: z.string().min(1),
  template: z.string().default('price-grid'),
  whiteLabel: z.boolean().optional(),
  from: z.number().int().min(1).default(1),
  to: z.number().int().min(1).optional(),
  lang: Lang,
});
export type GridPreviewRequest = z.infer<typeof GridPreviewRequest>;

export const GridPreviewResponse = z.object({
  pdf: z.instanceof(Uint8Array),
  pages: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
  issues: z.array(Issue),
});
export type GridPreviewResponse = z.infer<typeof GridPreviewResponse>;

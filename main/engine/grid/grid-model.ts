// A price grid as read from a sheet: families (product blocks), each a table of quantity tiers ×
// variants. Plain data with schemas, because it crosses to the service, the CLI --json and workers.
// A cell is a price in integer cents or says why there is none: a missing price is never 0.
import { z } from 'zod';

export const NotAvailableWhy = z.enum([
  /** The cell is blank (or, in a long-format sheet, nobody wrote that combination). */
  'empty',
  /** « N/A », « NA », « n.d. », « non disponible »… */
  'na',
  /** « – », « - », « — ». */
  'dash',
  /** « sur devis », « on request », « nous consulter »… */
  'on-request',
  /** Text that is neither a price nor a known "not available" word: reported as an issue, never guessed. */
  'invalid',
]);
export type NotAvailableWhy = z.infer<typeof NotAvailableWhy>;

export const GridPriceCell = z.object({
  kind: z.literal('price'),
  /** Net price in cents, exactly as the cell holds it (rounded half up only past the cent). */
  cents: z.number().int().nonnegative(),
  /** The ISO code when the cell itself writes a currency (`12,50 €`); never assumed. */
  currency: z.string().optional(),
  ref: z.string(),
});
export type GridPriceCell = z.infer<typeof GridPriceCell>;

export const GridNotAvailableCell = z.object({
  kind: z.literal('not-available'),
  why: NotAvailableWhy,
  /** The cell's text as written ('' when blank), so a layout can print « sur devis » as such. */
  text: z.string(),
  /** Absent only when no cell says it: a long-format combination that was never written. */
  ref: z.string().optional(),
});
export type GridNotAvailableCell = z.infer<typeof GridNotAvailableCell>;

export const GridCell = z.discriminatedUnion('kind', [GridPriceCell, GridNotAvailableCell]);
export type GridCell = z.infer<typeof GridCell>;

export const GridTier = z.object({
  quantity: z.number().int().positive(),
  /** Sheet row the tier was read from (the first one mentioning it, in a long-format sheet). */
  row: z.number().int(),
  /** The quantity as written: « 1 000 ex. ». */
  label: z.string(),
  /** Aligned with the family's `variants`. */
  cells: z.array(GridCell),
});
export type GridTier = z.infer<typeof GridTier>;

export const GridFamily = z.object({
  name: z.string(),
  /** Row of the title naming the family; absent when the name comes from the header's corner or the sheet. */
  titleRow: z.number().int().optional(),
  /** Row of the variant headers (matrix sheets) or of the column headers (long-format sheets). */
  headerRow: z.number().int().optional(),
  /** Column headers, as written. */
  variants: z.array(z.string()),
  tiers: z.array(GridTier),
});
export type GridFamily = z.infer<typeof GridFamily>;

export const GridFormat = z.enum(['matrix', 'long']);
export type GridFormat = z.infer<typeof GridFormat>;

export const PriceGrid = z.object({
  sheet: z.string(),
  format: GridFormat,
  families: z.array(GridFamily),
});
export type PriceGrid = z.infer<typeof PriceGrid>;

export type GridReadOptions = {
  /** The file's decimal separator when known: it settles `1.000` and `1,250`, and nothing else. */
  decimal?: ',' | '.';
};

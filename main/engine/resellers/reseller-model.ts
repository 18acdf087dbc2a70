// A reseller list as read from a sheet: plain data the pricing and the batch outputs consume.
// Rates stay exact decimal strings, as the sheet said them: a float would turn a 12,5 % discount
// into a cent off somewhere in a 40-reseller batch, and pricing works in integer cents from these.
import { z } from 'zod';

/** A non-negative decimal written with a dot and no exponent: `15`, `12.5`, `0.85`. */
export const DecimalString = z.string().regex(/^\d+(\.\d+)?$/);

export const ResellerRate = z.discriminatedUnion('kind', [
  /** Net = base × (1 − percent / 100); `percent` in points, 0 to 100: `'15'`, `'12.5'`. */
  z.object({ kind: z.literal('discount'), percent: DecimalString }),
  /** Net = base × value: `'0.85'`, `'1.2'`; always above 0. */
  z.object({ kind: z.literal('coefficient'), value: DecimalString }),
]);
export type ResellerRate = z.infer<typeof ResellerRate>;

export const Reseller = z.object({
  /** The sheet row it was read from (Excel's number), so every later issue can name it. */
  row: z.number().int(),
  name: z.string().min(1),
  level: z.string().optional(),
  /** The reseller's own negotiated rate; absent, the level's rate applies (if there is one). */
  rate: ResellerRate.optional(),
  email: z.string().optional(),
  /** The logo's file name as written in the sheet; the engine never reads the file. */
  logo: z.string().optional(),
  /** Kept to encrypt the reseller's PDF; never printed in a message, a log or a summary. */
  password: z.string().optional(),
  /** A BCP 47 tag: `fr-FR`, `en-GB`, `fr-BE`… */
  locale: z.string().optional(),
});
export type Reseller = z.infer<typeof Reseller>;

export const ResellerList = z.object({
  sheet: z.string(),
  resellers: z.array(Reseller),
  /** Every distinct level the list uses, in order of first appearance. */
  levels: z.array(z.string()),
});
export type ResellerList = z.infer<typeof ResellerList>;

/** What a column of the reseller sheet holds. */
export const ResellerColumnRole = z.enum([
  'name',
  'level',
  'discount',
  'coefficient',
  'email',
  'logo',
  'password',
  'locale',
]);
export type ResellerColumnRole = z.infer<typeof ResellerColumnRole>;

export const ResellerColumn = z.object({
  /** 0-based, as in `RawRow.cells`. */
  index: z.number().int(),
  letter: z.string(),
  header: z.string(),
});
export type ResellerColumn = z.infer<typeof ResellerColumn>;

export const ResellerColumns = z.partialRecord(ResellerColumnRole, ResellerColumn);
export type ResellerColumns = z.infer<typeof ResellerColumns>;

/** Where the reseller list sits: its sheet, its header row and which column holds what. */
export const ResellerSheetMatch = z.object({
  sheet: z.string(),
  headerRow: z.number().int(),
  columns: ResellerColumns,
  /** How much the header row looks like a reseller list; higher is surer. */
  score: z.number(),
});
export type ResellerSheetMatch = z.infer<typeof ResellerSheetMatch>;

// A mapping says which column(s) of a workbook feed each field of a template, and how their text is
// reshaped on the way. It is saved as a profile (JSON) and re-applied to next month's file, so it
// is validated strictly: a typo in a hand-edited profile ("transfrom") must be reported, not ignored.
import { z } from 'zod';

export const CaseStyle = z.enum(['upper', 'lower', 'title', 'sentence']);
export type CaseStyle = z.infer<typeof CaseStyle>;

export const Transform = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('trim') }),
  z.strictObject({ op: z.literal('case'), to: CaseStyle }),
  z.strictObject({ op: z.literal('prefix'), value: z.string() }),
  z.strictObject({ op: z.literal('suffix'), value: z.string() }),
  /** Used when the value is empty at this point of the chain. */
  z.strictObject({ op: z.literal('default'), value: z.string() }),
  /** Whole-value lookup, matched after trim, case- and accent-insensitively; unmatched values pass through. */
  z.strictObject({ op: z.literal('map'), values: z.record(z.string(), z.string()) }),
  /** Plain text (not a regular expression), every occurrence. */
  z.strictObject({ op: z.literal('replace'), find: z.string().min(1), with: z.string() }),
]);
export type Transform = z.infer<typeof Transform>;

/**
 * A column is identified by its header text so that a profile still applies when next month's file
 * has its columns moved; the letter only tells the user where it was when the profile was made.
 */
export const ColumnRef = z.strictObject({
  header: z.string(),
  letter: z.string().optional(),
});
export type ColumnRef = z.infer<typeof ColumnRef>;

export const FieldMapping = z.strictObject({
  columns: z.array(ColumnRef).min(1),
  /** Joins the non-empty values when several columns feed one field. */
  separator: z.string().default(' '),
  transforms: z.array(Transform).default([]),
});
export type FieldMapping = z.infer<typeof FieldMapping>;
/** What a caller may write: `separator` and `transforms` can be left out. */
export type FieldMappingInput = z.input<typeof FieldMapping>;

export const Mapping = z.strictObject({
  version: z.literal(1),
  /** Id of the template the field ids belong to. */
  template: z.string(),
  /** Sheet the profile was made on; absent means the workbook's default sheet. */
  sheet: z.string().optional(),
  /** Keyed by template field id. */
  fields: z.record(z.string(), FieldMapping),
  /** Field id, or `@category` for the category rows found in the sheet. */
  groupBy: z.string().optional(),
  sortBy: z.array(z.string()).optional(),
});
export type Mapping = z.infer<typeof Mapping>;
export type MappingInput = z.input<typeof Mapping>;

// What the app's Layout step may change in a template without editing it: the page, the grid, the
// accent colour, grouping, sorting, running heads, front and back matter and which price shows. Every
// key is optional: absent means "as the template says", so a project saved today still reads the
// template's later improvements for everything the user did not touch.
import { z } from 'zod';
import { Cmyk } from '../engine/templates/layout-schema.ts';

const Millimetres = z.number().min(0).max(100);

export const LayoutSettings = z.strictObject({
  pageSize: z.enum(['A4', 'A5', 'A3', 'Letter']).optional(),
  orientation: z.enum(['portrait', 'landscape']).optional(),
  margins: z
    .strictObject({ top: Millimetres, right: Millimetres, bottom: Millimetres, left: Millimetres })
    .optional(),
  /** Cards across and down (grid templates). */
  columns: z.number().int().min(1).max(8).optional(),
  rows: z.number().int().min(1).max(12).optional(),
  /** CMYK percentages of the group headers, table headers and prices. */
  accent: Cmyk.optional(),
  /** A field id, `@category` for the sheet's category rows, or `''` for no grouping. */
  groupBy: z.string().optional(),
  sortBy: z.array(z.string()).optional(),
  newPagePerGroup: z.boolean().optional(),
  header: z.strictObject({ left: z.string().optional(), right: z.string().optional() }).optional(),
  footer: z.strictObject({ left: z.string().optional(), right: z.string().optional() }).optional(),
  cover: z.boolean().optional(),
  toc: z.boolean().optional(),
  index: z.boolean().optional(),
  /** Which price a card or row shows; a price with VAT still needs a known rate. */
  price: z.enum(['ht', 'ttc', 'both']).optional(),
  /** Facing pages (folios on the outer edge) or single pages. */
  facing: z.boolean().optional(),
  /** A product without its picture: a placeholder frame, or its text taking the room. */
  missingPicture: z.enum(['placeholder', 'collapse']).optional(),
  /** Where a proof (a build forced over errors) says so: across the page, or in the slug. */
  proof: z.enum(['across', 'slug']).optional(),
});
export type LayoutSettings = z.infer<typeof LayoutSettings>;

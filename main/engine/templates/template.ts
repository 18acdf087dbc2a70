// A layout template, as far as the data is concerned: the fields it lays out. The layout part
// (pages, grid, styles) joins this schema with the output engine.
import { z } from 'zod';
import { Translated } from '../model.ts';
import { PRICE_TTC } from '../format/field-text.ts';
import { Layout, PARAGRAPH_ROLES, Styles } from './layout-schema.ts';

export const FieldType = z.enum([
  'text',
  'richText',
  'number',
  'integer',
  'price',
  'percent',
  'ean',
  'boolean',
  'date',
  'image',
  'url',
]);
export type FieldType = z.infer<typeof FieldType>;

export const TemplateField = z.object({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/, 'letters, digits and _ only, starting with a letter'),
  label: Translated,
  type: FieldType,
  required: z.boolean().default(false),
  unique: z.boolean().default(false),
  maxLength: z.number().int().positive().optional(),
  /** Header words that mean this field, in any language ("Réf.", "SKU"); matched accent-insensitively. */
  synonyms: z.array(z.string()).default([]),
});
export type TemplateField = z.infer<typeof TemplateField>;

export const Template = z
  .object({
    id: z.string(),
    name: Translated,
    description: Translated.optional(),
    fields: z.array(TemplateField).min(1),
    /** Field to group by by default; `@category` means the sheet's category rows or category column. */
    groupBy: z.string().optional(),
    sortBy: z.array(z.string()).default([]),
    /** Paragraph and character styles by role; missing roles take the house styles. */
    styles: Styles.default({ paragraph: {}, character: {} }),
    /** How the catalog is laid out on pages; a data-only template cannot be built. */
    layout: Layout.optional(),
  })
  .superRefine((template, ctx) => {
    // Every later stage keys by field id: a repeated id would silently lose a field.
    const ids = new Set<string>();
    template.fields.forEach((field, i) => {
      if (ids.has(field.id))
        ctx.addIssue({
          code: 'custom',
          path: ['fields', i, 'id'],
          message: `duplicate field id "${field.id}"`,
        });
      ids.add(field.id);
    });
    if (template.groupBy && template.groupBy !== '@category' && !ids.has(template.groupBy))
      ctx.addIssue({ code: 'custom', path: ['groupBy'], message: `no field "${template.groupBy}"` });
    template.sortBy.forEach((id, i) => {
      if (!ids.has(id)) ctx.addIssue({ code: 'custom', path: ['sortBy', i], message: `no field "${id}"` });
    });
    const layout = template.layout;
    if (!layout) return;
    // A layout may only name fields the template has (or the computed price with VAT) and styles
    // that exist: otherwise the first build would fail far from the mistake.
    const printable = new Set([...ids, PRICE_TTC]);
    const styles = new Set([...PARAGRAPH_ROLES, ...Object.keys(template.styles.paragraph)]);
    layout.slots.forEach((slot, i) => {
      if (!printable.has(slot.field))
        ctx.addIssue({
          code: 'custom',
          path: ['layout', 'slots', i, 'field'],
          message: `no field "${slot.field}"`,
        });
      if (!styles.has(slot.style))
        ctx.addIssue({
          code: 'custom',
          path: ['layout', 'slots', i, 'style'],
          message: `no paragraph style "${slot.style}"`,
        });
    });
    layout.table?.columns.forEach((column, i) => {
      if (!printable.has(column.field))
        ctx.addIssue({
          code: 'custom',
          path: ['layout', 'table', 'columns', i, 'field'],
          message: `no field "${column.field}"`,
        });
    });
    if (layout.image && !ids.has(layout.image.field))
      ctx.addIssue({
        code: 'custom',
        path: ['layout', 'image', 'field'],
        message: `no field "${layout.image.field}"`,
      });
    // Grids and lists have house settings; a table cannot guess its columns.
    if (layout.kind === 'table' && !layout.table)
      ctx.addIssue({
        code: 'custom',
        path: ['layout', 'table'],
        message: 'a "table" layout needs its columns',
      });
  });
export type Template = z.infer<typeof Template>;

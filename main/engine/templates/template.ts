// A layout template, as far as the data is concerned: the fields it lays out. The layout part
// (pages, grid, styles) joins this schema with the output engine.
import { z } from 'zod';
import { Translated } from '../model.ts';

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

export const Template = z.object({
  id: z.string(),
  name: Translated,
  description: Translated.optional(),
  fields: z.array(TemplateField).min(1),
  /** Field to group by by default; `@category` means the category rows found in the sheet. */
  groupBy: z.string().optional(),
  sortBy: z.array(z.string()).default([]),
});
export type Template = z.infer<typeof Template>;

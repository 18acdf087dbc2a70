// A template with the common catalog fields, parsed by the real schema so defaults apply.
import { Template } from '../../../../main/engine/templates/template.ts';
import type { FieldType } from '../../../../main/engine/templates/template.ts';

export type FieldSpec = { id: string; type?: FieldType; synonyms?: string[]; fr?: string; en?: string };

export const makeTemplate = (
  fields: readonly (string | FieldSpec)[],
  options: { groupBy?: string; sortBy?: string[] } = {},
): Template =>
  Template.parse({
    id: 'fiche-produit',
    name: { fr: 'Fiche produit', en: 'Product sheet' },
    fields: fields.map((field) => {
      const spec = typeof field === 'string' ? { id: field } : field;
      return {
        id: spec.id,
        label: { fr: spec.fr ?? spec.id, en: spec.en ?? spec.id },
        type: spec.type ?? DEFAULT_TYPES[spec.id] ?? 'text',
        synonyms: spec.synonyms ?? [],
      };
    }),
    ...options,
  });

const DEFAULT_TYPES: Record<string, FieldType> = {
  price: 'price',
  priceTtc: 'price',
  vat: 'percent',
  ean: 'ean',
  image: 'image',
  minQty: 'integer',
  url: 'url',
  description: 'richText',
};

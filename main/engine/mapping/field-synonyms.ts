// Header words that usually mean a field, in French and English, so a fresh workbook maps itself
// without the user naming anything. Keyed by the field ids the built-in templates use; a template
// adds its own words through `TemplateField.synonyms`. Written as users type them (accents,
// punctuation): matching folds both sides, so "Réf." finds "ref" and "PU HT" finds "pu ht".
import type { TemplateField } from '../templates/template.ts';

export const BUILTIN_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  reference: [
    'réf',
    'ref.',
    'référence',
    'code article',
    'code',
    'article',
    'sku',
    'item no',
    'item number',
    'part number',
    'product code',
  ],
  name: [
    'désignation',
    'libellé',
    'nom',
    'nom du produit',
    'produit',
    'article name',
    'product name',
    'title',
    'name',
  ],
  description: ['description', 'descriptif', 'détail', 'texte'],
  price: [
    'prix',
    'prix ht',
    'pu ht',
    'prix unitaire ht',
    'tarif',
    'tarif ht',
    'prix public ht',
    'price',
    'unit price',
    'net price',
    'retail price',
    'rrp',
  ],
  // "Tarif TTC" and friends are listed so that they read as this field, never as `price`.
  priceTtc: ['prix ttc', 'pu ttc', 'price incl. vat', 'tarif ttc', 'prix public ttc', 'ttc'],
  unit: ['unité', 'conditionnement', 'cond.', 'colisage', 'unit', 'pack', 'uom'],
  vat: ['tva', 'taux tva', 'vat', 'vat rate', 'tax'],
  // "Code EAN" is spelled out: otherwise it would read as "Code …", a reference.
  ean: [
    'ean',
    'ean13',
    'ean 13',
    'code ean',
    'gencod',
    'gencode',
    'code barre',
    'code barres',
    'code-barres',
    'barcode',
    'gtin',
    'upc',
  ],
  image: ['photo', 'image', 'visuel', 'illustration', 'picture', 'img', 'fichier image'],
  brand: ['marque', 'fabricant', 'brand', 'manufacturer'],
  category: ['famille', 'catégorie', 'rayon', 'gamme', 'category', 'family', 'collection', 'range'],
  color: ['couleur', 'coloris', 'colour', 'color'],
  sizes: ['tailles', 'taille', 'pointures', 'sizes', 'size'],
  minQty: ['qté mini', 'quantité minimum', 'minimum', 'moq', 'min qty'],
  stock: ['stock', 'disponibilité', 'availability'],
  weight: ['poids', 'weight'],
  url: ['lien', 'url', 'site', 'link'],
};

/**
 * Words that, next to a synonym, mean something else: a purchase or cost price is not the selling
 * price, a price "TTC" includes VAT, and the name of a picture is not the product's name. "Prix achat" starts like "Prix", so without this it would
 * be offered for `price` whenever no better column exists.
 */
export const BUILTIN_EXCLUSIONS: Readonly<Record<string, readonly string[]>> = {
  price: ['ttc', 'achat', 'revient', 'cost', 'purchase', 'incl'],
  // "Nom image", "Nom du fichier photo" name a picture file, not the product.
  name: ['image', 'photo', 'visuel', 'fichier', 'file'],
};

const builtinKey = (id: string): string | undefined => {
  if (Object.hasOwn(BUILTIN_SYNONYMS, id)) return id;
  // Templates written by hand may say "Reference" or "PRICE".
  const lower = id.toLowerCase();
  return Object.keys(BUILTIN_SYNONYMS).find((key) => key.toLowerCase() === lower);
};

/** Built-in words for a field id (empty when the id is not a common one). */
export const builtinSynonyms = (id: string): readonly string[] => {
  const key = builtinKey(id);
  return key === undefined ? [] : (BUILTIN_SYNONYMS[key] ?? []);
};

export const builtinExclusions = (id: string): readonly string[] => {
  const key = builtinKey(id);
  return key === undefined ? [] : (BUILTIN_EXCLUSIONS[key] ?? []);
};

/**
 * Every header text that names the field exactly: its id, both labels, its own synonyms and the
 * built-in ones. Not folded: callers fold with the same function they fold headers with.
 */
export const fieldSynonyms = (field: Pick<TemplateField, 'id' | 'label' | 'synonyms'>): string[] => [
  ...new Set([field.id, field.label.fr, field.label.en, ...field.synonyms, ...builtinSynonyms(field.id)]),
];

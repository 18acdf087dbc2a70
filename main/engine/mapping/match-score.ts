// How well a column header names a field. Shared by `suggestMapping` (fresh workbook) and
// `resolveMapping` (a saved profile meeting next month's file) so both read headers the same way.
import type { SourceColumn, SourceTable } from '../model.ts';
import type { FieldType, TemplateField } from '../templates/template.ts';
import { foldForMatch } from '../values/normalize-text.ts';
import { BUILTIN_SYNONYMS, builtinExclusions, builtinSynonyms, fieldSynonyms } from './field-synonyms.ts';
import { isPictureColumn } from './picture-column.ts';

/** Below this a column is not offered for a field at all. */
export const MIN_SCORE = 0.6;

export const EXACT = 1;
/** A header that is only a generic word ("Produits", "Article"), exact but outranked by a specific one. */
export const GENERIC_EXACT = 0.9;
/** "Prix HT 2026", "Réf. fournisseur": the header starts with a synonym and says more. */
export const PREFIX = 0.85;
/** "Prix de vente HT": every word of a synonym is there, in another order or with words between. */
export const WORDS = 0.7;
/**
 * A column whose cells are picture files, offered for a picture field whatever its header says
 * ("Fichier", "[K]"): below a header that names the field, above the threshold.
 */
export const PICTURE_VALUES = 0.8;

/** A hidden column is usually a working column (purchase price, margin) the client hid on purpose. */
const HIDDEN_PENALTY = 0.15;
/**
 * When another field names the header better ("Prix TTC" is `priceTtc` before it is `price`), the
 * weaker reading drops below the threshold: it is a different column, not a worse one.
 */
const RIVAL_PENALTY = 0.35;

/** A field as the matcher sees it: the folded words that name it, and the words that rule it out. */
export type FieldMeaning = {
  id: string;
  type?: FieldType;
  phrases: string[][];
  exclusions: ReadonlySet<string>;
};

// "Item #" and "Part #" say "number": folding would drop the sign and leave a bare "Item".
const tokens = (text: string): string[] =>
  foldForMatch(text.replace(/#/g, ' no ')).split(' ').filter(Boolean);

/**
 * "Produits" is "produit", "Marques" is "marque", "Sizes" is "size": a trailing s is dropped from
 * words of four letters or more, but not from "ss" ("Process"). Headers and synonyms are folded
 * alike, so a word that only looks plural ("Poids", "Coloris") still meets itself.
 */
const singular = (word: string): string =>
  word.length >= 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;

const words = (text: string): string[] => tokens(text).map(singular);

/**
 * Words that name a field only when they stand alone: "Produit" or "Artikel" is the product's
 * name and "Article" its reference, but "Produit TTC", "Product price" or "Article EAN" say what
 * the column really is in their other words.
 */
const GENERIC = new Set(
  ['produit', 'product', 'producto', 'article', 'articulo', 'artikel', 'item'].map(singular),
);

export const meaningOf = (id: string, synonyms: readonly string[], type?: FieldType): FieldMeaning => {
  const seen = new Set<string>();
  const phrases: string[][] = [];
  for (const synonym of synonyms) {
    const words = tokens(synonym).map(singular);
    const key = words.join(' ');
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    phrases.push(words);
  }
  return { id, type, phrases, exclusions: new Set(builtinExclusions(id).flatMap(words)) };
};

/** `extra`: words the sheet's language makes safe for this field (see sheet-language.ts). */
export const templateFieldMeaning = (field: TemplateField, extra: readonly string[] = []): FieldMeaning =>
  meaningOf(field.id, [...fieldSynonyms(field), ...extra], field.type);

/** Meanings of the common fields a template does not have: they still compete for headers. */
export const builtinRivals = (knownIds: readonly string[]): FieldMeaning[] => {
  const known = new Set(knownIds.map((id) => id.toLowerCase()));
  return Object.keys(BUILTIN_SYNONYMS)
    .filter((id) => !known.has(id.toLowerCase()))
    .map((id) => meaningOf(id, builtinSynonyms(id)));
};

const startsWith = (header: readonly string[], phrase: readonly string[]): boolean =>
  phrase.every((word, i) => header[i] === word);

/**
 * 0, WORDS, PREFIX or EXACT: how the header's words (folded, plural or not) name the field,
 * whatever the column holds.
 */
export const headerScore = (header: readonly string[], meaning: FieldMeaning): number => {
  if (header.length === 0) return 0;
  const said = header.map(singular);
  let best = 0;
  for (const phrase of meaning.phrases) {
    const generic = phrase.every((word) => GENERIC.has(word));
    if (phrase.length === said.length && startsWith(said, phrase)) {
      // "Produits" beside "Dénomination": the specific word names the product, the generic one a family.
      if (!generic) return EXACT;
      best = Math.max(best, GENERIC_EXACT);
      continue;
    }
    if (generic) continue;
    const score =
      phrase.length < said.length && startsWith(said, phrase)
        ? PREFIX
        : phrase.every((word) => said.includes(word))
          ? WORDS
          : 0;
    // An exact synonym stands on its own; a looser reading is ruled out by a word that means
    // something else, unless the synonym itself says it (a template's own "Nom du fichier").
    const ruledOut = said.some((word) => meaning.exclusions.has(word) && !phrase.includes(word));
    if (score > best && !ruledOut) best = score;
  }
  return best;
};

const FILE_LIKE = /\.(jpe?g|png|gif|tiff?|webp|bmp|heic|psd|eps|ai|svg|pdf)$|[/\\]/i;

const looksLikeFiles = (column: SourceColumn): boolean => {
  const values = column.samples.map((sample) => sample.trim()).filter(Boolean);
  return values.length > 0 && values.filter((value) => FILE_LIKE.test(value)).length * 2 >= values.length;
};

/**
 * A small nudge from what the column holds. It separates near ties ("Code EAN" full of barcodes)
 * and never makes a match on its own: the largest bonus is far below the gap between readings.
 */
export const typeAffinity = (fieldType: FieldType | undefined, column: SourceColumn): number => {
  const type = column.type;
  switch (fieldType) {
    case undefined:
      return 0;
    case 'price':
    case 'number':
    case 'integer':
      if (type === 'price' || type === 'number') return 0.05;
      return ['date', 'boolean', 'url', 'ean'].includes(type) ? -0.1 : type === 'percent' ? -0.05 : 0;
    case 'percent':
      if (type === 'percent' || type === 'number') return 0.05;
      return ['date', 'boolean', 'url', 'ean'].includes(type) ? -0.1 : 0;
    case 'ean':
      if (type === 'ean') return 0.1;
      return ['price', 'percent', 'date', 'boolean', 'url'].includes(type) ? -0.1 : 0;
    case 'image':
      if ((type === 'text' || type === 'mixed' || type === 'url') && looksLikeFiles(column)) return 0.05;
      return ['number', 'price', 'percent', 'date', 'boolean', 'ean'].includes(type) ? -0.1 : 0;
    case 'url':
      return type === 'url'
        ? 0.05
        : ['number', 'price', 'percent', 'date', 'boolean'].includes(type)
          ? -0.1
          : 0;
    case 'date':
      return type === 'date' ? 0.05 : 0;
    case 'boolean':
      return type === 'boolean' ? 0.05 : 0;
    case 'text':
    case 'richText':
      // Prices and barcodes are rarely meant as free text; a reference made of digits is fine.
      return type === 'price' || type === 'percent' || type === 'ean' ? -0.05 : 0;
  }
};

const round = (score: number): number => Math.round(score * 100) / 100;

/**
 * Whether a column can feed a field at all. Empty columns carry nothing, except for pictures
 * embedded in the sheet: their column reads empty but holds the images. A column of picture files
 * (`bouchon.png`) is no name, description or reference, whatever its header says.
 */
export const isCandidate = (column: SourceColumn, meaning: FieldMeaning, table: SourceTable): boolean => {
  if (column.type === 'empty')
    return meaning.type === 'image' && table.rows.some((row) => row.images.length > 0);
  if (meaning.type === 'text' || meaning.type === 'richText') return !isPictureColumn(table, column.index);
  return true;
};

/**
 * What the column's values alone say about the field: a picture field takes a column of picture
 * files at PICTURE_VALUES, so a header that says nothing ("Fichier", "[K]") still finds its use.
 */
export const valueScore = (column: SourceColumn, meaning: FieldMeaning, table: SourceTable): number =>
  meaning.type === 'image' && column.type !== 'empty' && isPictureColumn(table, column.index)
    ? round(PICTURE_VALUES - (column.hidden ? HIDDEN_PENALTY : 0))
    : 0;

/**
 * The score of a (field, column) pair, rounded to hundredths so ties are ties. `rivals` are the other
 * fields that could claim the header; the field itself may be among them and is skipped.
 */
export const columnScore = (
  column: SourceColumn,
  meaning: FieldMeaning,
  rivals: readonly FieldMeaning[],
): number => {
  const header = tokens(column.header);
  const name = headerScore(header, meaning);
  if (name === 0) return 0;
  const outranked = rivals.some((rival) => rival.id !== meaning.id && headerScore(header, rival) > name);
  return round(
    name -
      (outranked ? RIVAL_PENALTY : 0) -
      (column.hidden ? HIDDEN_PENALTY : 0) +
      typeAffinity(meaning.type, column),
  );
};

/** Folded header text (plurals kept), for equality between a profile's header and a file's. */
export const foldHeader = (header: string): string => tokens(header).join(' ');

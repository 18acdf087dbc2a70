// How well a column header names a field. Shared by `suggestMapping` (fresh workbook) and
// `resolveMapping` (a saved profile meeting next month's file) so both read headers the same way.
import type { SourceColumn, SourceTable } from '../model.ts';
import type { FieldType, TemplateField } from '../templates/template.ts';
import { foldForMatch } from '../values/normalize-text.ts';
import { BUILTIN_SYNONYMS, builtinExclusions, builtinSynonyms, fieldSynonyms } from './field-synonyms.ts';

/** Below this a column is not offered for a field at all. */
export const MIN_SCORE = 0.6;

export const EXACT = 1;
/** "Prix HT 2026", "Réf. fournisseur": the header starts with a synonym and says more. */
export const PREFIX = 0.85;
/** "Prix de vente HT": every word of a synonym is there, in another order or with words between. */
export const WORDS = 0.7;

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

const tokens = (text: string): string[] => foldForMatch(text).split(' ').filter(Boolean);

export const meaningOf = (id: string, synonyms: readonly string[], type?: FieldType): FieldMeaning => {
  const seen = new Set<string>();
  const phrases: string[][] = [];
  for (const synonym of synonyms) {
    const words = tokens(synonym);
    const key = words.join(' ');
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    phrases.push(words);
  }
  return { id, type, phrases, exclusions: new Set(builtinExclusions(id).flatMap(tokens)) };
};

export const templateFieldMeaning = (field: TemplateField): FieldMeaning =>
  meaningOf(field.id, fieldSynonyms(field), field.type);

/** Meanings of the common fields a template does not have: they still compete for headers. */
export const builtinRivals = (knownIds: readonly string[]): FieldMeaning[] => {
  const known = new Set(knownIds.map((id) => id.toLowerCase()));
  return Object.keys(BUILTIN_SYNONYMS)
    .filter((id) => !known.has(id.toLowerCase()))
    .map((id) => meaningOf(id, builtinSynonyms(id)));
};

const startsWith = (header: readonly string[], phrase: readonly string[]): boolean =>
  phrase.every((word, i) => header[i] === word);

/** 0, WORDS, PREFIX or EXACT: how the header's words name the field, whatever the column holds. */
export const headerScore = (header: readonly string[], meaning: FieldMeaning): number => {
  if (header.length === 0) return 0;
  let best = 0;
  for (const phrase of meaning.phrases) {
    if (phrase.length === header.length && startsWith(header, phrase)) return EXACT;
    if (phrase.length < header.length && startsWith(header, phrase)) best = Math.max(best, PREFIX);
    else if (phrase.every((word) => header.includes(word))) best = Math.max(best, WORDS);
  }
  // An exact synonym stands on its own; only the looser readings can be ruled out by a word.
  if (best > 0 && header.some((word) => meaning.exclusions.has(word))) return 0;
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

/**
 * Whether a column can feed a field at all. Empty columns carry nothing, except for pictures
 * embedded in the sheet: their column reads empty but holds the images.
 */
export const isCandidate = (column: SourceColumn, meaning: FieldMeaning, table: SourceTable): boolean =>
  column.type !== 'empty' || (meaning.type === 'image' && table.rows.some((row) => row.images.length > 0));

const round = (score: number): number => Math.round(score * 100) / 100;

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

/** Folded header text, for equality between a profile's header and a file's. */
export const foldHeader = (header: string): string => tokens(header).join(' ');

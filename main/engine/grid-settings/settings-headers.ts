// Which settings table a sheet holds, from its header row, like the reseller sheet: any sheet name,
// French or English, accents, case and `_ - .` folded. The reseller list's own words (headerRole)
// are reused; this adds the family and VAT columns and the words that betray a grid or a product
// sheet, so neither is ever read as settings.
import { isBlank } from '../common/cell-text.ts';
import { columnLetter } from '../common/column-letter.ts';
import type { RawSheet } from '../model.ts';
import { headerRole } from '../resellers/find-reseller-sheet.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';

export type SettingsRole =
  | 'level'
  | 'reseller'
  | 'family'
  | 'vat'
  | 'discount'
  | 'coefficient'
  /** A column only a reseller list has (email, logo, password, language). */
  | 'reseller-only'
  /** A column only a grid or a product list has (price, quantity, variant…). */
  | 'product';

export type SettingsColumn = { index: number; letter: string; header: string };
export type SettingsColumns = Partial<Record<SettingsRole, SettingsColumn>>;
export type TableKind = 'levels' | 'families' | 'familyRates';
export type TableMatch = { kind: TableKind; headerRow: number; columns: SettingsColumns };

const VAT_WORDS = ['tva', 'vat', 'taux tva', 'taux de tva', 'vat rate', 'tax rate', 'taxe'];
const FAMILY_WORDS = ['famille', 'family', 'gamme', 'produit', 'product', 'range', 'categorie', 'category'];
const PRODUCT_WORDS = [
  'prix',
  'price',
  'quantite',
  'quantity',
  'qte',
  'qty',
  'variante',
  'variant',
  'ref',
  'reference',
  'sku',
  'ean',
  'designation',
  'article',
];
// Headers of a key | value conditions sheet: its first row may say so, and is then no key.
export const KEY_VALUE_HEADERS = [
  'parametre',
  'parametres',
  'parameter',
  'parameters',
  'reglage',
  'setting',
  'settings',
  'cle',
  'key',
  'champ',
  'field',
  'rubrique',
  'information',
  'condition',
];

const hasPhrase = (folded: string, phrase: string) => ` ${folded} `.includes(` ${phrase} `);
const HEADER_SEARCH_ROWS = 10;

/** What a settings header names. The VAT and a rate's words win over a family's: « Remise famille ». */
export function settingsRole(header: string): SettingsRole | undefined {
  const text = normalizeSpaces(header);
  const folded = foldForMatch(text);
  if (VAT_WORDS.some((w) => hasPhrase(folded, w))) return 'vat';
  const role = headerRole(text);
  if (role === 'discount' || role === 'coefficient') return role;
  if (role === 'email' || role === 'logo' || role === 'password' || role === 'locale') return 'reseller-only';
  // « Catégorie revendeur » is a level; « Nom de famille » a family, not someone's name.
  if (role === 'level') return 'level';
  if (FAMILY_WORDS.some((w) => hasPhrase(folded, w))) {
    // « Prix produit », « Référence produit » name a product list's columns, not a family.
    return PRODUCT_WORDS.some((w) => hasPhrase(folded, w)) ? 'product' : 'family';
  }
  if (role === 'name') return 'reseller';
  if (PRODUCT_WORDS.some((w) => hasPhrase(folded, w))) return 'product';
  return undefined;
}

/**
 * The kind a header row makes a sheet, most specific first: family rates (a family, a rate, and
 * who it is for), families (a family and its VAT), levels (a level and a rate, no one's name — the
 * reseller list has both). A grid's or a reseller list's own columns disqualify the row.
 */
function kindOf(columns: SettingsColumns): TableKind | undefined {
  if (columns.product || columns['reseller-only']) return undefined;
  const rate = columns.discount ?? columns.coefficient;
  if (columns.family && rate && (columns.reseller ?? columns.level)) return 'familyRates';
  if (columns.family && columns.vat && !rate && !columns.reseller && !columns.level) return 'families';
  if (columns.level && rate && !columns.reseller && !columns.family && !columns.vat) return 'levels';
  return undefined;
}

/** The first header row (among the top rows) that makes the sheet a settings table, or undefined. */
export function matchSettingsTable(sheet: RawSheet): TableMatch | undefined {
  const rows = sheet.rows.filter((r) => r.cells.some((c) => !isBlank(c))).slice(0, HEADER_SEARCH_ROWS);
  for (const row of rows) {
    const columns: SettingsColumns = {};
    row.cells.forEach((cell, index) => {
      const header = normalizeSpaces(textOfHeader(cell.value));
      if (header === '') return;
      const role = settingsRole(header);
      if (role !== undefined && columns[role] === undefined)
        columns[role] = { index, letter: columnLetter(index), header };
    });
    const kind = kindOf(columns);
    if (kind) return { kind, headerRow: row.number, columns };
  }
  return undefined;
}

function textOfHeader(value: RawSheet['rows'][number]['cells'][number]['value']): string {
  return value.kind === 'text' || value.kind === 'rich' ? value.value : '';
}

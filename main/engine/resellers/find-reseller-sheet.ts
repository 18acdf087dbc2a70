// The reseller list is usually one more sheet of the price workbook ("Revendeurs", "Clients"): it
// is recognised by its header row, not its name, since people name sheets anything.
import { cellText } from '../common/cell-text.ts';
import { columnLetter } from '../common/column-letter.ts';
import type { RawSheet } from '../model.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';
import type { ResellerColumnRole, ResellerColumns, ResellerSheetMatch } from './reseller-model.ts';

// Most specific first: "Nom du logo" is the logo, "Mot de passe" is no name, "Coef. remise" a coefficient.
const SYNONYMS: [ResellerColumnRole, string[]][] = [
  ['password', ['mot de passe', 'password', 'mdp', 'passwd', 'pwd']],
  ['email', ['email', 'e mail', 'courriel', 'mail', 'adresse electronique']],
  ['logo', ['logo', 'logotype']],
  ['locale', ['langue', 'locale', 'language', 'lang', 'langage']],
  ['coefficient', ['coefficient', 'coef', 'coeff', 'multiplicateur', 'multiplier']],
  ['discount', ['remise', 'discount', 'rabais', 'reduction', 'ristourne']],
  ['level', ['niveau', 'level', 'palier', 'tier', 'categorie revendeur', 'grade']],
  [
    'name',
    ['revendeur', 'reseller', 'client', 'customer', 'societe', 'company', 'nom', 'name', 'raison sociale'],
  ],
];

// Headers of a product or price sheet: a sheet with "Nom" and "Remise" may still be a price list.
const PRODUCT_WORDS = [
  'prix',
  'price',
  'ref',
  'reference',
  'sku',
  'ean',
  'quantite',
  'quantity',
  'designation',
  'article',
  'produit',
  'product',
];

// The header row is near the top: below, at most a title and a line of notes.
const HEADER_SEARCH_ROWS = 10;

const hasPhrase = (folded: string, phrase: string) => ` ${folded} `.includes(` ${phrase} `);

/** What a header names, or undefined. `%` alone is a discount column. */
export function headerRole(header: string): ResellerColumnRole | undefined {
  const text = normalizeSpaces(header);
  if (text === '%') return 'discount';
  const folded = foldForMatch(text);
  if (folded === '') return undefined;
  for (const [role, phrases] of SYNONYMS) if (phrases.some((p) => hasPhrase(folded, p))) return role;
  if (/%/.test(text)) return 'discount';
  return undefined;
}

function isProductHeader(header: string): boolean {
  const folded = foldForMatch(header);
  return PRODUCT_WORDS.some((w) => hasPhrase(folded, w));
}

/** The best reseller header row of one sheet, or undefined when none qualifies. */
export function matchResellerHeader(sheet: RawSheet): ResellerSheetMatch | undefined {
  let best: ResellerSheetMatch | undefined;
  const rows = sheet.rows
    .filter((r) => r.cells.some((c) => cellText(c).trim() !== ''))
    .slice(0, HEADER_SEARCH_ROWS);
  for (const row of rows) {
    const columns: ResellerColumns = {};
    let productHeaders = 0;
    row.cells.forEach((cell, index) => {
      if (cell.value.kind !== 'text' && cell.value.kind !== 'rich') return;
      const header = normalizeSpaces(cell.value.value);
      const role = headerRole(header);
      if (role !== undefined && columns[role] === undefined) {
        columns[role] = { index, letter: columnLetter(index), header };
      } else if (role === undefined && isProductHeader(header)) productHeaders++;
    });
    const hasRate = columns.level || columns.discount || columns.coefficient;
    if (!columns.name || !hasRate) continue;
    const score = Object.keys(columns).length - productHeaders;
    if (score < 2) continue;
    if (!best || score > best.score) best = { sheet: sheet.name, headerRow: row.number, columns, score };
  }
  return best;
}

/**
 * Among a workbook's sheets, the one whose header row looks most like a reseller list (a name
 * column and a level, discount or coefficient column at least), or undefined. Ties go to the
 * first sheet, as the workbook orders them.
 */
export function findResellerSheet(sheets: readonly RawSheet[]): ResellerSheetMatch | undefined {
  let best: ResellerSheetMatch | undefined;
  for (const sheet of sheets) {
    const match = matchResellerHeader(sheet);
    if (match && (!best || match.score > best.score)) best = match;
  }
  return best;
}

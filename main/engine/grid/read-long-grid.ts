// Reads long-format price lists — one price per row, with columns for the family, the variant, the
// quantity and the price — into the same grid as a matrix sheet. Combinations nobody wrote are *not
// available*; a combination written twice keeps its first price and is reported.
import type { Issue, RawRow, RawSheet } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';
import { cellText, isBlank } from '../common/cell-text.ts';
import { QUANTITY_HEADER } from '../import/matrix-sheet.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';
import type { GridCell, GridFamily, GridReadOptions } from './grid-model.ts';
import { gridIssue, gridMessages, refOf } from './grid-issues.ts';
import { quantityIssue, readPriceCell, readQuantity } from './grid-values.ts';
import { filledColumns, isBlankRow, rowsInOrder, shownCell } from './sheet-cells.ts';

type Role = 'family' | 'variant' | 'quantity' | 'price';

// Folded headers (foldForMatch): « Prix H.T. (€) » → "prix ht".
const ROLES: [Role, RegExp][] = [
  ['price', /^(prix|price|tarif|tarifs|montant)\b/],
  ['quantity', QUANTITY_HEADER],
  ['family', /^(famille|family|produit|produits|product|products|gamme|range|article)\b/],
  [
    'variant',
    /^(variante|variantes|variant|variants|format|formats|papier|paper|finition|finish|option|options|support|size|taille|dimensions?|grammage|weight|couleurs?|colou?rs?|impression|print|matiere|material)\b/,
  ],
];

type Columns = { row: RawRow; family?: number; variants: number[]; quantity: number; price: number };

// A header is looked for among the first rows only: titles and notes may precede it, data may not.
const HEADER_SEARCH_ROWS = 20;

function findColumns(rows: RawRow[]): Columns | undefined {
  for (const row of rows.filter((r) => !isBlankRow(r)).slice(0, HEADER_SEARCH_ROWS)) {
    const found: Partial<Record<Role, number>> = {};
    const variants: number[] = [];
    for (const c of filledColumns(row)) {
      const folded = foldForMatch(cellText(row.cells[c]!));
      const role = ROLES.find(([, pattern]) => pattern.test(folded))?.[0];
      if (role === 'variant') variants.push(c);
      else if (role && found[role] === undefined) found[role] = c;
    }
    if (found.quantity === undefined || found.price === undefined) continue;
    if (found.family === undefined && variants.length === 0) continue;
    return {
      row,
      ...(found.family === undefined ? {} : { family: found.family }),
      variants,
      quantity: found.quantity,
      price: found.price,
    };
  }
  return undefined;
}

type Tier = { quantity: number; row: number; label: string; cells: Map<string, GridCell> };
type Family = { name: string; variants: string[]; tiers: Map<number, Tier> };

/** The grid, or undefined when the sheet has no family / variant / quantity / price header. */
export function readLongGrid(
  sheet: RawSheet,
  opts: GridReadOptions = {},
): { families: GridFamily[]; headerRow: number; issues: Issue[] } | undefined {
  const rows = rowsInOrder(sheet);
  const columns = findColumns(rows);
  if (!columns) return undefined;
  const byNumber = new Map(rows.map((r) => [r.number, r]));
  const text = (row: RawRow, column: number) =>
    normalizeSpaces(cellText(shownCell(sheet, byNumber, row, column) ?? EMPTY_CELL));
  const issues: Issue[] = [];
  const families = new Map<string, Family>();
  const firstRef = new Map<string, string>();
  // With no variant column, the one variant is what the price column calls itself (« Prix HT »).
  const soleVariant = text(columns.row, columns.price);

  for (const row of rows.filter((r) => r.number > columns.row.number && !isBlankRow(r))) {
    const at = (column: number) => ({ sheet: sheet.name, row: row.number, column });
    const quantityCell = row.cells[columns.quantity];
    const priceCell = row.cells[columns.price];
    // A note under the list (« Prix HT, port en sus ») has neither: it is no row of the grid.
    if (isBlank(quantityCell) && isBlank(priceCell)) continue;
    const family = columns.family === undefined ? sheet.name : text(row, columns.family);
    if (family === '') {
      issues.push(
        gridIssue('error', 'GRID_FAMILY_MISSING', at(columns.family!), gridMessages.familyMissing()),
      );
      continue;
    }
    const variant =
      columns.variants.length === 0
        ? soleVariant
        : columns.variants
            .map((c) => text(row, c))
            .filter((t) => t !== '')
            .join(' · ');
    if (variant === '') {
      issues.push(
        gridIssue('error', 'GRID_VARIANT_MISSING', at(columns.variants[0]!), gridMessages.variantMissing()),
      );
      continue;
    }
    const quantity = readQuantity(quantityCell, opts) ?? {
      ok: false as const,
      reason: 'invalid' as const,
      label: normalizeSpaces(cellText(quantityCell ?? EMPTY_CELL)),
    };
    if (!quantity.ok) {
      issues.push(quantityIssue(quantity, at(columns.quantity)));
      continue;
    }
    const key = JSON.stringify([family, variant, quantity.quantity]);
    const first = firstRef.get(key);
    if (first !== undefined) {
      issues.push(
        gridIssue(
          'error',
          'GRID_DUPLICATE',
          at(columns.price),
          gridMessages.duplicateCombination(family, variant, quantity.quantity, first),
        ),
      );
      continue;
    }
    firstRef.set(key, refOf(at(columns.price)));
    const reading = readPriceCell(priceCell, at(columns.price), opts);
    if (reading.issue) issues.push(reading.issue);

    const entry: Family = families.get(family) ?? { name: family, variants: [], tiers: new Map() };
    families.set(family, entry);
    if (!entry.variants.includes(variant)) entry.variants.push(variant);
    const tier: Tier = entry.tiers.get(quantity.quantity) ?? {
      quantity: quantity.quantity,
      row: row.number,
      label: quantity.label,
      cells: new Map(),
    };
    entry.tiers.set(quantity.quantity, tier);
    tier.cells.set(variant, reading.cell);
  }

  const grid = [...families.values()].map((f) =>
    toFamily(sheet, f, columns.row.number, columns.quantity, issues),
  );
  return { families: grid, headerRow: columns.row.number, issues };
}

function toFamily(
  sheet: RawSheet,
  family: Family,
  headerRow: number,
  quantityColumn: number,
  issues: Issue[],
): GridFamily {
  const tiers = [...family.tiers.values()]
    .sort((a, b) => a.quantity - b.quantity)
    .map((t) => {
      const cells = family.variants.map(
        (v): GridCell => t.cells.get(v) ?? { kind: 'not-available', why: 'empty', text: '' },
      );
      if (!cells.some((c) => c.kind === 'price'))
        issues.push(
          gridIssue(
            'warning',
            'GRID_TIER_NO_PRICE',
            { sheet: sheet.name, row: t.row, column: quantityColumn },
            gridMessages.tierWithoutPrice(t.label),
          ),
        );
      return { quantity: t.quantity, row: t.row, label: t.label, cells };
    });
  return { name: family.name, headerRow, variants: family.variants, tiers };
}

// What the row roles tell the user as information: the notes under the table (each one, with its
// text: a note often carries a condition the catalog must not lose), the totals left out, a sheet
// without a header row and a sheet that is a price matrix.
import type { Issue, MatrixShape, RawRow, RowDecision } from '../model.ts';
import { formatRef } from '../common/cell-ref.ts';
import { normalizeSpaces } from '../values/normalize-text.ts';
import { cellText, isBlank } from '../common/cell-text.ts';
import { columnLetter } from '../common/column-letter.ts';

const rowList = (rows: number[]) =>
  rows.length <= 8 ? rows.join(', ') : `${rows.slice(0, 8).join(', ')}… (${rows.length})`;

export function roleNotices(
  sheet: string,
  rows: RawRow[],
  roles: RowDecision[],
  headerless: boolean,
  matrix: MatrixShape | undefined,
): Issue[] {
  const issues: Issue[] = [];
  // Looked up once per note: a map, not a scan of the sheet each time; built only if a note needs it
  // (most sheets have none, and a large one has 100,000 rows to map).
  let numbered: Map<number, RawRow> | undefined;
  const rowOf = (n: number) => (numbered ??= new Map(rows.map((r) => [r.number, r]))).get(n);
  const firstColumn = (row: number) => {
    const raw = rowOf(row);
    const index = raw ? raw.cells.findIndex((c) => !isBlank(c)) : -1;
    return index >= 0 ? columnLetter(index) : undefined;
  };
  const at = (row: number) => {
    const column = firstColumn(row);
    const cell = { sheet, row, ...(column ? { column } : {}) };
    return { cell, ref: formatRef(cell) };
  };

  if (headerless)
    issues.push({
      severity: 'warning',
      code: 'NO_HEADER_ROW_FOUND',
      message: {
        fr: `La feuille « ${sheet} » n'a pas de ligne d'en-têtes : sa première ligne ressemble aux données. Les colonnes sont nommées par leur lettre ([A], [B]…) ; associez-les aux champs du modèle.`,
        en: `Sheet "${sheet}" has no header row: its first row reads like data. The columns are named by their letter ([A], [B]…); map them to the template's fields.`,
      },
    });

  if (matrix) {
    const fr = new Intl.NumberFormat('fr-FR');
    const en = new Intl.NumberFormat('en-GB');
    const [first, last] = [matrix.quantities[0]!, matrix.quantities.at(-1)!];
    issues.push({
      severity: 'warning',
      code: 'PRICE_MATRIX_SHEET',
      message: {
        fr: `La feuille « ${sheet} » est une grille de prix : quantités en colonne ${matrix.quantityColumn} (${fr.format(first)} à ${fr.format(last)}), ${matrix.variants.length} variantes en colonnes (${matrix.variants.join(', ')}). Ce n'est pas une liste de produits : faites-en des listes de prix revendeurs avec « catalog grid » (ou l'étape Revendeurs de l'application).`,
        en: `Sheet "${sheet}" is a price matrix: quantities down column ${matrix.quantityColumn} (${en.format(first)} to ${en.format(last)}), ${matrix.variants.length} variants across (${matrix.variants.join(', ')}). It is not a product list: make reseller price lists from it with "catalog grid" (or the app's Resellers step).`,
      },
      ...at(matrix.headerRow),
    });
  }

  // The whole note, not the shortened text of the decision: it may carry a condition of sale.
  const fullText = (row: number) =>
    (rowOf(row)?.cells ?? [])
      .map((c) => normalizeSpaces(cellText(c)))
      .filter(Boolean)
      .join(' · ');
  for (const note of roles.filter((r) => r.role === 'note')) {
    const text = fullText(note.row);
    issues.push({
      severity: 'info',
      code: 'SHEET_NOTE',
      message: {
        fr: `Note, ni produit ni famille : « ${text} ».`,
        en: `Note, neither a product nor a category: "${text}".`,
      },
      ...at(note.row),
    });
  }

  const totals = roles.filter((r) => r.role === 'total').map((r) => r.row);
  if (totals.length)
    issues.push({
      severity: 'info',
      code: 'TOTAL_ROWS_SKIPPED',
      message: {
        fr: `Ligne(s) de total ignorée(s) : ${rowList(totals)}.`,
        en: `Total row(s) left out: ${rowList(totals)}.`,
      },
    });
  return issues;
}

// Columns offered when no header names a field: what a person does next. "Description" is the
// product's name when the sheet has no better one; "Size" is its unit when nothing says "Unit";
// "Produits" left over beside a "Dénomination" is the family. A sheet without a header row is
// mapped from its values alone: codes are references, the wordiest text the name, amounts the price.
import type { SourceColumn, SourceTable } from '../model.ts';
import { cellText, isBlank } from '../common/cell-text.ts';
import { looksLikeCode } from '../import/row-texts.ts';
import type { Template } from '../templates/template.ts';
import { isPictureColumn } from './picture-column.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';

/** Below any header reading, above the threshold: the user sees a weak suggestion to confirm. */
export const SECOND_CHOICE = 0.62;

const FALLBACK_HEADERS: Record<string, RegExp> = {
  name: /^(descriptions?|descriptif|description courte|short description|descripcion|beschreibung|opis)$/,
  unit: /^(size|sizes|taille|format|pack size|pack|tamano|grosse|rozmiar)$/,
  category: /^(produits?|products?|productos?|produkte?)$/,
};

type Pick = { field: string; column: number };

function distinctShare(table: SourceTable, column: number): number {
  const values = table.rows.map((r) => r.cells[column]).filter((c) => c && !isBlank(c));
  if (values.length === 0) return 1;
  return new Set(values.map((c) => cellText(c!))).size / values.length;
}

/** By header: a field still free takes a free column whose header is its usual stand-in. */
function byHeader(table: SourceTable, free: (field: string) => boolean, taken: Set<number>): Pick[] {
  const picks: Pick[] = [];
  for (const [field, pattern] of Object.entries(FALLBACK_HEADERS)) {
    if (!free(field)) continue;
    const column = table.columns.find(
      (c) =>
        !taken.has(c.index) &&
        !isPictureColumn(table, c.index) &&
        pattern.test(foldForMatch(c.header)) &&
        // A family column repeats its values; a column of names does not.
        (field !== 'category' || distinctShare(table, c.index) < 0.6),
    );
    if (column) {
      picks.push({ field, column: column.index });
      taken.add(column.index);
    }
  }
  return picks;
}

type Profile = { column: SourceColumn; codes: number; words: number; amounts: number; filled: number };

/** Without a header: each column's values, sampled. */
function byValues(table: SourceTable, free: (field: string) => boolean, taken: Set<number>): Pick[] {
  const sample = table.rows.slice(0, 200);
  const profiles: Profile[] = table.columns.map((column) => {
    const p: Profile = { column, codes: 0, words: 0, amounts: 0, filled: 0 };
    for (const row of sample) {
      const cell = row.cells[column.index];
      if (!cell || isBlank(cell)) continue;
      p.filled++;
      const text = normalizeSpaces(cellText(cell));
      if (cell.value.kind === 'number' || column.type === 'price') p.amounts++;
      else if (looksLikeCode(text)) p.codes++;
      else p.words += text.split(' ').length;
    }
    return p;
  });
  const picks: Pick[] = [];
  const take = (field: string, best: Profile | undefined) => {
    if (!best || !free(field)) return;
    picks.push({ field, column: best.column.index });
    taken.add(best.column.index);
  };
  const open = () =>
    profiles.filter(
      (p) =>
        !taken.has(p.column.index) &&
        p.filled >= sample.length * 0.8 &&
        !isPictureColumn(table, p.column.index),
    );
  take(
    'reference',
    open().find((p) => p.codes >= p.filled * 0.8 && distinctShare(table, p.column.index) > 0.9),
  );
  take(
    'name',
    open()
      .sort((a, b) => b.words / b.filled - a.words / a.filled)
      .find((p) => p.words > p.filled),
  );
  // Amounts with cents, or in a currency: a price; whole numbers alone could be quantities.
  take(
    'price',
    open().find(
      (p) => p.amounts >= p.filled * 0.8 && (p.column.type === 'price' || hasCents(table, p.column.index)),
    ),
  );
  return picks;
}

const hasCents = (table: SourceTable, column: number): boolean =>
  table.rows.some((r) => {
    const v = r.cells[column]?.value;
    return v?.kind === 'number' && !Number.isInteger(v.value);
  });

/** Second choices for the template's fields no header named, given the columns already taken. */
export function secondChoices(
  table: SourceTable,
  template: Template,
  takenFields: ReadonlySet<string>,
  takenColumns: ReadonlySet<number>,
): Pick[] {
  const ids = new Set(template.fields.map((f) => f.id));
  const free = (field: string) => ids.has(field) && !takenFields.has(field);
  const taken = new Set(takenColumns);
  return table.headerless ? byValues(table, free, taken) : byHeader(table, free, taken);
}

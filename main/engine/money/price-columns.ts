// The columns a price table prints, honest about its prices: a price column with no value in the
// whole catalog (no rate for the TTC column, no before-tax price in a TVAC-only sheet) is left out
// rather than printed empty, and each price header says its currency and only a basis that is known.
import type { CatalogItem, Translated } from '../model.ts';
import { itemLines } from '../model.ts';
import { fieldRuns, PRICE_TTC, type FormatContext } from '../format/field-text.ts';
import { moneyLegend, priceHeader } from './money-words.ts';

const PRICE_FIELDS = new Set(['price', PRICE_TTC]);

export type PrintedColumn<T> = T & { headerText: string };

export function priceTableColumns<T extends { field: string; header: Translated }>(
  columns: readonly T[],
  items: readonly CatalogItem[],
  ctx: FormatContext,
): PrintedColumn<T>[] {
  const lines = items.flatMap(itemLines);
  const kept = columns.filter(
    (c) => !PRICE_FIELDS.has(c.field) || lines.some((item) => fieldRuns(item, c.field, ctx) !== undefined),
  );
  // A table left with no column at all would be worse than an empty price column.
  const shown = kept.length ? kept : [...columns];
  return shown.map((c) => ({
    ...c,
    headerText: PRICE_FIELDS.has(c.field)
      ? priceHeader(c.field, c.header, ctx.money, ctx.lang)
      : c.header[ctx.lang],
  }));
}

/** The legend under a price table, or undefined when the table prints no price. */
export function priceTableLegend(
  columns: readonly { field: string }[],
  ctx: FormatContext,
): string | undefined {
  if (!columns.some((c) => PRICE_FIELDS.has(c.field))) return undefined;
  return moneyLegend(
    ctx.money,
    ctx.lang,
    columns.some((c) => c.field === PRICE_TTC),
  );
}

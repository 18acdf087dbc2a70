// The VAT-rate column of a price table: when the products' known rates differ, each row says its own
// rate in a column after the price before tax (between HT and TTC), else after the last price; one
// rate for all is said in the legend under the table instead. One decision for every output that
// prints the table (the PDF's layout/table-flow.ts and the InDesign tagged text), so the two print the
// same columns.
import type { CatalogItem, Lang, TextRun, Translated } from '../model.ts';
import { itemLines } from '../model.ts';
import type { Money } from './money.ts';
import type { PrintedColumn } from './price-columns.ts';
import { pct, vatRateOf } from './vat-rate.ts';

/** The column of each product's VAT rate: not a template field, the rate its money decided. */
export const VAT_RATE = '@vatRate';
/** Its share of the table's width, beside the template's columns (whose shares sum to about 1). */
const VAT_SHARE = 0.07;
const VAT_HEADER: Translated = { fr: 'TVA', en: 'VAT' };

/** Whether the products' known VAT rates differ (variants included): then each row says its own. */
function ratesDiffer(items: readonly CatalogItem[], money: Money): boolean {
  const vat = money.vat;
  if (vat.source === 'none') return false;
  let seen: number | undefined;
  for (const product of items)
    for (const line of itemLines(product)) {
      const rate = vatRateOf(line, vat);
      if (rate === undefined) continue;
      if (seen === undefined) seen = rate;
      else if (rate !== seen) return true;
    }
  return false;
}

type Column = { field: string; header: Translated; width: number; align: 'left' | 'center' | 'right' };

/**
 * The printed columns with the VAT-rate column added where the table asks for it (`vatColumn`
 * 'auto', the default) and the rates differ: right-aligned, its width taken from the widest
 * left-aligned column (the name) so the prices keep theirs. The columns given are not changed.
 */
export function withVatColumn<T extends Column>(
  printed: readonly PrintedColumn<T>[],
  table: { vatColumn?: 'auto' | 'never' | undefined; vatHeader?: Translated | undefined },
  items: readonly CatalogItem[],
  money: Money,
  lang: Lang,
): PrintedColumn<Column>[] {
  const columns: PrintedColumn<Column>[] = printed.map((c) => ({ ...c }));
  const wanted =
    table.vatColumn !== 'never' &&
    !columns.some((c) => c.field === 'vat') &&
    columns.some((c) => c.field === 'price' || c.field === 'priceTtc') &&
    ratesDiffer(items, money);
  if (!wanted) return columns;
  const at = columns.findIndex((c) => c.field === 'price');
  const last = columns.map((c) => c.field).lastIndexOf('priceTtc');
  const widest = columns.reduce((w, c) => (c.align === 'left' && c.width > w.width ? c : w), columns[0]!);
  if (widest.width > 2 * VAT_SHARE) widest.width -= VAT_SHARE;
  const header = table.vatHeader ?? VAT_HEADER;
  columns.splice((at >= 0 ? at : last) + 1, 0, {
    field: VAT_RATE,
    header,
    width: VAT_SHARE,
    align: 'right',
    headerText: header[lang],
  });
  return columns;
}

/** A row's VAT-rate cell: « 5,5 % », "5.5%", or nothing when its rate is not known. */
export function vatRateRuns(item: CatalogItem, money: Money, lang: Lang): TextRun[] | undefined {
  const rate = vatRateOf(item, money.vat);
  return rate === undefined ? undefined : [{ text: pct(rate, lang) }];
}

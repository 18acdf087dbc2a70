// Guesses what a column holds from its cells, so `inspect` can show it and the mapping can prefer
// a price column for a price field. A guess only: validation checks every cell against its field.
// The guess agrees with the samples `inspect` shows beside it: a column is 'empty' only when none of
// its cells shows anything (a column of `#N/A` shows something, and is not empty).
import type { Cell, ColumnType } from '../model.ts';
import { formatCurrency } from '../format/format-cell.ts';
import { normalizeSpaces } from '../values/normalize-text.ts';
import { parseBoolean } from '../values/parse-boolean.ts';
import { parseDate } from '../values/parse-date.ts';
import { parseEan } from '../values/parse-ean.ts';
import { parseNumber } from '../values/parse-number.ts';
import { isPercentFormat, parsePercent } from '../values/parse-percent.ts';
import { parsePrice } from '../values/parse-price.ts';

const SAMPLE = 200;
const URL_LIKE = /^(https?:\/\/|www\.)\S+$/i;

function cellType(cell: Cell): ColumnType | undefined {
  const v = cell.value;
  switch (v.kind) {
    case 'empty':
    case 'error':
      return undefined;
    case 'number':
      if (v.numFmt && isPercentFormat(v.numFmt)) return 'percent';
      if (formatCurrency(v.numFmt)) return 'price';
      if (
        Number.isInteger(v.value) &&
        [8, 12, 13, 14].includes(String(v.value).length) &&
        parseEan(v.value).ok
      )
        return 'ean';
      return 'number';
    case 'date':
      return 'date';
    case 'boolean':
      return 'boolean';
    case 'hyperlink':
      return 'url';
    // Spaces alone show nothing: such a cell is as empty as the samples say.
    case 'rich':
      return normalizeSpaces(v.value) ? 'rich' : undefined;
    case 'text': {
      const text = normalizeSpaces(v.value);
      return text ? textType(text) : undefined;
    }
  }
}

function textType(text: string): ColumnType {
  if (/^\d{8}$|^\d{12,14}$/.test(text.replace(/[\s-]/g, '')) && parseEan(text).ok) return 'ean';
  if (/[€$£]|\b(EUR|CHF|GBP|USD)\b/.test(text) && parsePrice(text).ok) return 'price';
  if (text.includes('%') && parsePercent(text).ok) return 'percent';
  if (parseNumber(text, { decimal: ',' }).ok) return 'number';
  if (parseDate(text).ok) return 'date';
  if (/^(oui|non|yes|no|vrai|faux|true|false)$/i.test(text) && parseBoolean(text).ok) return 'boolean';
  if (URL_LIKE.test(text)) return 'url';
  return 'text';
}

export function detectColumnType(cells: Cell[]): ColumnType {
  const counts = new Map<ColumnType, number>();
  let seen = 0;
  let errors = 0;
  for (const cell of cells) {
    // Errors say nothing of the column's type, but they are values the user sees.
    if (cell.value.kind === 'error') errors++;
    const type = cellType(cell);
    if (!type) continue;
    counts.set(type, (counts.get(type) ?? 0) + 1);
    if (++seen >= SAMPLE) break;
  }
  // Only errors (a lookup column whose lookups all failed): shown, so not empty, but of no one type.
  if (seen === 0) return errors > 0 ? 'mixed' : 'empty';
  const get = (t: ColumnType) => counts.get(t) ?? 0;
  // Prices are often typed half as numbers, half as "12,50 €": together they are a price column.
  if (get('price') > 0 && get('price') + get('number') >= seen * 0.8) return 'price';
  if (get('rich') > 0 && get('rich') + get('text') >= seen * 0.8) return 'rich';
  const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
  if (n >= seen * 0.8) return top;
  // No clear majority: mostly-text columns read as text, anything else is reported as mixed.
  return get('text') >= seen * 0.5 ? 'text' : 'mixed';
}

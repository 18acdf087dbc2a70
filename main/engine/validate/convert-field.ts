// Reads one cell as the type its template field expects. Text that should be a number is an issue
// on that cell, never a silent 0.
import type { Cell, FieldValue, Translated } from '../model.ts';
import type { TemplateField } from '../templates/template.ts';
import { cellText } from '../common/cell-text.ts';
import { formatCurrency } from '../format/format-cell.ts';
import { parseBoolean } from '../values/parse-boolean.ts';
import { excelSerialToIso, parseDate } from '../values/parse-date.ts';
import { parseEan } from '../values/parse-ean.ts';
import { parseNumber } from '../values/parse-number.ts';
import { parsePercent, parsePercentNumber } from '../values/parse-percent.ts';
import { parsePrice } from '../values/parse-price.ts';
import { messages, type IssueCode } from './issue-messages.ts';

export type Converted =
  | { kind: 'value'; value: FieldValue; warning?: { code: IssueCode; message: Translated } }
  | { kind: 'empty' }
  | { kind: 'issue'; code: IssueCode; message: Translated };

export type ConvertOptions = { decimal?: ',' | '.' };

const issue = (code: IssueCode, message: Translated): Converted => ({ kind: 'issue', code, message });
const value = (v: FieldValue): Converted => ({ kind: 'value', value: v });
const SERIAL_1950 = 18264;
const SERIAL_2100 = 73051;
const URL_LIKE = /^(https?:\/\/|www\.|mailto:)\S+$/i;

function convertNumber(cell: Cell, field: TemplateField, opts: ConvertOptions): Converted {
  const v = cell.value;
  const text = cellText(cell).trim();
  let n: number;
  if (v.kind === 'number') n = v.value;
  else {
    const parsed = parseNumber(text, opts);
    if (!parsed.ok)
      return parsed.reason === 'ambiguous'
        ? issue('AMBIGUOUS_NUMBER', messages.AMBIGUOUS_NUMBER(field.label, text))
        : issue('NOT_A_NUMBER', messages.NOT_A_NUMBER(field.label, text));
    n = parsed.value;
  }
  if (field.type === 'integer' && !Number.isInteger(n))
    return issue('NOT_AN_INTEGER', messages.NOT_AN_INTEGER(field.label, text));
  return value({ kind: 'number', value: n });
}

function convertPrice(cell: Cell, field: TemplateField, opts: ConvertOptions): Converted {
  const v = cell.value;
  const text = cellText(cell).trim();
  let result: FieldValue & { kind: 'price' };
  if (v.kind === 'number') {
    // A number cell formatted "£#,##0.00" is a price in pounds: keep the sheet's currency.
    const currency = formatCurrency(v.numFmt);
    result = { kind: 'price', value: v.value, ...(currency ? { currency } : {}) };
  } else {
    const parsed = parsePrice(text, opts);
    if (!parsed.ok)
      return parsed.reason === 'ambiguous'
        ? issue('AMBIGUOUS_NUMBER', messages.AMBIGUOUS_NUMBER(field.label, text))
        : issue('NOT_A_PRICE', messages.NOT_A_PRICE(field.label, text));
    result = {
      kind: 'price',
      value: parsed.value.amount,
      ...(parsed.value.currency ? { currency: parsed.value.currency } : {}),
    };
  }
  if (result.value < 0)
    return {
      kind: 'value',
      value: result,
      warning: { code: 'NEGATIVE_PRICE', message: messages.NEGATIVE_PRICE(field.label, text) },
    };
  return value(result);
}

function convertEan(cell: Cell, field: TemplateField): Converted {
  const v = cell.value;
  const text = cellText(cell).trim();
  const parsed = parseEan(v.kind === 'number' ? v.value : text);
  if (parsed.ok) return value({ kind: 'ean', value: parsed.value.code });
  const why =
    parsed.reason === 'bad-ean-length' ? 'length' : parsed.reason === 'bad-ean-digits' ? 'digits' : 'check';
  return issue('INVALID_EAN', messages.INVALID_EAN(field.label, text, why));
}

export function convertCell(cell: Cell, field: TemplateField, opts: ConvertOptions = {}): Converted {
  const v = cell.value;
  if (v.kind === 'empty') return { kind: 'empty' };
  if (v.kind === 'error') return issue('CELL_ERROR', messages.CELL_ERROR(field.label, v.value));
  const text = cellText(cell).trim();
  if (text === '' && v.kind !== 'number' && v.kind !== 'boolean') return { kind: 'empty' };

  switch (field.type) {
    case 'text':
      return value({ kind: 'text', value: cellText(cell) });
    case 'richText':
      return v.kind === 'rich'
        ? value({ kind: 'rich', value: v.value, runs: v.runs })
        : value({ kind: 'text', value: cellText(cell) });
    case 'number':
    case 'integer':
      return convertNumber(cell, field, opts);
    case 'price':
      return convertPrice(cell, field, opts);
    case 'percent': {
      const parsed = v.kind === 'number' ? parsePercentNumber(v.value, v.numFmt) : parsePercent(text, opts);
      if (parsed.ok) return value({ kind: 'percent', value: parsed.value });
      return parsed.reason === 'ambiguous'
        ? issue('AMBIGUOUS_NUMBER', messages.AMBIGUOUS_NUMBER(field.label, text))
        : issue('NOT_A_PERCENT', messages.NOT_A_PERCENT(field.label, text));
    }
    case 'ean':
      return convertEan(cell, field);
    case 'boolean': {
      if (v.kind === 'boolean') return value({ kind: 'boolean', value: v.value });
      const parsed = parseBoolean(text);
      return parsed.ok
        ? value({ kind: 'boolean', value: parsed.value })
        : issue('NOT_A_BOOLEAN', messages.NOT_A_BOOLEAN(field.label, text));
    }
    case 'date': {
      // A date field holds calendar dates: a time of day would give one column two shapes of value.
      if (v.kind === 'date') return value({ kind: 'date', value: v.value.slice(0, 10) });
      // A date in a cell formatted as a number arrives as Excel's day count; only 1950–2100 is taken
      // for one, so a year typed as 2026 is an issue rather than 18 July 1905.
      if (v.kind === 'number' && v.value >= SERIAL_1950 && v.value <= SERIAL_2100)
        return value({ kind: 'date', value: excelSerialToIso(v.value) });
      const parsed = parseDate(text);
      return parsed.ok
        ? value({ kind: 'date', value: parsed.value })
        : issue('NOT_A_DATE', messages.NOT_A_DATE(field.label, text));
    }
    case 'url': {
      const url = v.kind === 'hyperlink' ? v.url : text;
      return URL_LIKE.test(url)
        ? value({ kind: 'url', value: url })
        : issue('NOT_A_URL', messages.NOT_A_URL(field.label, text));
    }
    case 'image':
      // Resolved against the images folder by the caller, which knows the folder's files.
      return value({ kind: 'image', name: text });
  }
}

// Converts exceljs's cell values into the engine's plain `Cell`. Both xlsx readers use it.
import type ExcelJS from 'exceljs';
import type { Cell, CellValue, TextRun } from '../model.ts';
import { EMPTY_CELL } from '../model.ts';

type RichTextValue = { richText: { text: string; font?: Partial<ExcelJS.Font> }[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isRich = (v: unknown): v is RichTextValue => isObject(v) && Array.isArray(v.richText);

/** A date without a time of day is a calendar date; exceljs gives them as UTC midnights. */
export function dateToIso(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

function richValue(value: RichTextValue): CellValue {
  const runs: TextRun[] = value.richText
    .filter((r) => r.text !== '')
    .map((r) => ({
      text: r.text,
      ...(r.font?.bold ? { bold: true } : {}),
      ...(r.font?.italic ? { italic: true } : {}),
    }));
  const text = runs.map((r) => r.text).join('');
  if (text === '') return { kind: 'empty' };
  // Runs that carry no emphasis are plain text: keeping them would only add noise downstream.
  return runs.some((r) => r.bold || r.italic)
    ? { kind: 'rich', value: text, runs }
    : { kind: 'text', value: text };
}

function scalar(value: unknown, numFmt: string | undefined): CellValue {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') {
    // The streaming reader turns an error cached in a formula into NaN; it is an error, not a number.
    if (Number.isNaN(value)) return { kind: 'error', value: '#VALUE!' };
    return numFmt && numFmt !== 'General' ? { kind: 'number', value, numFmt } : { kind: 'number', value };
  }
  if (typeof value === 'string') return value === '' ? { kind: 'empty' } : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return { kind: 'date', value: dateToIso(value) };
  if (isRich(value)) return richValue(value);
  if (isObject(value) && typeof value.error === 'string') return { kind: 'error', value: value.error };
  return { kind: 'text', value: String(value) };
}

export function toCell(value: ExcelJS.CellValue | undefined, numFmt?: string): Cell {
  if (value === null || value === undefined) return EMPTY_CELL;
  if (isObject(value) && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const formula = String(value.formula ?? value.sharedFormula ?? '');
      // The cached result is what Excel showed; 0, '' and false are results like any other.
      return { value: scalar(value.result, numFmt), formula };
    }
    if ('hyperlink' in value && typeof value.hyperlink === 'string') {
      const text = scalar(value.text, undefined);
      const shown = text.kind === 'text' || text.kind === 'rich' ? text.value : value.hyperlink;
      return { value: { kind: 'hyperlink', value: shown, url: value.hyperlink } };
    }
  }
  const converted = scalar(value, numFmt);
  return converted.kind === 'empty' ? EMPTY_CELL : { value: converted };
}

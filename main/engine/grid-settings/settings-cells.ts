// Reading one settings cell, with every problem an Issue on that cell. Rates are read as the reseller
// list reads them (same cell readings, same fraction-or-points rule for a discount column), and kept
// as exact decimal strings; a VAT cell follows the settings spec: below 1 a fraction, else points.
import { cellText } from '../common/cell-text.ts';
import { formatRef } from '../common/cell-ref.ts';
import type { Cell, Issue, RawRow, Severity, Translated } from '../model.ts';
import { isPercentFormat } from '../values/parse-percent.ts';
import { normalizeSpaces } from '../values/normalize-text.ts';
import { parseNumber } from '../values/parse-number.ts';
import { readCoefficient, readDiscount, type DiscountReading } from '../resellers/read-resellers.ts';
import { decimalOf, shiftDecimal } from '../resellers/reseller-values.ts';
import type { SettingsColumn } from './settings-headers.ts';
import { usableCell } from '../common/usable-cell.ts';

export type Reporter = { sheet: string; issues: Issue[] };

/** Reports on a cell (`column` given) or on a whole row. */
export function report(
  ctx: Reporter,
  severity: Severity,
  code: string,
  message: Translated,
  row: number,
  column?: string,
  field?: string,
): void {
  const cell = { sheet: ctx.sheet, row, ...(column ? { column } : {}) };
  ctx.issues.push({ severity, code, message, ref: formatRef(cell), cell, ...(field ? { field } : {}) });
}

export const textOf = (cell: Cell | undefined): string => (cell ? normalizeSpaces(cellText(cell)) : '');
const comma = (s: string) => s.replace('.', ',');

/**
 * The cell's value for reading: a formula counts by its cached result. An Excel error (#REF!) is an
 * error on the cell, a formula never computed a warning; both read as empty.
 */
export function usable(ctx: Reporter, row: RawRow, index: number, letter: string): Cell | undefined {
  const cell = usableCell(row.cells[index], (p) =>
    report(ctx, p.severity, `SETTINGS_${p.code}`, p.message, row.number, letter),
  );
  return cell && textOf(cell) !== '' ? cell : undefined;
}

export type ColumnMode = 'fractions' | 'points' | 'mixed';

/** A discount in points (`'12.5'`), or null once reported. `mode` is the column's (discountMode). */
export function discountOf(
  ctx: Reporter,
  cell: Cell,
  at: { row: number; column: SettingsColumn },
  mode: ColumnMode,
): string | null {
  const reading: DiscountReading = readDiscount(cell);
  const shown = textOf(cell);
  const bad = (code: string, message: Translated) => {
    report(ctx, 'error', code, message, at.row, at.column.letter, 'discount');
    return null;
  };
  if (reading.kind === 'bad')
    return bad('SETTINGS_DISCOUNT_INVALID', {
      fr: `Remise illisible « ${shown} » (attendu par exemple 15 %)`,
      en: `Unreadable discount "${shown}" (expected e.g. 15%)`,
    });
  if (reading.kind === 'bare' && mode === 'mixed' && reading.value > 0 && reading.value <= 1) {
    const points = shiftDecimal(decimalOf(reading.value), 2);
    return bad('SETTINGS_DISCOUNT_AMBIGUOUS', {
      fr: `Remise ambiguë « ${shown} » : ${comma(decimalOf(reading.value))} % ou ${comma(points)} % ? Écrivez-la avec le signe %`,
      en: `Ambiguous discount "${shown}": ${decimalOf(reading.value)}% or ${points}%? Write it with a % sign`,
    });
  }
  const asFraction =
    reading.kind === 'fraction' ||
    (reading.kind === 'bare' && mode === 'fractions' && reading.value >= 0 && reading.value <= 1);
  const points = asFraction ? Number((reading.value * 100).toPrecision(15)) : reading.value;
  if (points < 0 || points > 100)
    return bad('SETTINGS_DISCOUNT_OUT_OF_RANGE', {
      fr: `Remise hors de 0 à 100 % : « ${shown} »`,
      en: `Discount outside 0 to 100%: "${shown}"`,
    });
  // Shifted as a string: 0.145 × 100 in floats is 14.499999999999998.
  return asFraction ? shiftDecimal(decimalOf(reading.value), 2) : decimalOf(reading.value);
}

/** The bare numbers of a discount column, for discountMode: the column says what 0.15 means. */
export const bareValues = (cells: readonly (Cell | undefined)[]): number[] =>
  cells.flatMap((cell) => {
    if (!cell || cell.value.kind === 'empty' || cell.value.kind === 'error') return [];
    const reading = readDiscount(cell);
    return reading.kind === 'bare' ? [reading.value] : [];
  });

/** A coefficient (`'0.85'`) above 0, or null once reported. */
export function coefficientOf(
  ctx: Reporter,
  cell: Cell,
  at: { row: number; letter: string },
  field = 'coefficient',
): string | null {
  const value = readCoefficient(cell);
  if (value === undefined || value <= 0) {
    report(
      ctx,
      'error',
      'SETTINGS_COEFFICIENT_INVALID',
      {
        fr: `Coefficient invalide « ${textOf(cell)} » : il faut un nombre supérieur à 0 (ex. 0,85)`,
        en: `Invalid coefficient "${textOf(cell)}": a number above 0 is needed (e.g. 0.85)`,
      },
      at.row,
      at.letter,
      field,
    );
    return null;
  }
  return decimalOf(value);
}

/** A text number whose own separator says the decimal: `5,5` and `5.5` are both five and a half. */
function numberOfText(text: string): number | undefined {
  const decimal = text.includes(',') && !text.includes('.') ? ',' : '.';
  const parsed = parseNumber(text, { decimal });
  return parsed.ok ? parsed.value : undefined;
}

export type VatReading = { ok: true; percent: string } | { ok: false; why: 'invalid' | 'out-of-range' };

/**
 * A VAT rate in percent points as a dot decimal: a %-formatted number is a fraction (0.055 → 5.5);
 * a number or text without `%` below 1 is a fraction (0.2 → 20), from 1 up points (20 → 20); text
 * with `%` is points (« 5,5 % » → 5.5).
 */
export function readVat(cell: Cell): VatReading {
  const v = cell.value;
  let value: number | undefined;
  let fraction: boolean;
  if (v.kind === 'number') {
    value = Number.isFinite(v.value) ? v.value : undefined;
    fraction = (v.numFmt !== undefined && isPercentFormat(v.numFmt)) || (value !== undefined && value < 1);
  } else if (v.kind === 'text' || v.kind === 'rich') {
    const text = normalizeSpaces(v.value);
    const hasSign = text.endsWith('%');
    value = numberOfText(hasSign ? text.slice(0, -1).trim() : text);
    fraction = !hasSign && value !== undefined && value < 1;
  } else return { ok: false, why: 'invalid' };
  if (value === undefined) return { ok: false, why: 'invalid' };
  if (value < 0) return { ok: false, why: 'out-of-range' };
  const percent = fraction ? shiftDecimal(decimalOf(value), 2) : decimalOf(value);
  if (Number(percent) > 100) return { ok: false, why: 'out-of-range' };
  return { ok: true, percent };
}

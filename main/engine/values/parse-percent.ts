// Percentages: typed as text (`20 %`, `5,5%`, `0,2`) or stored by Excel as numbers. Either way the
// result is a fraction (0.2 for twenty per cent).
import { parseNumber } from './parse-number.ts';
import type { NumberOptions } from './parse-number.ts';
import { fail, ok } from './parse-result.ts';
import type { Parsed } from './parse-result.ts';

/**
 * `20 %` and `20` give 0.2; `0,2` gives 0.2. Without a `%` sign, a value up to 1 is taken as already a
 * fraction (so `1` is 100 %), anything larger as points.
 */
export function parsePercent(text: string, opts: NumberOptions = {}): Parsed<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('empty');
  const hasSign = trimmed.endsWith('%');
  const n = parseNumber(hasSign ? trimmed.slice(0, -1) : trimmed, opts);
  if (!n.ok) return fail(n.reason === 'ambiguous' ? 'ambiguous' : 'not-a-percent');
  return ok(hasSign || Math.abs(n.value) > 1 ? fromPoints(n.value) : n.value);
}

/**
 * A number cell: with a percentage format Excel already stores the fraction (it shows 0.2 as 20 %);
 * without one, a value above 1 was typed in points.
 */
export function parsePercentNumber(n: number, numFmt?: string): Parsed<number> {
  if (!Number.isFinite(n)) return fail('not-a-percent');
  if (numFmt !== undefined && isPercentFormat(numFmt)) return ok(n);
  return ok(Math.abs(n) > 1 ? fromPoints(n) : n);
}

/** Whether an Excel number format scales by 100. A `%` in quotes or after `\` is only printed. */
export function isPercentFormat(numFmt: string): boolean {
  return numFmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

// 1.4 / 100 is 0.013999999999999999 in binary floating point; 15 significant digits removes the noise.
const fromPoints = (points: number): number => Number((points / 100).toPrecision(15));

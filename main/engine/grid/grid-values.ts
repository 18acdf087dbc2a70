// The two kinds of value a price grid holds: quantities (« 1 000 ex. », 10k) and price cells, where a
// blank, « N/A », « – » or « sur devis » means *not available* — never a price of 0 — and any other
// text is reported, not guessed.
import type { Cell, Issue } from '../model.ts';
import { cellText } from '../common/cell-text.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';
import { parseNumber } from '../values/parse-number.ts';
import { parsePrice } from '../values/parse-price.ts';
import type { GridCell, GridReadOptions, NotAvailableWhy } from './grid-model.ts';
import { gridIssue, gridMessages, refOf } from './grid-issues.ts';
import type { At } from './grid-issues.ts';

export type QuantityReading =
  | { ok: true; quantity: number; label: string }
  | { ok: false; reason: 'ambiguous' | 'invalid'; label: string };

// Units people write after a quantity; the label keeps them, the number drops them.
const UNIT = /\s*(?:ex\.?|exs\.?|expl\.?|exemplaires?|pcs?\.?|pi[eè]ces?|unit[eé]s?|units?|copies|qty)$/iu;
const THOUSANDS = /^(.*\d)\s*k$/i;

/**
 * The quantity in a cell, or undefined when the cell does not even look like one (blank, or text not
 * starting with a digit): that is how a tier row is told from a title or a note.
 */
export function readQuantity(
  cell: Cell | undefined,
  opts: GridReadOptions = {},
): QuantityReading | undefined {
  if (!cell) return undefined;
  const v = cell.value;
  if (v.kind === 'number') {
    const label = cellText(cell);
    return Number.isInteger(v.value) && v.value > 0
      ? { ok: true, quantity: v.value, label }
      : { ok: false, reason: 'invalid', label };
  }
  if (v.kind !== 'text' && v.kind !== 'rich') return undefined;
  const label = normalizeSpaces(v.value);
  if (!/^\d/.test(label)) return undefined;
  let body = label.replace(UNIT, '').replace(/\s*\+$/, '');
  let factor = 1;
  const k = THOUSANDS.exec(body);
  if (k) {
    body = k[1]!;
    factor = 1000;
  }
  const n = parseNumber(body, opts.decimal ? { decimal: opts.decimal } : {});
  if (!n.ok) return { ok: false, reason: n.reason === 'ambiguous' ? 'ambiguous' : 'invalid', label };
  const value = n.value * factor;
  const whole = Math.round(value);
  // 2,5k is 2500 up to float noise; 2,5 copies is no quantity.
  return Math.abs(value - whole) < 1e-9 && whole > 0
    ? { ok: true, quantity: whole, label }
    : { ok: false, reason: 'invalid', label };
}

export function quantityIssue(reading: QuantityReading & { ok: false }, at: At): Issue {
  return reading.reason === 'ambiguous'
    ? gridIssue('error', 'GRID_QUANTITY_AMBIGUOUS', at, gridMessages.quantityAmbiguous(reading.label))
    : gridIssue('error', 'GRID_QUANTITY_INVALID', at, gridMessages.quantityInvalid(reading.label));
}

const DASHES = new Set(['-', '--', '---', '–', '—', '−', '‒', '―']);
// Folded (foldForMatch): « n.d. » → "nd", « N/A » → "n a".
const NOT_AVAILABLE = new Set([
  'na',
  'n a',
  'nd',
  'n d',
  'nc',
  'n c',
  'non disponible',
  'indisponible',
  'not available',
  'unavailable',
]);
const ON_REQUEST = new Set([
  'sur devis',
  'devis',
  'sur demande',
  'nous consulter',
  'nous contacter',
  'on request',
  'upon request',
  'price on request',
  'poa',
]);

export function notAvailableWhy(text: string): NotAvailableWhy | undefined {
  const t = normalizeSpaces(text);
  if (t === '') return 'empty';
  if (DASHES.has(t)) return 'dash';
  const folded = foldForMatch(t);
  if (NOT_AVAILABLE.has(folded)) return 'na';
  if (ON_REQUEST.has(folded)) return 'on-request';
  return undefined;
}

/**
 * Cents from an amount, rounding half up on the decimal digits as written (1.005 → 101), not on
 * the binary value (1.005 × 100 = 100.4999…). `exact` is false when a digit past the cent was dropped.
 */
export function toCents(amount: number): { cents: number; exact: boolean } {
  // 15 significant digits is what a double holds exactly: beyond lies binary noise (0.1 + 0.2).
  const written = Math.abs(amount).toPrecision(15);
  if (written.includes('e')) {
    const cents = Math.round(Math.abs(amount) * 100);
    return { cents, exact: Math.abs(Math.abs(amount) * 100 - cents) < 1e-9 };
  }
  const [integer = '0', fraction = ''] = written.split('.');
  const cents =
    Number(integer) * 100 +
    Number(fraction.slice(0, 2).padEnd(2, '0')) +
    ((fraction[2] ?? '0') >= '5' ? 1 : 0);
  return { cents, exact: /^0*$/.test(fraction.slice(2)) };
}

export type CellReading = { cell: GridCell; issue?: Issue };

export function readPriceCell(cell: Cell | undefined, at: At, opts: GridReadOptions = {}): CellReading {
  const ref = refOf(at);
  const invalid = (text: string, issue: Issue): CellReading => ({
    cell: { kind: 'not-available', why: 'invalid', text, ref },
    issue,
  });
  if (!cell || cell.value.kind === 'empty')
    return { cell: { kind: 'not-available', why: 'empty', text: '', ref } };
  const v = cell.value;
  const text = normalizeSpaces(cellText(cell));
  if (v.kind === 'error')
    return invalid(text, gridIssue('error', 'GRID_CELL_INVALID', at, gridMessages.formulaError(text)));
  if (v.kind === 'number') return priceOf(v.value, undefined, text, at, ref);
  if (v.kind === 'text' || v.kind === 'rich' || v.kind === 'hyperlink') {
    const why = notAvailableWhy(text);
    if (why) return { cell: { kind: 'not-available', why, text, ref } };
    const price = parsePrice(text, opts.decimal ? { decimal: opts.decimal } : {});
    if (price.ok) return priceOf(price.value.amount, price.value.currency, text, at, ref);
    if (price.reason === 'ambiguous')
      return invalid(
        text,
        gridIssue('error', 'GRID_CELL_INVALID', at, gridMessages.priceAmbiguous(text), {
          reason: 'ambiguous',
        }),
      );
  }
  return invalid(text, gridIssue('error', 'GRID_CELL_INVALID', at, gridMessages.priceInvalid(text)));
}

function priceOf(
  amount: number,
  currency: string | undefined,
  text: string,
  at: At,
  ref: string,
): CellReading {
  if (amount < 0)
    return {
      cell: { kind: 'not-available', why: 'invalid', text, ref },
      issue: gridIssue('error', 'GRID_CELL_INVALID', at, gridMessages.priceNegative(text), {
        reason: 'negative',
      }),
    };
  if (amount === 0)
    return {
      cell: { kind: 'not-available', why: 'invalid', text, ref },
      issue: gridIssue('warning', 'GRID_PRICE_ZERO', at, gridMessages.priceZero()),
    };
  const { cents, exact } = toCents(amount);
  const cell: GridCell = { kind: 'price', cents, ...(currency ? { currency } : {}), ref };
  return exact
    ? { cell }
    : {
        cell,
        issue: gridIssue('warning', 'GRID_PRICE_ROUNDED', at, gridMessages.priceRounded(text, cents), {
          cents,
        }),
      };
}

/** A cell holding a price-looking value: what tells a data row from a header row. */
export function looksLikePrice(cell: Cell | undefined, opts: GridReadOptions = {}): boolean {
  if (!cell) return false;
  if (cell.value.kind === 'number') return true;
  if (cell.value.kind !== 'text' && cell.value.kind !== 'rich') return false;
  return parsePrice(cell.value.value, opts.decimal ? { decimal: opts.decimal } : {}).ok;
}

// The rows under a reseller header → resellers, each value trimmed and checked. Every problem is
// an Issue naming its cell; nothing is guessed: no default rate, no default locale, no logo that
// is not in the folder.
import { cellText } from '../common/cell-text.ts';
import { usableCell } from '../common/usable-cell.ts';
import { formatRef } from '../common/cell-ref.ts';
import type { Cell, Issue, RawRow, RawSheet, Severity, Translated } from '../model.ts';
import { foldForMatch, normalizeSpaces } from '../values/normalize-text.ts';
import { parseNumber } from '../values/parse-number.ts';
import { isPercentFormat } from '../values/parse-percent.ts';
import type {
  Reseller,
  ResellerColumn,
  ResellerColumnRole,
  ResellerList,
  ResellerRate,
  ResellerSheetMatch,
} from './reseller-model.ts';
import { decimalOf, isEmail, normalizeLocale, sameRate, shiftDecimal } from './reseller-values.ts';

export type ReadResellersOptions = {
  /** The levels the pricing knows (Bronze, Argent, Or…); a level outside them is reported. */
  knownLevels?: readonly string[];
  /** File names available in the logos folder; when given, a logo not among them is dropped. */
  logoFiles?: readonly string[];
};

export type ReadResellersResult = { list: ResellerList; issues: Issue[] };

/**
 * A discount cell read, before the column says whether a bare number is a fraction or points:
 * `fraction` is a percent-formatted number (Excel keeps 15 % as 0.15), `points` a text with a `%`.
 */
export type DiscountReading =
  | { kind: 'fraction'; value: number }
  | { kind: 'points'; value: number }
  | { kind: 'bare'; value: number }
  | { kind: 'bad' };

type Ctx = {
  sheet: string;
  issues: Issue[];
};

function report(
  ctx: Ctx,
  severity: Severity,
  code: string,
  message: Translated,
  row: number,
  column: ResellerColumn | undefined,
  field?: string,
): void {
  const cell = { sheet: ctx.sheet, row, ...(column ? { column: column.letter } : {}) };
  ctx.issues.push({ severity, code, message, ref: formatRef(cell), cell, ...(field ? { field } : {}) });
}

/**
 * The cell's value for reading: a formula counts by its cached result. A formula with no result
 * (the file was never recalculated) or an Excel error (#REF!) is reported and read as empty.
 */
function usable(ctx: Ctx, row: RawRow, column: ResellerColumn | undefined, field: string): Cell | undefined {
  if (!column) return undefined;
  return usableCell(row.cells[column.index], (p) =>
    report(ctx, p.severity, `RESELLER_${p.code}`, p.message, row.number, column, field),
  );
}

const textOf = (cell: Cell | undefined) => (cell ? normalizeSpaces(cellText(cell)) : '');

function numberOfText(text: string): number | undefined {
  const decimal = text.includes(',') && !text.includes('.') ? ',' : '.';
  const parsed = parseNumber(text, { decimal });
  return parsed.ok ? parsed.value : undefined;
}

export function readDiscount(cell: Cell): DiscountReading {
  const v = cell.value;
  if (v.kind === 'number') {
    if (!Number.isFinite(v.value)) return { kind: 'bad' };
    const percentFormat = v.numFmt !== undefined && isPercentFormat(v.numFmt);
    return { kind: percentFormat ? 'fraction' : 'bare', value: v.value };
  }
  if (v.kind !== 'text' && v.kind !== 'rich') return { kind: 'bad' };
  const text = normalizeSpaces(v.value);
  const hasSign = text.endsWith('%');
  const n = numberOfText(hasSign ? text.slice(0, -1).trim() : text);
  if (n === undefined) return { kind: 'bad' };
  return { kind: hasSign ? 'points' : 'bare', value: n };
}

/**
 * How the column writes bare numbers: `fractions` when every one is between 0 and 1 (0.15 for
 * 15 %), `points` when none is strictly between 0 and 1 (15 for 15 %), `mixed` otherwise — then a
 * value like 0.5 could be either and is reported, never guessed.
 */
export function discountMode(values: number[]): 'fractions' | 'points' | 'mixed' {
  const small = values.some((v) => v > 0 && v < 1);
  const large = values.some((v) => v > 1 || v < 0);
  if (small && large) return 'mixed';
  return small ? 'fractions' : 'points';
}

export function readCoefficient(cell: Cell): number | undefined {
  const v = cell.value;
  if (v.kind === 'number') return Number.isFinite(v.value) ? v.value : undefined;
  if (v.kind !== 'text' && v.kind !== 'rich') return undefined;
  // `× 1,2` and `x0.85` are how people write a multiplier.
  return numberOfText(normalizeSpaces(v.value).replace(/^[x×*]\s*/i, ''));
}

function emailOf(cell: Cell): string {
  const shown = textOf(cell);
  if (cell.value.kind === 'hyperlink' && !isEmail(shown))
    return cell.value.url.replace(/^mailto:/i, '').trim();
  return shown.replace(/^mailto:/i, '');
}

const baseName = (name: string) => name.split(/[\\/]/).pop() ?? name;

/** The logo as written, if the folder has it: same name, or same apart from letter case. */
function logoFound(logo: string, files: readonly string[]): boolean {
  const wanted = [logo, baseName(logo)].map((n) => n.toLowerCase());
  return files.some((f) => wanted.includes(f.toLowerCase()) || wanted.includes(baseName(f).toLowerCase()));
}

/** The rows under `match.headerRow` of `sheet` as resellers, with every problem found. */
export function readResellers(
  sheet: RawSheet,
  match: ResellerSheetMatch,
  options: ReadResellersOptions = {},
): ReadResellersResult {
  const ctx: Ctx = { sheet: sheet.name, issues: [] };
  const col = (role: ResellerColumnRole) => match.columns[role];
  const rows = sheet.rows.filter((r) => r.number > match.headerRow);

  // The discount column is read whole first: whether 0.15 means 15 % depends on its neighbours.
  const discounts = new Map<number, DiscountReading>();
  const discountColumn = col('discount');
  for (const row of rows) {
    const cell = discountColumn ? row.cells[discountColumn.index] : undefined;
    if (cell && cell.value.kind !== 'empty' && cell.value.kind !== 'error')
      discounts.set(row.number, readDiscount(cell));
  }
  const mode = discountMode([...discounts.values()].flatMap((d) => (d.kind === 'bare' ? [d.value] : [])));

  const known = new Map((options.knownLevels ?? []).map((l) => [foldForMatch(l), l]));
  const seen = new Map<string, number>();
  const resellers: Reseller[] = [];
  const levels: string[] = [];

  for (const row of rows) {
    if (row.cells.every((c) => textOf(c) === '')) continue;
    const r = row.number;
    const name = textOf(usable(ctx, row, col('name'), 'name'));
    if (name === '') {
      report(
        ctx,
        'warning',
        'RESELLER_NAME_MISSING',
        {
          fr: 'Ligne sans nom de revendeur : ignorée',
          en: 'Row with no reseller name: skipped',
        },
        r,
        col('name'),
        'name',
      );
      continue;
    }
    const key = foldForMatch(name);
    const first = seen.get(key);
    if (first !== undefined) {
      report(
        ctx,
        'error',
        'RESELLER_DUPLICATE',
        {
          fr: `Revendeur « ${name} » en double (déjà ligne ${first}) : ligne ignorée`,
          en: `Duplicate reseller "${name}" (already row ${first}): row skipped`,
        },
        r,
        col('name'),
        'name',
      );
      continue;
    }
    seen.set(key, r);
    const reseller: Reseller = { row: r, name };

    const levelText = textOf(usable(ctx, row, col('level'), 'level'));
    if (levelText !== '') {
      const knownSpelling = known.get(foldForMatch(levelText));
      if (options.knownLevels && knownSpelling === undefined)
        report(
          ctx,
          'warning',
          'RESELLER_UNKNOWN_LEVEL',
          {
            fr: `Niveau inconnu « ${levelText} » (connus : ${options.knownLevels.join(', ')})`,
            en: `Unknown level "${levelText}" (known: ${options.knownLevels.join(', ')})`,
          },
          r,
          col('level'),
          'level',
        );
      reseller.level = knownSpelling ?? levelText;
      if (!levels.includes(reseller.level)) levels.push(reseller.level);
    }

    const discount = readRowDiscount(ctx, row, col('discount'), discounts.get(r), mode);
    const coefficient = readRowCoefficient(ctx, row, col('coefficient'));
    const rate = combineRates(ctx, r, col('coefficient'), discount, coefficient);
    if (rate) reseller.rate = rate;
    if (!rate && discount === undefined && coefficient === undefined && !reseller.level)
      report(
        ctx,
        'warning',
        'RESELLER_NO_RATE',
        {
          fr: `« ${name} » n'a ni niveau, ni remise, ni coefficient : aucun tarif ne lui sera appliqué`,
          en: `"${name}" has no level, discount or coefficient: no rate will be applied`,
        },
        r,
        undefined,
      );

    const emailCell = usable(ctx, row, col('email'), 'email');
    if (emailCell && textOf(emailCell) !== '') {
      const email = emailOf(emailCell);
      if (isEmail(email)) reseller.email = email;
      else
        report(
          ctx,
          'warning',
          'RESELLER_EMAIL_INVALID',
          {
            fr: `Adresse e-mail invalide « ${email} » : ignorée`,
            en: `Invalid email address "${email}": ignored`,
          },
          r,
          col('email'),
          'email',
        );
    }

    const logo = textOf(usable(ctx, row, col('logo'), 'logo'));
    if (logo !== '') {
      if (options.logoFiles && !logoFound(logo, options.logoFiles))
        report(
          ctx,
          'warning',
          'RESELLER_LOGO_MISSING',
          {
            fr: `Logo « ${logo} » introuvable : la liste sera faite sans logo`,
            en: `Logo "${logo}" not found: the list will be made without a logo`,
          },
          r,
          col('logo'),
          'logo',
        );
      else reseller.logo = logo;
    }

    // Only the ends are trimmed: a space inside a password is part of it. Never put it in a message.
    const passwordCell = usable(ctx, row, col('password'), 'password');
    const password = passwordCell ? cellText(passwordCell).trim() : '';
    if (password !== '') reseller.password = password;

    const localeText = textOf(usable(ctx, row, col('locale'), 'locale'));
    if (localeText !== '') {
      const locale = normalizeLocale(localeText);
      if (locale) reseller.locale = locale;
      else
        report(
          ctx,
          'warning',
          'RESELLER_UNKNOWN_LOCALE',
          {
            fr: `Langue inconnue « ${localeText} » (attendu : français ou anglais, fr, en-GB…) : non retenue`,
            en: `Unknown language "${localeText}" (expected French or English, fr, en-GB…): not set`,
          },
          r,
          col('locale'),
          'locale',
        );
    }
    resellers.push(reseller);
  }
  return { list: { sheet: sheet.name, resellers, levels }, issues: ctx.issues };
}

/** The row's discount in points ('15' for 15 %), undefined when blank, null when reported. */
function readRowDiscount(
  ctx: Ctx,
  row: RawRow,
  column: ResellerColumn | undefined,
  reading: DiscountReading | undefined,
  mode: 'fractions' | 'points' | 'mixed',
): string | null | undefined {
  if (!column || !usable(ctx, row, column, 'discount') || !reading) return undefined;
  const shown = textOf(row.cells[column.index]);
  const bad = (code: string, message: Translated) => {
    report(ctx, 'error', code, message, row.number, column, 'discount');
    return null;
  };
  if (reading.kind === 'bad')
    return bad('RESELLER_DISCOUNT_INVALID', {
      fr: `Remise illisible « ${shown} » (attendu par exemple 15 %)`,
      en: `Unreadable discount "${shown}" (expected e.g. 15%)`,
    });
  const asFraction =
    reading.kind === 'fraction' ||
    (reading.kind === 'bare' && mode === 'fractions' && reading.value >= 0 && reading.value <= 1);
  if (reading.kind === 'bare' && mode === 'mixed' && reading.value > 0 && reading.value <= 1) {
    const points = shiftDecimal(decimalOf(reading.value), 2);
    const comma = (s: string) => s.replace('.', ',');
    return bad('RESELLER_DISCOUNT_AMBIGUOUS', {
      fr: `Remise ambiguë « ${shown} » : ${comma(decimalOf(reading.value))} % ou ${comma(points)} % ? Écrivez-la avec le signe %`,
      en: `Ambiguous discount "${shown}": ${decimalOf(reading.value)}% or ${points}%? Write it with a % sign`,
    });
  }
  const points = asFraction ? Number((reading.value * 100).toPrecision(15)) : reading.value;
  if (points < 0 || points > 100)
    return bad('RESELLER_DISCOUNT_OUT_OF_RANGE', {
      fr: `Remise hors de 0 à 100 % : « ${shown} »`,
      en: `Discount outside 0 to 100%: "${shown}"`,
    });
  // The exact decimal is shifted as a string: 0.145 × 100 in floats is 14.499999999999998.
  return asFraction ? shiftDecimal(decimalOf(reading.value), 2) : decimalOf(reading.value);
}

/** The row's coefficient ('0.85'), undefined when blank, null when reported. */
function readRowCoefficient(
  ctx: Ctx,
  row: RawRow,
  column: ResellerColumn | undefined,
): string | null | undefined {
  const cell = usable(ctx, row, column, 'coefficient');
  if (!cell) return undefined;
  const value = readCoefficient(cell);
  if (value === undefined || value <= 0) {
    report(
      ctx,
      'error',
      'RESELLER_COEFFICIENT_INVALID',
      {
        fr: `Coefficient invalide « ${textOf(cell)} » : il faut un nombre supérieur à 0 (ex. 0,85)`,
        en: `Invalid coefficient "${textOf(cell)}": a number above 0 is needed (e.g. 0.85)`,
      },
      row.number,
      column,
      'coefficient',
    );
    return null;
  }
  return decimalOf(value);
}

/** One rate from the two columns; both filled must say the same, or neither is trusted. */
function combineRates(
  ctx: Ctx,
  row: number,
  coefficientColumn: ResellerColumn | undefined,
  discount: string | null | undefined,
  coefficient: string | null | undefined,
): ResellerRate | undefined {
  if (discount === null || coefficient === null) return undefined;
  if (discount !== undefined && coefficient !== undefined) {
    if (sameRate(coefficient, discount)) return { kind: 'discount', percent: discount };
    report(
      ctx,
      'error',
      'RESELLER_RATE_CONFLICT',
      {
        fr: `Remise (${discount.replace('.', ',')} %) et coefficient (${coefficient.replace('.', ',')}) ne disent pas la même chose : aucun tarif retenu`,
        en: `Discount (${discount}%) and coefficient (${coefficient}) disagree: no rate kept`,
      },
      row,
      coefficientColumn,
      'rate',
    );
    return undefined;
  }
  if (discount !== undefined) return { kind: 'discount', percent: discount };
  if (coefficient !== undefined) return { kind: 'coefficient', value: coefficient };
  return undefined;
}

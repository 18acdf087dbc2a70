// The three tabular settings sheets under their header row: level rates, VAT per family, and family
// rates per reseller or per level. A row that cannot be read is reported on its cell and left out;
// nothing is filled in for it (no default rate, no default VAT).
import type { RawRow, RawSheet } from '../model.ts';
import type { RateSpec } from '../pricing/reseller-price.ts';
import { discountMode } from '../resellers/read-resellers.ts';
import { foldForMatch } from '../values/normalize-text.ts';
import {
  bareValues,
  coefficientOf,
  discountOf,
  readVat,
  report,
  textOf,
  usable,
  type ColumnMode,
  type Reporter,
} from './settings-cells.ts';
import type { SettingsColumn, TableMatch } from './settings-headers.ts';

const rowsBelow = (sheet: RawSheet, match: TableMatch): RawRow[] =>
  sheet.rows.filter((r) => r.number > match.headerRow && r.cells.some((c) => textOf(c) !== ''));

function modeOf(rows: RawRow[], column: SettingsColumn | undefined): ColumnMode {
  if (!column) return 'points';
  return discountMode(bareValues(rows.map((r) => r.cells[column.index])));
}

const nameIn = (
  ctx: Reporter,
  row: RawRow,
  column: SettingsColumn | undefined,
): { name: string; column: SettingsColumn } | undefined => {
  if (!column) return undefined;
  const name = textOf(usable(ctx, row, column.index, column.letter));
  return name === '' ? undefined : { name, column };
};

/** The row's rate: exactly one of a discount or a coefficient; undefined when none or reported. */
function rateOf(
  ctx: Reporter,
  row: RawRow,
  match: TableMatch,
  mode: ColumnMode,
): { spec?: RateSpec; reported: boolean } {
  const { discount: dCol, coefficient: cCol } = match.columns;
  const before = ctx.issues.length;
  const dCell = dCol && usable(ctx, row, dCol.index, dCol.letter);
  const cCell = cCol && usable(ctx, row, cCol.index, cCol.letter);
  if (dCell && cCell) {
    report(
      ctx,
      'error',
      'SETTINGS_TWO_RATES',
      {
        fr: `Ligne ${row.number} : une remise ET un coefficient — donnez l'un ou l'autre ; ligne ignorée`,
        en: `Row ${row.number}: both a discount AND a coefficient — give one or the other; row skipped`,
      },
      row.number,
    );
    return { reported: true };
  }
  if (dCell) {
    const percent = discountOf(ctx, dCell, { row: row.number, column: dCol! }, mode);
    return percent === null ? { reported: true } : { spec: { kind: 'discount', percent }, reported: false };
  }
  if (cCell) {
    const value = coefficientOf(ctx, cCell, { row: row.number, letter: cCol!.letter });
    return value === null ? { reported: true } : { spec: { kind: 'coefficient', value }, reported: false };
  }
  // An Excel error in a rate cell was reported on the cell: no need to say "no rate" as well.
  return { reported: ctx.issues.length > before };
}

const noRate = (ctx: Reporter, row: number, what: string, whatEn: string) =>
  report(
    ctx,
    'warning',
    'SETTINGS_NO_RATE',
    {
      fr: `${what} : ni remise ni coefficient — ligne ignorée (aucun tarif par défaut)`,
      en: `${whatEn}: neither a discount nor a coefficient — row skipped (no default rate)`,
    },
    row,
  );

/** A name seen twice (accents and case aside): the first row wins, the later one is reported. */
function firstOnly(
  ctx: Reporter,
  seen: Map<string, number>,
  key: string,
  at: { row: number; letter: string },
  label: { fr: string; en: string } = { fr: `« ${key} »`, en: `"${key}"` },
) {
  const first = seen.get(foldForMatch(key));
  if (first === undefined) {
    seen.set(foldForMatch(key), at.row);
    return true;
  }
  report(
    ctx,
    'warning',
    'SETTINGS_DUPLICATE',
    {
      fr: `${label.fr} en double (déjà ligne ${first}) : ligne ignorée`,
      en: `Duplicate ${label.en} (already row ${first}): row skipped`,
    },
    at.row,
    at.letter,
  );
  return false;
}

export function readLevels(sheet: RawSheet, match: TableMatch, ctx: Reporter): Record<string, RateSpec> {
  const rows = rowsBelow(sheet, match);
  const mode = modeOf(rows, match.columns.discount);
  const levels: Record<string, RateSpec> = {};
  const seen = new Map<string, number>();
  for (const row of rows) {
    const level = nameIn(ctx, row, match.columns.level);
    if (!level) {
      report(
        ctx,
        'warning',
        'SETTINGS_LEVEL_MISSING',
        { fr: 'Ligne sans nom de niveau : ignorée', en: 'Row with no level name: skipped' },
        row.number,
        match.columns.level?.letter,
      );
      continue;
    }
    const rate = rateOf(ctx, row, match, mode);
    if (rate.spec) {
      if (firstOnly(ctx, seen, level.name, { row: row.number, letter: level.column.letter }))
        levels[level.name] = rate.spec;
    } else if (!rate.reported) noRate(ctx, row.number, `Niveau « ${level.name} »`, `Level "${level.name}"`);
  }
  return levels;
}

export function readFamilies(sheet: RawSheet, match: TableMatch, ctx: Reporter): Record<string, string> {
  const vatByFamily: Record<string, string> = {};
  const seen = new Map<string, number>();
  const vatColumn = match.columns.vat!;
  for (const row of rowsBelow(sheet, match)) {
    const family = nameIn(ctx, row, match.columns.family);
    if (!family) continue;
    const cell = usable(ctx, row, vatColumn.index, vatColumn.letter);
    const shown = textOf(cell);
    const reading = cell ? readVat(cell) : undefined;
    if (!reading || !reading.ok) {
      const why: { fr: string; en: string } = !reading
        ? { fr: 'pas de taux de TVA', en: 'no VAT rate' }
        : reading.why === 'invalid'
          ? { fr: `taux de TVA illisible « ${shown} »`, en: `unreadable VAT rate "${shown}"` }
          : { fr: `taux de TVA hors de 0 à 100 % « ${shown} »`, en: `VAT rate outside 0 to 100% "${shown}"` };
      report(
        ctx,
        'warning',
        reading ? 'SETTINGS_VAT_INVALID' : 'SETTINGS_VAT_MISSING',
        {
          fr: `Famille « ${family.name} » : ${why.fr} — aucun prix TTC pour elle (pas de taux par défaut)`,
          en: `Family "${family.name}": ${why.en} — no price including VAT for it (no default rate)`,
        },
        row.number,
        vatColumn.letter,
        'vat',
      );
      continue;
    }
    if (firstOnly(ctx, seen, family.name, { row: row.number, letter: family.column.letter }))
      vatByFamily[family.name] = reading.percent;
  }
  return vatByFamily;
}

export type FamilyRates = {
  reseller: Record<string, Record<string, RateSpec>>;
  level: Record<string, Record<string, RateSpec>>;
};

export function readFamilyRates(sheet: RawSheet, match: TableMatch, ctx: Reporter): FamilyRates {
  const rows = rowsBelow(sheet, match);
  const mode = modeOf(rows, match.columns.discount);
  const rates: FamilyRates = { reseller: {}, level: {} };
  const spelling: Record<string, string> = {};
  const seen = new Map<string, number>();
  for (const row of rows) {
    const reseller = nameIn(ctx, row, match.columns.reseller);
    const level = nameIn(ctx, row, match.columns.level);
    const family = nameIn(ctx, row, match.columns.family);
    if (reseller && level) {
      report(
        ctx,
        'error',
        'SETTINGS_RESELLER_AND_LEVEL',
        {
          fr: `Ligne ${row.number} : un revendeur (« ${reseller.name} ») ET un niveau (« ${level.name} ») — à qui s'applique ce tarif ? Ligne ignorée`,
          en: `Row ${row.number}: both a reseller ("${reseller.name}") AND a level ("${level.name}") — whom does this rate apply to? Row skipped`,
        },
        row.number,
      );
      continue;
    }
    const who = reseller ?? level;
    if (!who || !family) {
      const missing = !family ? match.columns.family : (match.columns.reseller ?? match.columns.level);
      report(
        ctx,
        'warning',
        'SETTINGS_FAMILY_RATE_INCOMPLETE',
        {
          fr: !family
            ? 'Ligne sans famille : ignorée'
            : 'Ligne sans revendeur ni niveau : ignorée (à qui s’applique ce tarif ?)',
          en: !family
            ? 'Row with no family: skipped'
            : 'Row with no reseller or level: skipped (whom does this rate apply to?)',
        },
        row.number,
        missing?.letter,
      );
      continue;
    }
    const rate = rateOf(ctx, row, match, mode);
    if (!rate.spec) {
      if (!rate.reported)
        noRate(
          ctx,
          row.number,
          `« ${who.name} », famille « ${family.name} »`,
          `"${who.name}", family "${family.name}"`,
        );
      continue;
    }
    const target = reseller ? rates.reseller : rates.level;
    const label = {
      fr: `« ${who.name} », famille « ${family.name} »,`,
      en: `"${who.name}", family "${family.name}",`,
    };
    const key = `${reseller ? 'r' : 'l'} ${who.name} | ${family.name}`;
    if (!firstOnly(ctx, seen, key, { row: row.number, letter: family.column.letter }, label)) continue;
    // "Dupont" and "DUPONT" are one reseller: the first spelling names it.
    const folded = `${reseller ? 'r' : 'l'} ${foldForMatch(who.name)}`;
    const name = (spelling[folded] ??= who.name);
    (target[name] ??= {})[family.name] = rate.spec;
  }
  return rates;
}

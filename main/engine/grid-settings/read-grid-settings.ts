// A workbook's optional pricing settings sheets → GridSettings. Each sheet is recognised by its
// headers (or, for the conditions, by its keys), never by its name or position; grid and reseller
// sheets the caller already uses are skipped, and the header rules keep the others out anyway (a
// reseller list has names and emails, a grid quantities and prices). Only what a sheet says is kept.
import type { Issue, RawSheet } from '../model.ts';
import type { DecimalSeparator } from '../values/parse-number.ts';
import { GridSettings, mergeGridSettings, type UsedSettingsSheets } from './grid-settings-model.ts';
import { looksLikeConditions, readConditions, type Conditions } from './read-conditions.ts';
import { readFamilies, readFamilyRates, readLevels } from './read-rate-tables.ts';
import { report, type Reporter } from './settings-cells.ts';
import { matchSettingsTable } from './settings-headers.ts';

export { GridSettings, mergeGridSettings };

export type ReadGridSettingsOptions = {
  /** How text amounts write decimals (`1,50` or `1.50`): settles the minimum price's `1,500`. */
  decimal?: DecimalSeparator;
  /** Sheets already read as a grid or the reseller list: never read as settings. */
  skip?: readonly string[];
};

export type ReadGridSettingsResult = { settings: GridSettings; issues: Issue[]; used: UsedSettingsSheets };

const KIND_WORDS: Record<keyof UsedSettingsSheets, { fr: string; en: string }> = {
  levels: { fr: 'des niveaux', en: 'levels' },
  families: { fr: 'des familles (TVA)', en: 'families (VAT)' },
  familyRates: { fr: 'des tarifs par famille', en: 'family rates' },
  conditions: { fr: 'des conditions', en: 'conditions' },
};

export function readGridSettings(
  sheets: readonly RawSheet[],
  opts: ReadGridSettingsOptions = {},
): ReadGridSettingsResult {
  const issues: Issue[] = [];
  const used: UsedSettingsSheets = {};
  const skip = new Set(opts.skip ?? []);
  const settings = GridSettings.parse({});
  let conditions: Conditions | undefined;

  // The first sheet of a kind is read; another one is reported, not merged: two level tables that
  // disagree would otherwise be settled silently by sheet order.
  const claim = (kind: keyof UsedSettingsSheets, sheet: RawSheet): Reporter | undefined => {
    const ctx: Reporter = { sheet: sheet.name, issues };
    const already = used[kind];
    if (already === undefined) {
      used[kind] = sheet.name;
      return ctx;
    }
    const words = KIND_WORDS[kind];
    report(
      ctx,
      'warning',
      'SETTINGS_SHEET_IGNORED',
      {
        fr: `La feuille « ${sheet.name} » est aussi une table ${words.fr} : seule « ${already} » est lue`,
        en: `The sheet "${sheet.name}" is also a table of ${words.en}: only "${already}" is read`,
      },
      1,
    );
    return undefined;
  };

  for (const sheet of sheets) {
    if (skip.has(sheet.name)) continue;
    const table = matchSettingsTable(sheet);
    if (table) {
      const ctx = claim(table.kind, sheet);
      if (!ctx) continue;
      if (table.kind === 'levels') settings.levels = readLevels(sheet, table, ctx);
      else if (table.kind === 'families') settings.vatByFamily = readFamilies(sheet, table, ctx);
      else settings.familyRates = readFamilyRates(sheet, table, ctx);
    } else if (looksLikeConditions(sheet)) {
      const ctx = claim('conditions', sheet);
      if (ctx)
        conditions = readConditions(sheet, { ...ctx, ...(opts.decimal ? { decimal: opts.decimal } : {}) });
    }
  }
  if (conditions) applyConditions(settings, conditions);
  return { settings, issues, used };
}

function applyConditions(settings: GridSettings, c: Conditions): void {
  const { markup, publicRounding, publicRoundOn, terms, ...rest } = c;
  Object.assign(settings, rest);
  settings.terms = terms;
  if (markup !== undefined)
    settings.publicPrice = {
      markup,
      // Cent rounding is no invented data: a price is printed to the cent anyway.
      rounding: publicRounding ?? c.rounding ?? { step: 1, mode: 'nearest' },
      // The public sees TTC; without any VAT rate there is no TTC to round.
      roundOn: publicRoundOn ?? (Object.keys(settings.vatByFamily).length > 0 ? 'ttc' : 'ht'),
    };
}

// A whole print-trade workbook: grid sheets and a reseller list beside the optional settings sheets.
// Only the settings sheets are read as settings, each by its headers whatever its name, and nothing
// the workbook does not say is invented.
import { describe, expect, it } from 'vitest';
import {
  GridSettings,
  mergeGridSettings,
  readGridSettings,
} from '../../../../main/engine/grid-settings/read-grid-settings.ts';
import { readPriceGrid } from '../../../../main/engine/grid/read-price-grid.ts';
import type { Issue, RawSheet } from '../../../../main/engine/model.ts';
import { findResellerSheet } from '../../../../main/engine/resellers/find-reseller-sheet.ts';
import { rawSheet, rowsFrom, type RawInput } from '../import/raw-sheet.ts';

const sheet = (name: string, rows: RawInput[][], extra: Partial<RawSheet> = {}) =>
  rawSheet(rowsFrom(rows), { name, ...extra });
const brief = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.ref}`);

const matrixGrid = sheet(
  'Tarifs',
  [
    ['Flyers A5'],
    ['Quantité', 'Couché 135 g', 'Couché 350 g'],
    ['100 ex.', 25, 31.5],
    ['250 ex.', 39.9, 'sur devis'],
  ],
  { merges: [{ top: 1, left: 1, bottom: 1, right: 3 }] },
);
// A long grid with a VAT column: a family and a VAT rate, yet no families sheet.
const longGrid = sheet('Liste', [
  ['Famille', 'Variante', 'Quantité', 'Prix HT', 'TVA'],
  ['Affiches', 'A3', 100, 40, '20 %'],
]);
const resellers = sheet('Revendeurs', [
  ['Revendeur', 'Niveau', 'Remise', 'Email'],
  ['Imprimerie Dupont', 'Or', '', 'contact@dupont.fr'],
  ['Print Express', 'Argent', '12,5 %', 'pao@printexpress.fr'],
]);
// A reseller list with no email column still has names beside its levels: not a levels sheet.
const plainResellers = sheet('Clients', [
  ['Nom', 'Niveau', 'Remise'],
  ['Studio Lune', 'Or', '5 %'],
]);
const levels = sheet('Paramètres niveaux', [
  ['Niveau', 'Remise'],
  ['Argent', '10 %'],
  ['Or', '20 %'],
]);
const families = sheet('TVA', [
  ['Gamme', 'TVA'],
  ['Flyers A5', '20 %'],
  ['Livres', '5,5 %'],
]);
const familyRates = sheet('Exceptions', [
  ['Client', 'Famille', 'Coefficient'],
  ['Print Express', 'Flyers A5', 0.8],
]);
const conditions = sheet('Infos', [
  ['Fournisseur', 'Imprimerie Lumière'],
  ['Devise', 'EUR'],
  ['Arrondi', '0.05:up'],
]);

describe('readGridSettings on a whole workbook', () => {
  it('reads each settings sheet by its headers and leaves the grids and reseller lists alone', () => {
    const workbook = [
      matrixGrid,
      longGrid,
      resellers,
      plainResellers,
      levels,
      families,
      familyRates,
      conditions,
    ];
    // The other readers agree on what the grid and reseller sheets are.
    expect(readPriceGrid(matrixGrid).grid.format).toBe('matrix');
    expect(readPriceGrid(longGrid).grid.format).toBe('long');
    expect(findResellerSheet(workbook)?.sheet).toBe('Revendeurs');

    const { settings, issues, used } = readGridSettings(workbook);
    expect(issues).toEqual([]);
    expect(used).toEqual({
      levels: 'Paramètres niveaux',
      families: 'TVA',
      familyRates: 'Exceptions',
      conditions: 'Infos',
    });
    expect(GridSettings.parse(settings)).toEqual(settings);
    expect(settings).toEqual({
      levels: { Argent: { kind: 'discount', percent: '10' }, Or: { kind: 'discount', percent: '20' } },
      vatByFamily: { 'Flyers A5': '20', Livres: '5.5' },
      familyRates: {
        reseller: { 'Print Express': { 'Flyers A5': { kind: 'coefficient', value: '0.8' } } },
        level: {},
      },
      supplier: { name: 'Imprimerie Lumière' },
      currency: 'EUR',
      rounding: { step: 5, mode: 'up' },
      terms: [],
    });
  });

  it('invents nothing: grids and resellers only → empty settings, no VAT, currency, rounding or discount', () => {
    const { settings, issues, used } = readGridSettings([matrixGrid, longGrid, resellers, plainResellers]);
    expect(issues).toEqual([]);
    expect(used).toEqual({});
    expect(settings).toEqual({
      levels: {},
      vatByFamily: {},
      familyRates: { reseller: {}, level: {} },
      terms: [],
    });
  });

  it('never reads a skipped sheet, even one that looks like settings', () => {
    const { settings, used } = readGridSettings([levels, conditions], {
      skip: ['Paramètres niveaux', 'Infos'],
    });
    expect(used).toEqual({});
    expect(settings.levels).toEqual({});
    expect(settings.currency).toBeUndefined();
  });

  it('reads the first sheet of a kind and says the second one is ignored', () => {
    const other = sheet('Niveaux 2026', [
      ['Level', 'Coefficient'],
      ['Or', 0.7],
    ]);
    const { settings, issues, used } = readGridSettings([levels, other]);
    expect(used.levels).toBe('Paramètres niveaux');
    expect(settings.levels['Or']).toEqual({ kind: 'discount', percent: '20' });
    expect(brief(issues)).toEqual(["warning SETTINGS_SHEET_IGNORED 'Niveaux 2026'!1:1"]);
    expect(issues[0]!.message.fr).toContain('Paramètres niveaux');
  });

  it('finds a header row below a title, and quotes sheet names in refs as Excel does', () => {
    const { settings, issues } = readGridSettings([
      sheet('Remises niveaux', [
        ['Remises accordées par niveau — 2027'],
        [],
        ['Niveau', 'Remise'],
        ['Or', '150 %'],
        ['Argent', '10 %'],
      ]),
    ]);
    expect(settings.levels).toEqual({ Argent: { kind: 'discount', percent: '10' } });
    expect(brief(issues)).toEqual(["error SETTINGS_DISCOUNT_OUT_OF_RANGE 'Remises niveaux'!B4"]);
  });
});

describe('mergeGridSettings', () => {
  const base = readGridSettings([levels, families, conditions]).settings;

  it('lets later sources win key by key, records entry by entry, and never erases with undefined', () => {
    const merged = mergeGridSettings(base, {
      rounding: { step: 'psychological-99', mode: 'up' },
      levels: { Or: { kind: 'coefficient', value: '0.75' } },
      vatByFamily: { Livres: '7' },
      supplier: { logo: 'lumiere.png' },
      currency: undefined,
    });
    expect(merged.rounding).toEqual({ step: 'psychological-99', mode: 'up' });
    expect(merged.levels).toEqual({
      Argent: { kind: 'discount', percent: '10' },
      Or: { kind: 'coefficient', value: '0.75' },
    });
    expect(merged.vatByFamily).toEqual({ 'Flyers A5': '20', Livres: '7' });
    expect(merged.supplier).toEqual({ name: 'Imprimerie Lumière', logo: 'lumiere.png' });
    expect(merged.currency).toBe('EUR');
    expect(base.rounding).toEqual({ step: 5, mode: 'up' });
  });

  it('with nothing over it, gives the base back', () => {
    expect(mergeGridSettings(base, {})).toEqual(base);
  });
});

// Levels, families (VAT) and family-rate sheets read through readGridSettings, as the CLI will.
import { describe, expect, it } from 'vitest';
import { readGridSettings } from '../../../../main/engine/grid-settings/read-grid-settings.ts';
import type { Issue } from '../../../../main/engine/model.ts';
import { error, num, rawSheet, rowsFrom, type RawInput } from '../import/raw-sheet.ts';

const sheet = (name: string, rows: RawInput[][]) => rawSheet(rowsFrom(rows), { name });
const brief = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.ref}`);

describe('levels sheet', () => {
  it('reads FR headers, text percents, a coefficient, and keeps exact decimal strings', () => {
    const { settings, issues, used } = readGridSettings([
      sheet('Niveaux', [
        ['Niveau', 'Remise %', 'Coefficient'],
        ['Bronze', '5 %', ''],
        ['Argent', '12,5 %', ''],
        ['Or', 15, ''],
        ['Platine', '', '0,8'],
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(used).toEqual({ levels: 'Niveaux' });
    expect(settings.levels).toEqual({
      Bronze: { kind: 'discount', percent: '5' },
      Argent: { kind: 'discount', percent: '12.5' },
      Or: { kind: 'discount', percent: '15' },
      Platine: { kind: 'coefficient', value: '0.8' },
    });
  });

  it('reads EN headers and percent-formatted numbers (0% and 0.0%) as fractions', () => {
    const { settings, issues } = readGridSettings([
      sheet('Tiers', [
        ['Level', 'Discount'],
        ['Bronze', num(0.05, '0%')],
        ['Silver', num(0.125, '0.0%')],
        ['Gold', num(0.145, '0.0%')],
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(settings.levels).toEqual({
      Bronze: { kind: 'discount', percent: '5' },
      Silver: { kind: 'discount', percent: '12.5' },
      Gold: { kind: 'discount', percent: '14.5' },
    });
  });

  it('reads a column of bare fractions as fractions, and reports a mixed one rather than guess', () => {
    const fractions = readGridSettings([
      sheet('L', [
        ['Niveau', 'Remise'],
        ['A', 0.05],
        ['B', 0.1],
      ]),
    ]);
    expect(fractions.settings.levels).toEqual({
      A: { kind: 'discount', percent: '5' },
      B: { kind: 'discount', percent: '10' },
    });
    const mixed = readGridSettings([
      sheet('L', [
        ['Niveau', 'Remise'],
        ['A', 0.5],
        ['B', 10],
      ]),
    ]);
    expect(brief(mixed.issues)).toEqual(['error SETTINGS_DISCOUNT_AMBIGUOUS L!B2']);
    expect(mixed.settings.levels).toEqual({ B: { kind: 'discount', percent: '10' } });
  });

  it('reports both rates on a row (on the row), out-of-range values and Excel errors on their cells', () => {
    const { settings, issues } = readGridSettings([
      sheet('Niveaux', [
        ['Niveau', 'Remise', 'Coef.'],
        ['Bronze', '5 %', 0.95],
        ['Argent', '120 %', ''],
        ['Or', '', 0],
        ['Platine', '', '-1'],
        ['Diamant', error('#REF!'), ''],
        ['Saphir', '', ''],
        ['Rubis', '10 %', ''],
      ]),
    ]);
    expect(brief(issues)).toEqual([
      'error SETTINGS_TWO_RATES Niveaux!2:2',
      'error SETTINGS_DISCOUNT_OUT_OF_RANGE Niveaux!B3',
      'error SETTINGS_COEFFICIENT_INVALID Niveaux!C4',
      'error SETTINGS_COEFFICIENT_INVALID Niveaux!C5',
      'error SETTINGS_CELL_ERROR Niveaux!B6',
      'warning SETTINGS_NO_RATE Niveaux!7:7',
    ]);
    expect(issues[0]!.cell).toEqual({ sheet: 'Niveaux', row: 2 });
    expect(issues[0]!.message.fr).toContain('Ligne 2');
    expect(issues[1]!.message.en).toContain('120 %');
    expect(settings.levels).toEqual({ Rubis: { kind: 'discount', percent: '10' } });
  });

  it('keeps the first of two rows naming the same level, accents and case aside', () => {
    const { settings, issues } = readGridSettings([
      sheet('Niveaux', [
        ['Niveau', 'Remise'],
        ['Élite', '20 %'],
        ['elite', '25 %'],
      ]),
    ]);
    expect(brief(issues)).toEqual(['warning SETTINGS_DUPLICATE Niveaux!A3']);
    expect(settings.levels).toEqual({ Élite: { kind: 'discount', percent: '20' } });
  });
});

describe('families sheet', () => {
  it('reads VAT as percent points, fractions below 1, %-formatted cells; extra columns ignored', () => {
    const { settings, issues, used } = readGridSettings([
      sheet('Familles', [
        ['Famille', 'Taux TVA', 'Commentaire'],
        ['Flyers', 20, 'imprimés'],
        ['Livres', '5,5 %', ''],
        ['Brochures', num(0.055, '0.0%'), ''],
        ['Affiches', 0.2, ''],
        ['Agendas', '10', ''],
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(used).toEqual({ families: 'Familles' });
    expect(settings.vatByFamily).toEqual({
      Flyers: '20',
      Livres: '5.5',
      Brochures: '5.5',
      Affiches: '20',
      Agendas: '10',
    });
  });

  it('never invents a VAT rate: blank or unreadable → no entry and a warning on the cell', () => {
    const { settings, issues } = readGridSettings([
      sheet('Products', [
        ['Product range', 'VAT rate'],
        ['Flyers', ''],
        ['Posters', 'to be confirmed'],
        ['Books', '150 %'],
        ['Cards', '20%'],
      ]),
    ]);
    expect(brief(issues)).toEqual([
      'warning SETTINGS_VAT_MISSING Products!B2',
      'warning SETTINGS_VAT_INVALID Products!B3',
      'warning SETTINGS_VAT_INVALID Products!B4',
    ]);
    expect(issues[1]!.message.en).toContain('to be confirmed');
    expect(settings.vatByFamily).toEqual({ Cards: '20' });
  });
});

describe('family rates sheet', () => {
  it('reads per-reseller and per-level family rates from one sheet', () => {
    const { settings, issues, used } = readGridSettings([
      sheet('Remises par famille', [
        ['Revendeur', 'Niveau', 'Famille', 'Remise', 'Coefficient'],
        ['Imprimerie Dupont', '', 'Flyers', '20 %', ''],
        ['Imprimerie Dupont', '', 'Cartes de visite', '', '0,75'],
        ['', 'Or', 'Flyers', num(0.18, '0%'), ''],
        ['IMPRIMERIE DUPONT', '', 'Affiches', '10 %', ''],
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(used).toEqual({ familyRates: 'Remises par famille' });
    expect(settings.familyRates).toEqual({
      reseller: {
        'Imprimerie Dupont': {
          Flyers: { kind: 'discount', percent: '20' },
          'Cartes de visite': { kind: 'coefficient', value: '0.75' },
          Affiches: { kind: 'discount', percent: '10' },
        },
      },
      level: { Or: { Flyers: { kind: 'discount', percent: '18' } } },
    });
  });

  it('reads EN headers with a level column only, and reports incomplete or two-target rows', () => {
    const { settings, issues } = readGridSettings([
      sheet('Overrides', [
        ['Reseller', 'Level', 'Family', 'Coefficient'],
        ['', 'Gold', 'Flyers', '×0.8'],
        ['Acme', 'Gold', 'Flyers', 0.9],
        ['', '', 'Posters', 0.9],
        ['', 'Gold', '', 0.9],
        ['', 'Gold', 'Posters', ''],
        ['', 'gold', 'flyers', 0.7],
      ]),
    ]);
    expect(brief(issues)).toEqual([
      'error SETTINGS_RESELLER_AND_LEVEL Overrides!3:3',
      'warning SETTINGS_FAMILY_RATE_INCOMPLETE Overrides!A4',
      'warning SETTINGS_FAMILY_RATE_INCOMPLETE Overrides!C5',
      'warning SETTINGS_NO_RATE Overrides!6:6',
      'warning SETTINGS_DUPLICATE Overrides!C7',
    ]);
    expect(settings.familyRates).toEqual({
      reseller: {},
      level: { Gold: { Flyers: { kind: 'coefficient', value: '0.8' } } },
    });
  });
});

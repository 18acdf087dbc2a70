// The key | value conditions sheet, read through readGridSettings.
import { describe, expect, it } from 'vitest';
import { roundingOf } from '../../../../main/engine/grid-settings/read-conditions.ts';
import { readGridSettings } from '../../../../main/engine/grid-settings/read-grid-settings.ts';
import type { Issue } from '../../../../main/engine/model.ts';
import { date, empty, link, num, rawSheet, rowsFrom, text, type RawInput } from '../import/raw-sheet.ts';

const sheet = (name: string, rows: RawInput[][]) => rawSheet(rowsFrom(rows), { name });
const brief = (issues: Issue[]) => issues.map((i) => `${i.severity} ${i.code} ${i.ref}`);

describe('conditions sheet', () => {
  it('reads every FR key, with a header row, into the settings', () => {
    const { settings, issues, used } = readGridSettings([
      sheet('Conditions', [
        ['Paramètre', 'Valeur'],
        ['Fournisseur', 'Imprimerie Lumière'],
        ['Adresse', '12 rue des Presses, 69003 Lyon'],
        ['Tél.', '04 72 00 00 00'],
        ['E-mail', link('pro@lumiere.fr', 'mailto:pro@lumiere.fr')],
        ['Site web', 'www.lumiere.fr'],
        ['Logo fournisseur', 'lumiere.png'],
        ['Devise', '€'],
        ['Base de prix', 'Hors taxes'],
        ['Valable du', '01/01/2027'],
        ["Valable jusqu'au", date('2027-12-31')],
        ['Validité', 'Année 2027'],
        ['Arrondi', '0,05 supérieur'],
        ['Prix minimum', '5,00 €'],
        ['Coefficient public', '1,8'],
        ['Arrondi public', ',90 au plus proche'],
        ['Arrondi public sur', 'TTC'],
        ['Conditions de vente', 'Paiement à 30 jours.'],
        ['Conditions', 'Franco de port\ndès 200 € HT.'],
        ['', 'Les prix s’entendent départ usine.'],
        ['Titre', 'Tarifs revendeurs 2027'],
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(used).toEqual({ conditions: 'Conditions' });
    expect(settings).toEqual({
      levels: {},
      vatByFamily: {},
      familyRates: { reseller: {}, level: {} },
      supplier: {
        name: 'Imprimerie Lumière',
        address: '12 rue des Presses, 69003 Lyon',
        phone: '04 72 00 00 00',
        email: 'pro@lumiere.fr',
        website: 'www.lumiere.fr',
        logo: 'lumiere.png',
      },
      currency: 'EUR',
      taxBasis: 'ht',
      validity: { from: '2027-01-01', until: '2027-12-31', text: 'Année 2027' },
      rounding: { step: 5, mode: 'up' },
      minimumCents: 500,
      publicPrice: { markup: '1.8', rounding: { step: 'psychological-90', mode: 'nearest' }, roundOn: 'ttc' },
      terms: ['Paiement à 30 jours.', 'Franco de port dès 200 € HT.', 'Les prix s’entendent départ usine.'],
      title: 'Tarifs revendeurs 2027',
    });
  });

  it('reads EN keys without a header row; date serials and number cells', () => {
    const { settings, issues } = readGridSettings([
      sheet('Settings', [
        ['Supplier', 'Lumen Print Ltd'],
        ['Currency', 'gbp'],
        ['Prices', 'incl. VAT'],
        ['Valid from', num(46388, 'dd/mm/yyyy')],
        ['Rounding', '0.01:nearest'],
        ['Minimum price', 4.5],
        ['Markup', 2],
        ['Terms', 'Payment within 30 days.'],
      ]),
    ]);
    expect(issues).toEqual([]);
    expect(settings.supplier).toEqual({ name: 'Lumen Print Ltd' });
    expect(settings.currency).toBe('GBP');
    expect(settings.taxBasis).toBe('ttc');
    expect(settings.validity).toEqual({ from: '2027-01-01' });
    expect(settings.minimumCents).toBe(450);
    // Public rounding defaults to the rounding given; no VAT anywhere → rounded on HT.
    expect(settings.publicPrice).toEqual({
      markup: '2',
      rounding: { step: 1, mode: 'nearest' },
      roundOn: 'ht',
    });
    expect(settings.terms).toEqual(['Payment within 30 days.']);
  });

  it('public rounding defaults to the cent, and on TTC when the workbook gives VAT rates', () => {
    const { settings } = readGridSettings([
      sheet('Familles', [
        ['Famille', 'TVA'],
        ['Flyers', '20 %'],
      ]),
      sheet('Conditions', [
        ['Coefficient public', 1.5],
        ['Devise', 'EUR'],
      ]),
    ]);
    expect(settings.publicPrice).toEqual({
      markup: '1.5',
      rounding: { step: 1, mode: 'nearest' },
      roundOn: 'ttc',
    });
  });

  it('reports unknown keys as info, bad values on their cells, and keeps none of them', () => {
    const { settings, issues } = readGridSettings([
      sheet('Conditions', [
        ['Fournisseur', 'Imprimerie Lumière'],
        ['Couleur préférée', 'bleu'],
        ['Devise', '$'],
        ['Arrondi', '0,05'],
        ['Prix minimum', '4,555'],
        ['Valable du', 'bientôt'],
        ['Coefficient public', '0'],
        ['E-mail', 'pas une adresse'],
        ['Base', 'peut-être'],
        ['Fournisseur', 'Autre'],
        ['Arrondi public', '0,10 supérieur'],
        ['Titre', ''],
      ]),
    ]);
    expect(brief(issues)).toEqual([
      'info SETTINGS_UNKNOWN_KEY Conditions!A2',
      'warning SETTINGS_CURRENCY_AMBIGUOUS Conditions!B3',
      'error SETTINGS_VALUE_INVALID Conditions!B4',
      'error SETTINGS_VALUE_INVALID Conditions!B5',
      'warning SETTINGS_VALUE_INVALID Conditions!B6',
      'error SETTINGS_COEFFICIENT_INVALID Conditions!B7',
      'warning SETTINGS_VALUE_INVALID Conditions!B8',
      'warning SETTINGS_VALUE_INVALID Conditions!B9',
      'warning SETTINGS_DUPLICATE_KEY Conditions!A10',
      'info SETTINGS_VALUE_MISSING Conditions!B12',
      'warning SETTINGS_PUBLIC_WITHOUT_MARKUP Conditions!11:11',
    ]);
    expect(issues[0]!.message.fr).toContain('Couleur préférée');
    expect(issues[0]!.cell).toEqual({ sheet: 'Conditions', row: 2, column: 'A' });
    expect(issues[1]!.message.en).toContain('CAD');
    expect(settings).toEqual({
      levels: {},
      vatByFamily: {},
      familyRates: { reseller: {}, level: {} },
      supplier: { name: 'Imprimerie Lumière' },
      terms: [],
    });
  });

  it('reads a formula by its cached value and reports an uncomputed one', () => {
    const { settings, issues } = readGridSettings([
      sheet('Conditions', [
        ['Devise', { value: { kind: 'text', value: 'CHF' }, formula: 'Param!B2' }],
        ['Titre', { value: { kind: 'empty' }, formula: 'Param!B3' }],
        ['Fournisseur', text('Lumière SA')],
        ['Adresse', empty()],
      ]),
    ]);
    expect(settings.currency).toBe('CHF');
    expect(settings.title).toBeUndefined();
    expect(brief(issues)).toEqual([
      'warning SETTINGS_FORMULA_NOT_COMPUTED Conditions!B2',
      'info SETTINGS_VALUE_MISSING Conditions!B4',
    ]);
  });
});

describe('roundingOf', () => {
  it.each([
    ['0.05:up', { step: 5, mode: 'up' }],
    ['0,05 supérieur', { step: 5, mode: 'up' }],
    ['au 0,10 le plus proche', { step: 10, mode: 'nearest' }],
    ['.99 up', { step: 'psychological-99', mode: 'up' }],
    [',90 au-dessus', { step: 'psychological-90', mode: 'up' }],
    ['0,01 au plus près', { step: 1, mode: 'nearest' }],
  ])('%s', (input, rule) => expect(roundingOf(input)).toEqual(rule));

  it.each(['0,05', 'supérieur', '0,03 up', '0.05 up nearest'])(
    'refuses %s (no mode is ever assumed)',
    (input) => expect(roundingOf(input)).toBeUndefined(),
  );
});

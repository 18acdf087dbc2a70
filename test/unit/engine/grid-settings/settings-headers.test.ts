import { describe, expect, it } from 'vitest';
import { matchSettingsTable, settingsRole } from '../../../../main/engine/grid-settings/settings-headers.ts';
import { rawSheet, rowsFrom } from '../import/raw-sheet.ts';

describe('settingsRole', () => {
  it.each([
    ['Niveau', 'level'],
    ['LEVEL', 'level'],
    ['Catégorie revendeur', 'level'],
    ['Famille', 'family'],
    ['Nom de famille', 'family'],
    ['Gamme', 'family'],
    ['Product range', 'family'],
    ['Taux TVA', 'vat'],
    ['TVA %', 'vat'],
    ['VAT rate', 'vat'],
    ['Remise %', 'discount'],
    ['Remise famille', 'discount'],
    ['%', 'discount'],
    ['Coef.', 'coefficient'],
    ['Revendeur', 'reseller'],
    ['Client', 'reseller'],
    ['E-mail', 'reseller-only'],
    ['Prix produit', 'product'],
    ['Quantité', 'product'],
    ['Commentaire', undefined],
  ])('%s → %s', (header, role) => expect(settingsRole(header)).toBe(role));
});

describe('matchSettingsTable', () => {
  it("never takes a reseller list for a levels table, even when its name column isn't recognised", () => {
    const list = rawSheet(
      rowsFrom([
        ['Enseigne', 'Niveau', 'Remise', 'E-mail'],
        ['Studio Lune', 'Or', '5 %', 'a@b.fr'],
      ]),
    );
    expect(matchSettingsTable(list)).toBeUndefined();
  });

  it('says which column holds what', () => {
    const table = rawSheet(rowsFrom([['Family', 'Level', 'Discount']]));
    expect(matchSettingsTable(table)).toEqual({
      kind: 'familyRates',
      headerRow: 1,
      columns: {
        family: { index: 0, letter: 'A', header: 'Family' },
        level: { index: 1, letter: 'B', header: 'Level' },
        discount: { index: 2, letter: 'C', header: 'Discount' },
      },
    });
  });
});

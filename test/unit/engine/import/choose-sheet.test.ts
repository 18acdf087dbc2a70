import { thrown } from '../../../fixtures/catalog-error.ts';
import { describe, expect, it } from 'vitest';
import { chooseSheet, sheetMatches } from '../../../../main/engine/import/choose-sheet.ts';
import type { SheetSummary } from '../../../../main/engine/model.ts';

const sheet = (name: string, rowCount = 10, state: SheetSummary['state'] = 'visible'): SheetSummary => ({
  name,
  state,
  rowCount,
});

const SHEETS = [sheet('Notes', 0), sheet('Données', 5, 'hidden'), sheet('Tarif 2026'), sheet('Tarif été')];

describe('chooseSheet', () => {
  describe('a requested sheet', () => {
    it.each<[string, number]>([
      ['Tarif 2026', 2],
      ['tarif 2026', 2],
      ['TARIF 2026', 2],
      ['Tarif ete', 3],
      ['TARIF ÉTÉ', 3],
      ['tarif-2026', 2],
      ['  Tarif   2026 ', 2],
      ['Données', 1],
    ])('finds %j, forgiving case, accents and punctuation', (requested, expected) => {
      expect(chooseSheet(SHEETS, requested, 'tarif.xlsx')).toBe(expected);
    });

    it('prefers the exact name over an earlier sheet that only folds alike', () => {
      const sheets = [sheet('TARIF'), sheet('Tarif')];
      expect(chooseSheet(sheets, 'Tarif', 'tarif.xlsx')).toBe(1);
    });

    it('returns a hidden sheet when it is the one asked for', () => {
      expect(chooseSheet(SHEETS, 'Données', 'tarif.xlsx')).toBe(1);
    });

    it('refuses a missing sheet with SHEET_NOT_FOUND, listing the sheets in both languages', () => {
      const error = thrown(() => chooseSheet(SHEETS, 'Tarif 2025', 'tarif.xlsx'));
      expect(error.code).toBe('SHEET_NOT_FOUND');
      expect(error.text.en).toBe(
        'There is no sheet "Tarif 2025" in tarif.xlsx. Sheets: "Notes", "Données", "Tarif 2026", "Tarif été".',
      );
      expect(error.text.fr).toContain('« Tarif 2025 »');
      expect(error.text.fr).toContain('« Notes », « Données », « Tarif 2026 », « Tarif été »');
    });

    it('is not overridden by the preferred sheet', () => {
      expect(chooseSheet(SHEETS, 'Tarif été', 'tarif.xlsx', 'Tarif 2026')).toBe(3);
    });
  });

  describe('by default', () => {
    it('skips hidden sheets and empty sheets', () => {
      expect(chooseSheet(SHEETS, undefined, 'tarif.xlsx')).toBe(2);
    });

    it('skips a very hidden sheet too', () => {
      expect(chooseSheet([sheet('Macros', 10, 'veryHidden'), sheet('Tarif')], undefined, 'tarif.xlsx')).toBe(
        1,
      );
    });

    it('takes the first visible sheet when every visible sheet is empty', () => {
      const sheets = [sheet('Données', 5, 'hidden'), sheet('Vide', 0), sheet('Vide 2', 0)];
      expect(chooseSheet(sheets, undefined, 'tarif.xlsx')).toBe(1);
    });

    it('takes the first sheet when every sheet is hidden', () => {
      const sheets = [sheet('A', 0, 'hidden'), sheet('B', 5, 'veryHidden')];
      expect(chooseSheet(sheets, undefined, 'tarif.xlsx')).toBe(0);
    });

    it('uses the preferred sheet (from a saved mapping) when it is still there', () => {
      expect(chooseSheet(SHEETS, undefined, 'tarif.xlsx', 'tarif ete')).toBe(3);
    });

    it("ignores a preferred sheet next month's workbook no longer has", () => {
      expect(chooseSheet(SHEETS, undefined, 'tarif.xlsx', 'Tarif 2025')).toBe(2);
    });
  });

  it('refuses a workbook without sheets with WORKBOOK_NO_SHEET', () => {
    const error = thrown(() => chooseSheet([], undefined, 'vide.xlsx'));
    expect(error.code).toBe('WORKBOOK_NO_SHEET');
    expect(error.text.en).toContain('vide.xlsx');
    expect(error.text.fr).toContain('vide.xlsx');
    expect(thrown(() => chooseSheet([], 'Tarif', 'vide.xlsx')).code).toBe('WORKBOOK_NO_SHEET');
  });
});

describe('sheetMatches', () => {
  it.each<[string, string, boolean]>([
    ['Tarif 2026', 'Tarif 2026', true],
    ['tarif été', 'TARIF ETE', true],
    ['Prix H.T.', 'prix ht', true],
    ['Tarif 2026', 'Tarif 2025', false],
    ['Tarif', 'Tarifs', false],
  ])('%j against %j → %s', (requested, name, expected) => {
    expect(sheetMatches(requested, name)).toBe(expected);
  });
});

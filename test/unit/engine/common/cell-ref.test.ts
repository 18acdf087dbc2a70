import { describe, expect, it } from 'vitest';
import { formatRef, quoteSheet } from '../../../../main/engine/common/cell-ref.ts';

describe('formatRef', () => {
  it.each<[string, string, string]>([
    ['a plain name', 'Tarif', 'Tarif!E5'],
    ['a name with a space', 'Tarif 2026', "'Tarif 2026'!E5"],
    ['a name with an apostrophe (doubled inside the quotes)', "L'été", "'L''été'!E5"],
    ['a name with two apostrophes', "Prix d'été d'Anne", "'Prix d''été d''Anne'!E5"],
    ['an accented name', 'Été', 'Été!E5'],
    ['an accented name with digits and an underscore', 'Réf_2026', 'Réf_2026!E5'],
    ['a name with a dot inside', 'Tarif.HT', 'Tarif.HT!E5'],
    ['a name starting with an underscore', '_Tarif', '_Tarif!E5'],
    ['Excel default name (five letters then digits is no cell)', 'Sheet1', 'Sheet1!E5'],
    ['a name that reads as a cell (AB12)', 'AB12', "'AB12'!E5"],
    ['a name that reads as a cell in lower case', 'tva20', "'tva20'!E5"],
    ['a name that reads as a cell (one letter)', 'A1', "'A1'!E5"],
    ['a name starting with a digit', '2026', "'2026'!E5"],
    ['a name starting with a digit then letters', '2026 Tarif', "'2026 Tarif'!E5"],
    ['a name with a hyphen', 'Tarif-2026', "'Tarif-2026'!E5"],
    ['a name with parentheses', 'Tarif (HT)', "'Tarif (HT)'!E5"],
    ['a name with an ampersand', 'Vis&Clous', "'Vis&Clous'!E5"],
  ])('writes %s as Excel does', (_, sheet, expected) => {
    expect(formatRef({ sheet, row: 5, column: 'E' })).toBe(expected);
  });

  it('writes a whole row as N:N', () => {
    expect(formatRef({ sheet: 'Tarif 2026', row: 12 })).toBe("'Tarif 2026'!12:12");
    expect(formatRef({ sheet: 'Tarif', row: 12 })).toBe('Tarif!12:12');
  });

  it('writes multi-letter columns as given', () => {
    expect(formatRef({ sheet: 'Tarif', row: 1048576, column: 'XFD' })).toBe('Tarif!XFD1048576');
  });
});

describe('quoteSheet', () => {
  // Quoting is always accepted by Excel, so over-quoting is harmless; names Excel writes bare but
  // this quotes are only cosmetic. Pinned here so a change is a decision.
  it.each(['Цены', 'Ελληνικά', '価格'])('writes the non-Latin name %s bare, as Excel does', (sheet) => {
    expect(quoteSheet(sheet)).toBe(sheet);
  });

  // Regression: Excel also reads names in R1C1 form as references, so it quotes sheets
  // named R, C, RC, R1C1, R2, C3, and any name *starting* with a valid R<n> / C<n> / R<n>C<n>
  // (XlsxWriter's quote_sheetname rule 4, checked against Excel: 'R2D2', 'C3PO'). Written bare,
  // `R1C1!E5` does not paste into the Name Box. annotate-workbook.ts:352 has its own quoteSheet
  // that already catches the exact forms. Fixed by: add `|| /^(R|C|RC)$/i.test(s) || /^R\d+|^R?C\d+/i.test(s)`
  // to the "needs quotes" side and let annotate-workbook.ts import this one.
  it.each(['R', 'C', 'RC', 'R1C1', 'r1c', 'R2D2', 'C3PO'])(
    'quotes %s, which Excel reads as an R1C1 reference',
    (sheet) => {
      expect(quoteSheet(sheet)).toBe(`'${sheet}'`);
    },
  );

  // Regression: the range \u00C0-\u024F also holds × (U+00D7) and ÷ (U+00F7), which are
  // operators, not letters, so `Prix×2` is written bare. Fixed by: use \p{L} with the u flag
  // (`/^[\p{L}_][\p{L}\p{N}_.]*$/u`) instead of a code-point range.
  it.each(['Prix×2', 'Prix÷2'])('quotes %s, whose sign is not a letter', (sheet) => {
    expect(quoteSheet(sheet)).toBe(`'${sheet}'`);
  });
});

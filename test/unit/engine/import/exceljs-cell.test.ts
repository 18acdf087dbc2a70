import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dateToIso, toCell } from '../../../../main/engine/import/exceljs-cell.ts';
import { EMPTY_CELL } from '../../../../main/engine/model.ts';
import type { Cell } from '../../../../main/engine/model.ts';

const richText = (...runs: ExcelJS.RichText[]): ExcelJS.CellRichTextValue => ({ richText: runs });

describe('dateToIso', () => {
  it.each<[string, Date, string]>([
    ['a UTC midnight as a calendar date', new Date(Date.UTC(2026, 2, 1)), '2026-03-01'],
    ['a time of day as a full timestamp', new Date(Date.UTC(2026, 2, 1, 10, 30)), '2026-03-01T10:30:00Z'],
    [
      'milliseconds when there are some',
      new Date(Date.UTC(2026, 2, 1, 10, 30, 0, 250)),
      '2026-03-01T10:30:00.250Z',
    ],
    ['an invalid date as empty', new Date(Number.NaN), ''],
  ])('writes %s', (_, input, expected) => {
    expect(dateToIso(input)).toBe(expected);
  });
});

describe('toCell', () => {
  describe('empty values', () => {
    it.each<[string, ExcelJS.CellValue | undefined]>([
      ['null', null],
      ['undefined', undefined],
      ['an empty string', ''],
      ['rich text with no text', richText({ text: '' }, { text: '', font: { bold: true } })],
    ])('reads %s as the shared empty cell', (_, value) => {
      expect(toCell(value)).toBe(EMPTY_CELL);
    });
  });

  describe('numbers', () => {
    it('keeps a number without a format bare', () => {
      expect(toCell(12.5)).toEqual<Cell>({ value: { kind: 'number', value: 12.5 } });
    });

    it("drops Excel's General format, which says nothing", () => {
      expect(toCell(12.5, 'General')).toEqual<Cell>({ value: { kind: 'number', value: 12.5 } });
    });

    it.each(['0.00%', '#,##0.00 "€"', '0'])(
      'keeps the format %j, which tells a percentage or a price',
      (numFmt) => {
        expect(toCell(0.2, numFmt)).toEqual<Cell>({ value: { kind: 'number', value: 0.2, numFmt } });
      },
    );

    it('keeps 0 as a number', () => {
      expect(toCell(0)).toEqual<Cell>({ value: { kind: 'number', value: 0 } });
    });

    it('reads NaN (an error cached by the streaming reader) as an error, not a number', () => {
      expect(toCell(Number.NaN)).toEqual<Cell>({ value: { kind: 'error', value: '#VALUE!' } });
    });
  });

  describe('strings and booleans', () => {
    it.each<[string, string]>([
      ['text', 'Vis bois 4x40'],
      ['a single space', ' '],
      ['an Alt+Enter line break', 'Vis bois\n4x40'],
      ['digits kept as text', '0012345'],
    ])('keeps %s as typed', (_, value) => {
      expect(toCell(value)).toEqual<Cell>({ value: { kind: 'text', value } });
    });

    it.each([true, false])('keeps the boolean %s', (value) => {
      expect(toCell(value)).toEqual<Cell>({ value: { kind: 'boolean', value } });
    });
  });

  describe('dates', () => {
    it('reads a date without a time as a calendar date', () => {
      expect(toCell(new Date(Date.UTC(2026, 10, 23)))).toEqual<Cell>({
        value: { kind: 'date', value: '2026-11-23' },
      });
    });

    it('keeps the time of a date with one', () => {
      expect(toCell(new Date(Date.UTC(2026, 10, 23, 14, 5, 9)))).toEqual<Cell>({
        value: { kind: 'date', value: '2026-11-23T14:05:09Z' },
      });
    });
  });

  describe('rich text', () => {
    it('keeps bold and italic runs', () => {
      const value = richText(
        { text: 'Vis ', font: { bold: true } },
        { text: 'bois', font: { italic: true } },
        { text: ' 4x40', font: { bold: true, italic: true, size: 11 } },
        { text: ' inox' },
      );
      expect(toCell(value)).toEqual<Cell>({
        value: {
          kind: 'rich',
          value: 'Vis bois 4x40 inox',
          runs: [
            { text: 'Vis ', bold: true },
            { text: 'bois', italic: true },
            { text: ' 4x40', bold: true, italic: true },
            { text: ' inox' },
          ],
        },
      });
    });

    it('drops empty runs', () => {
      const value = richText({ text: '' }, { text: 'Vis', font: { bold: true } }, { text: '' });
      expect(toCell(value)).toEqual<Cell>({
        value: { kind: 'rich', value: 'Vis', runs: [{ text: 'Vis', bold: true }] },
      });
    });

    it('reads runs without emphasis (only fonts or colours) as plain text', () => {
      const value = richText(
        { text: 'Vis ', font: { name: 'Arial', color: { argb: 'FFFF0000' } } },
        { text: 'bois', font: { bold: false, italic: false } },
      );
      expect(toCell(value)).toEqual<Cell>({ value: { kind: 'text', value: 'Vis bois' } });
    });
  });

  describe('formulas', () => {
    it.each<[string, ExcelJS.CellFormulaValue['result'], Cell['value']]>([
      ['a number', 42, { kind: 'number', value: 42 }],
      ['0', 0, { kind: 'number', value: 0 }],
      ["''", '', { kind: 'empty' }],
      ['text', 'Vis', { kind: 'text', value: 'Vis' }],
      ['false', false, { kind: 'boolean', value: false }],
      ['a date', new Date(Date.UTC(2026, 0, 31)), { kind: 'date', value: '2026-01-31' }],
      ['#REF!', { error: '#REF!' }, { kind: 'error', value: '#REF!' }],
      ['#N/A', { error: '#N/A' }, { kind: 'error', value: '#N/A' }],
      ['nothing cached (never calculated)', undefined, { kind: 'empty' }],
    ])('keeps a cached result of %s with the formula beside it', (_, result, expected) => {
      expect(toCell({ formula: 'B2*C2', result })).toEqual<Cell>({ value: expected, formula: 'B2*C2' });
    });

    it("applies the cell's number format to the cached result", () => {
      expect(toCell({ formula: 'B2/C2', result: 0.2 }, '0%')).toEqual<Cell>({
        value: { kind: 'number', value: 0.2, numFmt: '0%' },
        formula: 'B2/C2',
      });
    });

    it('reads a shared formula (the cells filled down from a master cell)', () => {
      // exceljs gives a filled-down cell as the master cell's address plus its own cached result.
      expect(toCell({ sharedFormula: 'D2', result: 25 })).toEqual<Cell>({
        value: { kind: 'number', value: 25 },
        formula: 'D2',
      });
    });

    it('reads a shared formula with no cached result as empty, keeping the formula', () => {
      expect(toCell({ sharedFormula: 'D2' })).toEqual<Cell>({ value: { kind: 'empty' }, formula: 'D2' });
    });
  });

  describe('errors and hyperlinks', () => {
    it.each(['#REF!', '#N/A', '#DIV/0!', '#VALUE!', '#NAME?'] as const)(
      'reads %s as an error cell',
      (error) => {
        expect(toCell({ error })).toEqual<Cell>({ value: { kind: 'error', value: error } });
      },
    );

    it('keeps the shown text and the address of a hyperlink', () => {
      expect(toCell({ text: 'Fiche produit', hyperlink: 'https://exemple.fr/vis' })).toEqual<Cell>({
        value: { kind: 'hyperlink', value: 'Fiche produit', url: 'https://exemple.fr/vis' },
      });
    });

    it('reads the shown text of a hyperlink written in rich text', () => {
      const value = {
        text: richText({ text: 'Fiche ', font: { bold: true } }, { text: 'produit' }),
        hyperlink: 'https://exemple.fr/vis',
      } as unknown as ExcelJS.CellHyperlinkValue;
      expect(toCell(value)).toEqual<Cell>({
        value: { kind: 'hyperlink', value: 'Fiche produit', url: 'https://exemple.fr/vis' },
      });
    });

    it('shows the address when the hyperlink has no text', () => {
      expect(toCell({ text: '', hyperlink: 'https://exemple.fr/vis' })).toEqual<Cell>({
        value: { kind: 'hyperlink', value: 'https://exemple.fr/vis', url: 'https://exemple.fr/vis' },
      });
    });
  });
});

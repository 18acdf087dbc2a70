import { describe, expect, it } from 'vitest';
import { detectColumnType } from '../../../../main/engine/import/column-type.ts';
import type { Cell, ColumnType } from '../../../../main/engine/model.ts';
import { bool, date, empty, error, link, num, rich, text } from './raw-sheet.ts';

const repeat = (n: number, cell: Cell): Cell[] => Array.from({ length: n }, () => cell);

describe('detectColumnType', () => {
  it.each<[string, Cell[], ColumnType]>([
    ['plain numbers', [num(12), num(3.5), num(1200)], 'number'],
    ['numbers formatted in euros', [num(12.5, '#,##0.00 "€"'), num(8, '#,##0.00 "€"')], 'price'],
    [
      'numbers in a locale currency format',
      [num(12.5, '#,##0.00\\ [$€-40C]'), num(8, '#,##0.00\\ [$€-40C]')],
      'price',
    ],
    ['numbers formatted in dollars', [num(12.5, '[$$-409]#,##0.00'), num(8, '"$"#,##0.00')], 'price'],
    [
      'numbers formatted with a currency code',
      [num(12.5, '#,##0.00 "CHF"'), num(8, '#,##0.00 "CHF"')],
      'price',
    ],
    ['numbers with a percent format', [num(0.2, '0%'), num(0.055, '0.0%')], 'percent'],
    ['text prices', [text('12,50 €'), text('1 234,50 €'), text('€9.90')], 'price'],
    [
      'text prices mixed with number prices',
      [text('12,50 €'), num(9.9), text('1 234,50 €'), num(15)],
      'price',
    ],
    ['text percentages', [text('20 %'), text('5,5%')], 'percent'],
    ['numbers typed as text', [text('12,5'), text('1 234'), text('7')], 'number'],
    ['EAN-13 stored as numbers', [num(3760123456784), num(3760123456791), num(3760123456807)], 'ean'],
    ['EAN-13 typed as text', [text('3760123456784'), text('3 760123 456791')], 'ean'],
    ['dates', [date('2026-03-01'), date('2026-04-15')], 'date'],
    ['dates typed as text', [text('01/03/2026'), text('15 avril 2026')], 'date'],
    ['booleans', [bool(true), bool(false)], 'boolean'],
    ['oui / non', [text('oui'), text('non'), text('Oui'), text('NON')], 'boolean'],
    ['yes / no', [text('yes'), text('no')], 'boolean'],
    ['hyperlinks', [link('Fiche', 'https://exemple.fr/1'), link('Fiche', 'https://exemple.fr/2')], 'url'],
    ['web addresses typed as text', [text('https://exemple.fr/vis'), text('www.exemple.fr/clou')], 'url'],
    [
      'rich text',
      [rich({ text: 'Vis ', bold: true }, { text: 'bois' }), rich({ text: 'Clou', italic: true })],
      'rich',
    ],
    ['rich text among plain text', [rich({ text: 'Vis', bold: true }), text('Clou'), text('Écrou')], 'rich'],
    ['plain text', [text('Vis bois'), text('Clou'), text('Écrou')], 'text'],
  ])('reads %s', (_, cells, expected) => {
    expect(detectColumnType(cells)).toBe(expected);
  });

  it('keeps a number that fails the EAN check digit as a number', () => {
    expect(detectColumnType([num(3760123456785), num(3760123456786)])).toBe('number');
  });

  it('reads a column of 1 and 0 as numbers, not booleans', () => {
    expect(detectColumnType([text('1'), text('0'), num(1)])).toBe('number');
  });

  it('ignores empty and error cells when counting', () => {
    expect(detectColumnType([empty(), num(12, '0.00 €'), error('#REF!'), empty(), num(8, '0.00 €')])).toBe(
      'price',
    );
  });

  it.each<[string, Cell[]]>([
    ['no cells', []],
    ['only empty cells', repeat(5, empty())],
    ['only blank text', [text('   '), text('\u00a0'), text('\u200b')]],
  ])('reads %s as empty', (_, cells) => {
    expect(detectColumnType(cells)).toBe('empty');
  });

  it('never calls a column empty when its cells show something: a column of errors is mixed', () => {
    expect(detectColumnType([error('#N/A'), error('#N/A'), empty()])).toBe('mixed');
    expect(detectColumnType([error('#REF!'), text(' '), error('#DIV/0!')])).toBe('mixed');
    // Errors among values still leave the values' type.
    expect(detectColumnType([error('#N/A'), num(3), num(4)])).toBe('number');
  });

  it('reads mostly text with a few numbers as text', () => {
    expect(detectColumnType([...repeat(7, text('Vis bois')), ...repeat(3, num(12))])).toBe('text');
  });

  it('reads half text, half numbers as text (text needs only half when nothing has 80 %)', () => {
    expect(detectColumnType([...repeat(5, text('Vis bois')), ...repeat(5, num(12))])).toBe('text');
  });

  it('reads a column with no majority and little text as mixed', () => {
    expect(detectColumnType([...repeat(6, num(12)), ...repeat(4, text('Vis'))])).toBe('mixed');
    expect(detectColumnType([...repeat(5, date('2026-03-01')), ...repeat(5, num(12))])).toBe('mixed');
  });

  it('needs 80 % of one type for a clear majority', () => {
    expect(detectColumnType([...repeat(8, date('2026-03-01')), ...repeat(2, num(3))])).toBe('date');
    expect(detectColumnType([...repeat(7, date('2026-03-01')), ...repeat(3, num(3))])).toBe('mixed');
  });

  it('stops after the first 200 filled cells', () => {
    expect(detectColumnType([...repeat(200, text('Vis')), ...repeat(300, num(12))])).toBe('text');
  });
});

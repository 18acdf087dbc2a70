import { describe, expect, it } from 'vitest';
import { columnIndex, columnLetter } from '../../../../main/engine/common/column-letter.ts';

describe('columnLetter and columnIndex', () => {
  it.each<[number, string]>([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'], // Excel's last column
  ])('column %i is %s and back', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  it('round-trips every column Excel has', () => {
    for (let i = 0; i < 16384; i++) expect(columnIndex(columnLetter(i))).toBe(i);
  });

  it('reads lower-case letters', () => {
    expect(columnIndex('aa')).toBe(26);
    expect(columnIndex('xfd')).toBe(16383);
  });
});

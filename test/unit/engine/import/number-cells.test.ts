import { describe, expect, it } from 'vitest';
import { NumberCells } from '../../../../main/engine/import/number-cells.ts';

describe('NumberCells', () => {
  it('gives one shared cell per number and format, and the right value for every number', () => {
    const cells = new NumberCells();
    const a = cells.get(12.5, '#,##0.00');
    expect(cells.get(12.5, '#,##0.00')).toBe(a);
    expect(a).toEqual({ value: { kind: 'number', value: 12.5, numFmt: '#,##0.00' } });
    expect(cells.get(12.5, undefined)).toEqual({ value: { kind: 'number', value: 12.5 } });
    expect(cells.get(12.5, undefined)).not.toBe(a);
    // Through several growths of the table and past the number it keeps: values never mixed up.
    const values = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? 3760000000000 + i : i / 8));
    for (const v of values)
      expect(cells.get(v, '0').value).toEqual({ kind: 'number', value: v, numFmt: '0' });
    expect(cells.get(values[10]!, '0')).toBe(cells.get(values[10]!, '0'));
  });

  it('keeps the sign of -0', () => {
    const cells = new NumberCells();
    cells.get(0, undefined);
    const negative = cells.get(-0, undefined).value;
    expect(negative.kind === 'number' && Object.is(negative.value, -0)).toBe(true);
  });
});

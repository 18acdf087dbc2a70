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

  it('does not keep codes of nine digits or more (EANs: unique by design), but gives them right', () => {
    const cells = new NumberCells();
    const ean = cells.get(3760123456784, undefined);
    expect(ean).toEqual({ value: { kind: 'number', value: 3760123456784 } });
    expect(cells.get(3760123456784, undefined)).not.toBe(ean);
    expect(cells.get(-123456789, '0')).toEqual({ value: { kind: 'number', value: -123456789, numFmt: '0' } });
    // Below nine digits, shared as any other number.
    expect(cells.get(99_999_999, undefined)).toBe(cells.get(99_999_999, undefined));
  });

  it('keeps the sign of -0', () => {
    const cells = new NumberCells();
    cells.get(0, undefined);
    const negative = cells.get(-0, undefined).value;
    expect(negative.kind === 'number' && Object.is(negative.value, -0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import {
  notAvailableWhy,
  readPriceCell,
  readQuantity,
  toCents,
} from '../../../../main/engine/grid/grid-values.ts';
import { error, num, text } from '../import/raw-sheet.ts';

const at = { sheet: 'Tarifs', row: 7, column: 2 };

describe('readQuantity', () => {
  it.each([
    ['1 000 ex.', 1000],
    ['1\u202F000 ex', 1000],
    ['2 500 exemplaires', 2500],
    ['1000', 1000],
    ['10k', 10000],
    ['2,5k', 2500],
    ['500 pcs', 500],
    ['5 000+', 5000],
  ])('reads %s as %d', (written, quantity) => {
    expect(readQuantity(text(written))).toEqual({
      ok: true,
      quantity,
      label: written.replace('\u202F', ' '),
    });
  });

  it('refuses 1.000 and 1,000 unless the decimal separator is known', () => {
    expect(readQuantity(text('1.000'))).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(readQuantity(text('1,000'))).toMatchObject({ ok: false, reason: 'ambiguous' });
    expect(readQuantity(text('1.000'), { decimal: ',' })).toMatchObject({ ok: true, quantity: 1000 });
  });

  it('refuses fractions, zero and ranges, and ignores what does not start with a digit', () => {
    expect(readQuantity(num(2.5))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readQuantity(num(0))).toMatchObject({ ok: false });
    expect(readQuantity(text('100-249'))).toMatchObject({ ok: false, reason: 'invalid' });
    expect(readQuantity(text('Quantité'))).toBeUndefined();
    expect(readQuantity(undefined)).toBeUndefined();
  });
});

describe('toCents', () => {
  it('rounds half up on the written digits, not the binary value', () => {
    expect(toCents(1.005)).toEqual({ cents: 101, exact: false });
    expect(toCents(0.1 + 0.2)).toEqual({ cents: 30, exact: true });
    expect(toCents(12.5)).toEqual({ cents: 1250, exact: true });
    expect(toCents(19.99)).toEqual({ cents: 1999, exact: true });
    expect(toCents(1234567.89)).toEqual({ cents: 123456789, exact: true });
    expect(toCents(2.675)).toEqual({ cents: 268, exact: false });
    expect(toCents(1e-7)).toEqual({ cents: 0, exact: false });
  });
});

describe('readPriceCell', () => {
  it.each([
    ['N/A', 'na'],
    ['NA', 'na'],
    ['n.d.', 'na'],
    ['–', 'dash'],
    ['-', 'dash'],
    ['—', 'dash'],
    ['sur devis', 'on-request'],
    ['Sur devis', 'on-request'],
    ['on request', 'on-request'],
    ['Nous consulter', 'on-request'],
    ['  ', 'empty'],
  ])('%s is not available (%s)', (written, why) => {
    expect(notAvailableWhy(written)).toBe(why);
    const reading = readPriceCell(text(written), at);
    expect(reading.cell).toMatchObject({ kind: 'not-available', why, ref: 'Tarifs!C7' });
    expect(reading.issue).toBeUndefined();
  });

  it('reads numbers and price texts in exact cents', () => {
    expect(readPriceCell(num(12.5), at).cell).toEqual({ kind: 'price', cents: 1250, ref: 'Tarifs!C7' });
    expect(readPriceCell(text('12,50 €'), at).cell).toEqual({
      kind: 'price',
      cents: 1250,
      currency: 'EUR',
      ref: 'Tarifs!C7',
    });
    expect(readPriceCell(text('12.50'), at).cell).toMatchObject({ cents: 1250 });
    expect(readPriceCell(text('1 234,56 € HT'), at).cell).toMatchObject({ cents: 123456 });
  });

  it('never reads 0, a negative, an ambiguous or an unknown text as a price', () => {
    for (const cell of [num(0), num(-3), text('1,250'), text('gratuit ?'), error('#N/A')]) {
      const reading = readPriceCell(cell, at);
      expect(reading.cell).toMatchObject({ kind: 'not-available', why: 'invalid' });
      expect(reading.issue?.ref).toBe('Tarifs!C7');
    }
    expect(readPriceCell(text('gratuit ?'), at).issue?.code).toBe('GRID_CELL_INVALID');
    expect(readPriceCell(num(0), at).issue?.code).toBe('GRID_PRICE_ZERO');
  });

  it('warns when a digit past the cent is dropped', () => {
    const reading = readPriceCell(num(12.345), at);
    expect(reading.cell).toMatchObject({ kind: 'price', cents: 1235 });
    expect(reading.issue).toMatchObject({ code: 'GRID_PRICE_ROUNDED', severity: 'warning' });
    expect(reading.issue?.message.fr).toContain('arrondi à 12,35');
    expect(reading.issue?.message.en).toContain('rounded to 12.35');
  });
});

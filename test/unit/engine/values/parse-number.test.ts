import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../../main/engine/values/parse-number.ts';
import type { NumberOptions } from '../../../../main/engine/values/parse-number.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const THIN = '\u2009';

describe('parseNumber', () => {
  it.each<[string, number]>([
    ['1234', 1234],
    ['0', 0],
    ['007', 7],
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['12,50', 12.5],
    ['12.50', 12.5],
    ['0,5', 0.5],
    [',5', 0.5],
    ['.75', 0.75],
    ['1 234,50', 1234.5],
    [`1${NBSP}234,50`, 1234.5],
    [`1${NNBSP}234,50`, 1234.5],
    [`1${THIN}234,50`, 1234.5],
    [`12${NNBSP}345${NNBSP}678,9`, 12345678.9],
    ['1 234', 1234],
    ['1.234,50', 1234.5],
    ['1.234.567,89', 1234567.89],
    ['1,234.50', 1234.5],
    ['1,234,567.89', 1234567.89],
    ['1,234,567', 1234567],
    ['1.234.567', 1234567],
    ["1'234.50", 1234.5],
    ['1’234’567', 1234567],
    ['1,2345', 1.2345],
    ['1.2345', 1.2345],
    ['1234,567', 1234.567],
    ['1234.567', 1234.567],
    ['0,125', 0.125],
    ['0.125', 0.125],
    ['1 234,567', 1234.567],
    ['-12,5', -12.5],
    ['-12.5', -12.5],
    ['+12,5', 12.5],
    ['\u221212,5', -12.5],
    ['- 12,50', -12.5],
    ['(12.50)', -12.5],
    ['(1 234,50)', -1234.5],
    ['( 12,50 )', -12.5],
    ['  12,50  ', 12.5],
    [`${NBSP}12,50${NNBSP}`, 12.5],
    ['\t42\n', 42],
    ['1.5E3', 1500],
    ['1,5e3', 1500],
    ['2E-2', 0.02],
    ['-1.5E+3', -1500],
    ['3.24568E+12', 3245680000000],
  ])('reads %j as %d', (input, expected) => {
    expect(parseNumber(input)).toEqual({ ok: true, value: expected });
  });

  it('never answers -0', () => {
    const result = parseNumber('-0');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  describe('a lone separator followed by exactly three digits', () => {
    it.each(['1,234', '1.234', '12,345', '123.456', '-1,234', '(1.234)'])('is ambiguous in %j', (input) => {
      expect(parseNumber(input)).toEqual({ ok: false, reason: 'ambiguous' });
    });

    it.each<[string, NumberOptions, number]>([
      ['1.234', { decimal: ',' }, 1234],
      ['1,234', { decimal: ',' }, 1.234],
      ['1,234', { decimal: '.' }, 1234],
      ['1.234', { decimal: '.' }, 1.234],
      ['-1,234', { decimal: ',' }, -1.234],
    ])('reads %j with %j as %d', (input, opts, expected) => {
      expect(parseNumber(input, opts)).toEqual({ ok: true, value: expected });
    });
  });

  describe('the decimal option settles only the ambiguous case', () => {
    it.each<[string, NumberOptions, number]>([
      ['1.5', { decimal: ',' }, 1.5],
      ['1,5', { decimal: '.' }, 1.5],
      ['1,234.50', { decimal: ',' }, 1234.5],
      ['1.234,50', { decimal: '.' }, 1234.5],
      ['1,234,567', { decimal: ',' }, 1234567],
      ['1.234.567', { decimal: '.' }, 1234567],
      ['0,125', { decimal: '.' }, 0.125],
      ['1 234,567', { decimal: '.' }, 1234.567],
    ])('reads %j with %j as %d', (input, opts, expected) => {
      expect(parseNumber(input, opts)).toEqual({ ok: true, value: expected });
    });
  });

  it.each(['', '   ', `${NBSP}${NNBSP}`, '\t\n'])('calls %j empty', (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, reason: 'empty' });
  });

  // Each of these would be a silent 0 or NaN with Number() or parseFloat().
  it.each([
    'sur devis',
    'N/A',
    'n.c.',
    '12abc',
    'abc12',
    '12 €',
    '12%',
    '-',
    '+',
    '.',
    ',',
    '()',
    '(-12)',
    '--12',
    '+-12',
    '12-',
    '12,',
    '12.',
    '1,2,3',
    '1.234,567.8',
    '1,234.567,8',
    '1.5,3',
    '12 50',
    '1 23',
    '1234 567',
    '1 234.567,89',
    '0,234,567',
    '1,234,5',
    '1 234 ,50',
    '12,5 0',
    '0x10',
    'Infinity',
    'NaN',
    '1e400',
    'e5',
    '#N/A',
    '#REF!',
    '12\n34',
  ])('refuses %j as not a number', (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, reason: 'not-a-number' });
  });
});

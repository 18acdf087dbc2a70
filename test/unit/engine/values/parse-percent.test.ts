import { describe, expect, it } from 'vitest';
import {
  isPercentFormat,
  parsePercent,
  parsePercentNumber,
} from '../../../../main/engine/values/parse-percent.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

describe('parsePercent', () => {
  it.each<[string, number]>([
    ['20 %', 0.2],
    ['20%', 0.2],
    [`20${NBSP}%`, 0.2],
    [`20${NNBSP}%`, 0.2],
    ['5,5 %', 0.055],
    ['5.5%', 0.055],
    ['12,5 %', 0.125],
    ['1,4 %', 0.014],
    ['19,6 %', 0.196],
    ['100 %', 1],
    ['150 %', 1.5],
    ['0 %', 0],
    ['0,5 %', 0.005],
    ['-5 %', -0.05],
    ['  20 %  ', 0.2],
    ['0,2', 0.2],
    ['0.055', 0.055],
    ['1', 1],
    ['0', 0],
    ['20', 0.2],
    ['5,5', 0.055],
    ['-20', -0.2],
    ['-0,2', -0.2],
  ])('reads %j as %d', (input, expected) => {
    expect(parsePercent(input)).toEqual({ ok: true, value: expected });
  });

  it('passes the decimal option on', () => {
    expect(parsePercent('1,234 %')).toEqual({ ok: false, reason: 'ambiguous' });
    expect(parsePercent('1,234 %', { decimal: ',' })).toEqual({ ok: true, value: 0.01234 });
  });

  it.each(['', ' ', NBSP])('calls %j empty', (input) => {
    expect(parsePercent(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each(['%', 'N/A', 'abc', '20 % de remise', '%20', '20 %%', '12abc', '-', 'sur devis'])(
    'refuses %j as not a percent',
    (input) => {
      expect(parsePercent(input)).toEqual({ ok: false, reason: 'not-a-percent' });
    },
  );
});

describe('parsePercentNumber', () => {
  it.each<[number, string | undefined, number]>([
    [0.2, '0%', 0.2],
    [0.055, '0.00%', 0.055],
    [1.5, '0%', 1.5],
    [20, '0%', 20],
    [20, undefined, 0.2],
    [20, 'General', 0.2],
    [5.5, '0.00', 0.055],
    [0.2, undefined, 0.2],
    [1, undefined, 1],
    [0, undefined, 0],
    [-20, undefined, -0.2],
    [20, '0" %"', 0.2],
    [20, '0\\%', 0.2],
    [0.2, '0%;[Red]-0%', 0.2],
  ])('reads %d with format %j as %d', (n, numFmt, expected) => {
    expect(parsePercentNumber(n, numFmt)).toEqual({ ok: true, value: expected });
  });

  it.each([NaN, Infinity, -Infinity])('refuses %d', (n) => {
    expect(parsePercentNumber(n)).toEqual({ ok: false, reason: 'not-a-percent' });
  });
});

describe('isPercentFormat', () => {
  it.each<[string, boolean]>([
    ['0%', true],
    ['0.00%', true],
    ['#,##0.0 %', true],
    ['0.00', false],
    ['General', false],
    ['0" %"', false],
    ['0\\%', false],
  ])('%j → %s', (numFmt, expected) => {
    expect(isPercentFormat(numFmt)).toBe(expected);
  });
});

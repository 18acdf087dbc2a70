import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseDate } from '../../../../main/engine/values/parse-date.ts';

describe('parseDate', () => {
  it.each<[string, string]>([
    ['23/11/2026', '2026-11-23'],
    ['23.11.2026', '2026-11-23'],
    ['23-11-2026', '2026-11-23'],
    ['2026-11-23', '2026-11-23'],
    ['2026/11/23', '2026-11-23'],
    ['1/2/2026', '2026-02-01'],
    ['01/02/2026', '2026-02-01'],
    ['23/11/26', '2026-11-23'],
    ['23/11/69', '2069-11-23'],
    ['23/11/70', '1970-11-23'],
    ['23/11/99', '1999-11-23'],
    ['01/01/00', '2000-01-01'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2000', '2000-02-29'],
    ['  23/11/2026\u00A0', '2026-11-23'],
    ['23/11/2026 00:00', '2026-11-23'],
    ['23/11/2026 14:30:15', '2026-11-23'],
    ['2026-11-23T10:30:00Z', '2026-11-23'],
    ['2026-11-23T10:30:00.000+01:00', '2026-11-23'],
    ['2026-11-23 10:30', '2026-11-23'],
    ['23 novembre 2026', '2026-11-23'],
    ['23 Novembre 2026', '2026-11-23'],
    ['1er janvier 2026', '2026-01-01'],
    ['1 janvier 2026', '2026-01-01'],
    ['15 février 2026', '2026-02-15'],
    ['15 fevrier 2026', '2026-02-15'],
    ['15 févr. 2026', '2026-02-15'],
    ['15 août 2026', '2026-08-15'],
    ['15 aout 2026', '2026-08-15'],
    ['25 décembre 2026', '2026-12-25'],
    ['14 juillet 2026', '2026-07-14'],
    ['14 juil. 2026', '2026-07-14'],
    ['21 juin 2026', '2026-06-21'],
    ['1 mai 2026', '2026-05-01'],
    ['1 MARS 2026', '2026-03-01'],
    ['lundi 23 novembre 2026', '2026-11-23'],
    ['mar. 24 novembre 2026', '2026-11-24'],
    ['November 23, 2026', '2026-11-23'],
    ['November 23 2026', '2026-11-23'],
    ['Nov. 23, 2026', '2026-11-23'],
    ['March 1st, 2026', '2026-03-01'],
    ['Mar 1, 2026', '2026-03-01'],
    ['Monday, November 23, 2026', '2026-11-23'],
    ['23 Nov 2026', '2026-11-23'],
    ['23 November 2026', '2026-11-23'],
    ['1st January 2026', '2026-01-01'],
    ['23-Nov-2026', '2026-11-23'],
    ['23-nov.-26', '2026-11-23'],
    ['23 sept. 2026', '2026-09-23'],
    ['23 Sep 2026', '2026-09-23'],
  ])('reads %j as %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected });
  });

  describe('with the US order', () => {
    it.each<[string, string]>([
      ['11/23/2026', '2026-11-23'],
      ['2/1/2026', '2026-02-01'],
      ['11/23/26', '2026-11-23'],
      ['2026-11-23', '2026-11-23'],
      ['23 novembre 2026', '2026-11-23'],
      ['November 23, 2026', '2026-11-23'],
    ])('reads %j as %s', (input, expected) => {
      expect(parseDate(input, { order: 'mdy' })).toEqual({ ok: true, value: expected });
    });

    it('does not swap day and month to rescue a date', () => {
      expect(parseDate('23/11/2026', { order: 'mdy' })).toEqual({ ok: false, reason: 'not-a-date' });
      expect(parseDate('11/23/2026')).toEqual({ ok: false, reason: 'not-a-date' });
    });
  });

  it.each(['', '   ', '\u00A0'])('calls %j empty', (input) => {
    expect(parseDate(input)).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    '31/02/2026',
    '29/02/2026',
    '29/02/1900',
    '31/04/2026',
    '32/01/2026',
    '00/01/2026',
    '15/13/2026',
    '15/00/2026',
    '2026-02-30',
    '2026-13-01',
    '23/11-2026',
    '23/11/226',
    '23/11',
    '2026',
    '45000',
    '12,50',
    'demain',
    'N/A',
    '31 février 2026',
    '23 foo 2026',
    '23 ju 2026',
    '23 jui 2026',
    'novembre 2026',
    'lundi',
    'lundi 31 février 2026',
    'Foo, November 23, 2026',
    '23/11/2026 à midi',
  ])('refuses %j', (input) => {
    expect(parseDate(input)).toEqual({ ok: false, reason: 'not-a-date' });
  });
});

describe('excelSerialToIso', () => {
  it.each<[number, string]>([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [60, '1900-03-01'],
    [61, '1900-03-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
    [45000, '2023-03-15'],
    [46349, '2026-11-23'],
    [46349.75, '2026-11-23'],
    [46348.99999999999, '2026-11-23'],
    [2958465, '9999-12-31'],
  ])('reads serial %d as %s', (serial, expected) => {
    expect(excelSerialToIso(serial)).toBe(expected);
  });

  it.each<[number, string]>([
    [0, '1904-01-01'],
    [1, '1904-01-02'],
    [44887, '2026-11-23'],
    [44887.5, '2026-11-23'],
  ])('reads serial %d of the 1904 system as %s', (serial, expected) => {
    expect(excelSerialToIso(serial, true)).toBe(expected);
  });

  it.each([-1, NaN, Infinity, 2958466])('throws for %d', (serial) => {
    expect(() => excelSerialToIso(serial)).toThrow(RangeError);
  });
});

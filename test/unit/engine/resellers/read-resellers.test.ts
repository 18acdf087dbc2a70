import { describe, expect, it } from 'vitest';
import { matchResellerHeader } from '../../../../main/engine/resellers/find-reseller-sheet.ts';
import { readResellers } from '../../../../main/engine/resellers/read-resellers.ts';
import type { ReadResellersOptions } from '../../../../main/engine/resellers/read-resellers.ts';
import { ResellerList } from '../../../../main/engine/resellers/reseller-model.ts';
import type { RawSheet } from '../../../../main/engine/model.ts';
import { excelError, formula, link, num, sheet } from './sheet-builder.ts';
import type { Value } from './sheet-builder.ts';

const NBSP = '\u00A0';

function read(s: RawSheet, options?: ReadResellersOptions) {
  const match = matchResellerHeader(s);
  if (!match) throw new Error('no reseller header');
  const result = readResellers(s, match, options);
  // Whatever is read must satisfy the schema that crosses the boundary.
  ResellerList.parse(result.list);
  return result;
}

/** A French sheet: Revendeur, Niveau, Remise, Coefficient, Courriel, Logo, Mot de passe, Langue. */
const fr = (...rows: Value[][]) =>
  sheet('Revendeurs', [
    ['Revendeur', 'Niveau', 'Remise', 'Coefficient', 'Courriel', 'Logo', 'Mot de passe', 'Langue'],
    ...rows,
  ]);

describe('readResellers — reading', () => {
  it('reads a French sheet, trimming values', () => {
    const { list, issues } = read(
      fr(
        [
          `  Imprimerie${NBSP} Dupont `,
          ' Or ',
          '15 %',
          null,
          ' contact@dupont.fr ',
          'dupont.png',
          ' s3cret ',
          'français',
        ],
        ['Print Express', 'Argent', null, 0.85, null, null, null, 'EN'],
      ),
    );
    expect(issues).toEqual([]);
    expect(list).toEqual({
      sheet: 'Revendeurs',
      levels: ['Or', 'Argent'],
      resellers: [
        {
          row: 2,
          name: 'Imprimerie Dupont',
          level: 'Or',
          rate: { kind: 'discount', percent: '15' },
          email: 'contact@dupont.fr',
          logo: 'dupont.png',
          password: 's3cret',
          locale: 'fr-FR',
        },
        {
          row: 3,
          name: 'Print Express',
          level: 'Argent',
          rate: { kind: 'coefficient', value: '0.85' },
          locale: 'en-GB',
        },
      ],
    });
  });

  it('reads an English sheet', () => {
    const s = sheet('Resellers', [
      ['Company', 'Tier', 'Discount', 'E-mail', 'Password', 'Language'],
      ['Acme Print', 'Gold', '12.5%', 'sales@acme.co.uk', num(1234), 'English'],
    ]);
    const { list, issues } = read(s);
    expect(issues).toEqual([]);
    expect(list.resellers[0]).toEqual({
      row: 2,
      name: 'Acme Print',
      level: 'Gold',
      rate: { kind: 'discount', percent: '12.5' },
      email: 'sales@acme.co.uk',
      password: '1234',
      locale: 'en-GB',
    });
  });

  it.each<[Value, string]>([
    ['15 %', '15'],
    ['15%', '15'],
    [`12,5${NBSP}%`, '12.5'],
    ['0 %', '0'],
    ['100 %', '100'],
    [num(0.15, '0%'), '15'],
    [num(0.145, '0.0%'), '14.5'],
    [num(15), '15'],
    ['15', '15'],
    [formula('=B1*0.5', 0.15, '0%'), '15'],
    [formula('=1-0.85', 0.15000000000000002, '0%'), '15'],
  ])('reads the discount %j as %s %%', (cell, percent) => {
    const { list, issues } = read(fr(['A', null, cell]));
    expect(issues).toEqual([]);
    expect(list.resellers[0]?.rate).toEqual({ kind: 'discount', percent });
  });

  it('reads bare numbers as fractions when the whole column is fractions', () => {
    const { list, issues } = read(fr(['A', null, 0.15], ['B', null, 0.2], ['C', null, '0,125']));
    expect(issues).toEqual([]);
    expect(list.resellers.map((r) => r.rate)).toEqual([
      { kind: 'discount', percent: '15' },
      { kind: 'discount', percent: '20' },
      { kind: 'discount', percent: '12.5' },
    ]);
  });

  it('trusts a percent format over the column: 20 % among points is 20, not ambiguous', () => {
    const { list, issues } = read(fr(['A', null, 15], ['B', null, num(0.2, '0 %')]));
    expect(issues).toEqual([]);
    expect(list.resellers[1]?.rate).toEqual({ kind: 'discount', percent: '20' });
  });

  it('reports a bare value between 0 and 1 in a column of points as ambiguous', () => {
    const { list, issues } = read(fr(['A', null, 15], ['B', null, 0.5]));
    expect(list.resellers[0]?.rate).toEqual({ kind: 'discount', percent: '15' });
    expect(list.resellers[1]?.rate).toBeUndefined();
    expect(issues).toMatchObject([
      { severity: 'error', code: 'RESELLER_DISCOUNT_AMBIGUOUS', ref: 'Revendeurs!C3' },
    ]);
  });

  it('uses the cached value of a coefficient formula', () => {
    const { list, issues } = read(fr(['A', null, null, formula('=1/1.25', 0.8)]));
    expect(issues).toEqual([]);
    expect(list.resellers[0]?.rate).toEqual({ kind: 'coefficient', value: '0.8' });
  });

  it.each<[Value, string]>([
    ['0,85', '0.85'],
    ['× 1,2', '1.2'],
    ['x0.9', '0.9'],
    [num(1.25), '1.25'],
  ])('reads the coefficient %j as %s', (cell, value) => {
    const { list, issues } = read(fr(['A', null, null, cell]));
    expect(issues).toEqual([]);
    expect(list.resellers[0]?.rate).toEqual({ kind: 'coefficient', value });
  });

  it('reports a formula with no computed value', () => {
    const { list, issues } = read(fr(['A', 'Or', null, formula('=B2*2')]));
    expect(list.resellers[0]?.rate).toBeUndefined();
    expect(issues).toMatchObject([{ code: 'RESELLER_FORMULA_NOT_COMPUTED', ref: 'Revendeurs!D2' }]);
  });

  it('reports an Excel error in a cell', () => {
    const { issues } = read(fr(['A', 'Or', excelError('#DIV/0!')]));
    expect(issues).toMatchObject([{ severity: 'error', code: 'RESELLER_CELL_ERROR', ref: 'Revendeurs!C2' }]);
  });

  it('reads an email from a mailto link', () => {
    const { list, issues } = read(fr(['A', 'Or', null, null, link('Écrire', 'mailto:a@b.fr')]));
    expect(issues).toEqual([]);
    expect(list.resellers[0]?.email).toBe('a@b.fr');
  });

  it.each<[string, string]>([
    ['fr', 'fr-FR'],
    ['FR', 'fr-FR'],
    ['Français', 'fr-FR'],
    ['french', 'fr-FR'],
    ['fr_BE', 'fr-BE'],
    ['en', 'en-GB'],
    ['Anglais', 'en-GB'],
    ['en-us', 'en-US'],
  ])('normalises the locale %s to %s', (text, locale) => {
    expect(read(fr(['A', 'Or', null, null, null, null, null, text])).list.resellers[0]?.locale).toBe(locale);
  });

  it('skips blank rows silently and keeps the rows of the sheet', () => {
    const { list, issues } = read(fr([], ['A', 'Or'], [null, '', '  '], ['B', 'Or']));
    expect(issues).toEqual([]);
    expect(list.resellers.map((r) => [r.row, r.name])).toEqual([
      [3, 'A'],
      [5, 'B'],
    ]);
    expect(list.levels).toEqual(['Or']);
  });
});

describe('readResellers — checks', () => {
  it('skips a row with no name, with a warning on the name cell', () => {
    const { list, issues } = read(fr(['   ', 'Or', '10 %'], ['B', 'Or']));
    expect(list.resellers.map((r) => r.name)).toEqual(['B']);
    expect(issues).toMatchObject([
      {
        severity: 'warning',
        code: 'RESELLER_NAME_MISSING',
        ref: 'Revendeurs!A2',
        cell: { row: 2, column: 'A' },
      },
    ]);
  });

  it('reports a duplicate name as an error, keeping the first', () => {
    const { list, issues } = read(fr(['Dupont', 'Or'], ['DUPONT ', 'Argent']));
    expect(list.resellers).toHaveLength(1);
    expect(list.resellers[0]?.level).toBe('Or');
    expect(issues).toMatchObject([{ severity: 'error', code: 'RESELLER_DUPLICATE', ref: 'Revendeurs!A3' }]);
    expect(issues[0]?.message.fr).toContain('ligne 2');
  });

  it.each(['contact@', 'contact dupont.fr', 'a@b', 'a b@c.fr'])(
    'warns about the email %j and leaves it out',
    (email) => {
      const { list, issues } = read(fr(['A', 'Or', null, null, email]));
      expect(list.resellers[0]).toEqual({ row: 2, name: 'A', level: 'Or' });
      expect(issues).toMatchObject([
        { severity: 'warning', code: 'RESELLER_EMAIL_INVALID', ref: 'Revendeurs!E2' },
      ]);
    },
  );

  it.each<Value>(['120 %', '-5 %', 150, num(1.2, '0%'), num(-0.1, '0%')])(
    'reports the discount %j as out of range',
    (cell) => {
      const { list, issues } = read(fr(['A', 'Or', cell]));
      expect(list.resellers[0]?.rate).toBeUndefined();
      expect(issues).toMatchObject([
        { severity: 'error', code: 'RESELLER_DISCOUNT_OUT_OF_RANGE', ref: 'Revendeurs!C2' },
      ]);
    },
  );

  it('reports an unreadable discount', () => {
    const { issues } = read(fr(['A', 'Or', 'beaucoup']));
    expect(issues).toMatchObject([
      { severity: 'error', code: 'RESELLER_DISCOUNT_INVALID', ref: 'Revendeurs!C2' },
    ]);
  });

  it.each<Value>([0, -1, 'abc', '0,0', formula('=A1', -0.5)])('reports the coefficient %j', (cell) => {
    const { list, issues } = read(fr(['A', 'Or', null, cell]));
    expect(list.resellers[0]?.rate).toBeUndefined();
    expect(issues).toMatchObject([
      { severity: 'error', code: 'RESELLER_COEFFICIENT_INVALID', ref: 'Revendeurs!D2' },
    ]);
  });

  it('accepts a discount and a coefficient that say the same thing', () => {
    const { list, issues } = read(fr(['A', null, '15 %', 0.85], ['B', null, num(0.125, '0.0%'), '0,875']));
    expect(issues).toEqual([]);
    expect(list.resellers.map((r) => r.rate)).toEqual([
      { kind: 'discount', percent: '15' },
      { kind: 'discount', percent: '12.5' },
    ]);
  });

  it('reports a discount and a coefficient that disagree, keeping neither', () => {
    const { list, issues } = read(fr(['A', 'Or', '15 %', 0.9]));
    expect(list.resellers[0]?.rate).toBeUndefined();
    expect(issues).toMatchObject([
      { severity: 'error', code: 'RESELLER_RATE_CONFLICT', ref: 'Revendeurs!D2' },
    ]);
  });

  it('warns about a level outside the known ones, and uses the known spelling', () => {
    const { list, issues } = read(fr(['A', 'or'], ['B', 'Platine']), {
      knownLevels: ['Bronze', 'Argent', 'Or'],
    });
    expect(list.resellers.map((r) => r.level)).toEqual(['Or', 'Platine']);
    expect(list.levels).toEqual(['Or', 'Platine']);
    expect(issues).toMatchObject([
      { severity: 'warning', code: 'RESELLER_UNKNOWN_LEVEL', ref: 'Revendeurs!B3' },
    ]);
  });

  it('does not judge levels when none are known', () => {
    expect(read(fr(['A', 'Platine'])).issues).toEqual([]);
  });

  it('keeps a reseller whose logo is missing, without the logo', () => {
    const files = ['dupont.png', 'Martin.PNG'];
    const { list, issues } = read(
      fr(
        ['A', 'Or', null, null, null, 'absent.png'],
        ['B', 'Or', null, null, null, 'martin.png'],
        ['C', 'Or', null, null, null, 'logos/dupont.png'],
      ),
      {
        logoFiles: files,
      },
    );
    expect(list.resellers.map((r) => r.logo)).toEqual([undefined, 'martin.png', 'logos/dupont.png']);
    expect(issues).toMatchObject([
      { severity: 'warning', code: 'RESELLER_LOGO_MISSING', ref: 'Revendeurs!F2' },
    ]);
  });

  it('does not check logos when no file list is given', () => {
    const { list, issues } = read(fr(['A', 'Or', null, null, null, 'absent.png']));
    expect(issues).toEqual([]);
    expect(list.resellers[0]?.logo).toBe('absent.png');
  });

  it('warns about an unknown locale and leaves it unset', () => {
    const { list, issues } = read(fr(['A', 'Or', null, null, null, null, null, 'klingon']));
    expect(list.resellers[0]?.locale).toBeUndefined();
    expect(issues).toMatchObject([
      { severity: 'warning', code: 'RESELLER_UNKNOWN_LOCALE', ref: 'Revendeurs!H2' },
    ]);
  });

  it('never invents a rate: no level and no rate gets none, with a warning', () => {
    const { list, issues } = read(fr(['A', null, null, null, 'a@b.fr']));
    expect(list.resellers[0]).toEqual({ row: 2, name: 'A', email: 'a@b.fr' });
    expect(issues).toMatchObject([{ severity: 'warning', code: 'RESELLER_NO_RATE', ref: 'Revendeurs!2:2' }]);
  });

  it('never puts a password in a message', () => {
    const { issues } = read(
      fr(
        ['', 'Or', null, null, null, null, 'Zq9-secret'],
        ['B', 'Or', 'x', 'y', 'bad', 'no.png', 'Zq9-secret', 'xx'],
      ),
      { knownLevels: ['Argent'], logoFiles: [] },
    );
    expect(issues.length).toBeGreaterThan(4);
    expect(JSON.stringify(issues)).not.toContain('Zq9-secret');
  });

  it('words every issue in French and English', () => {
    const { issues } = read(fr(['A', 'Or', '200 %', 'abc', 'bad']), { knownLevels: [] });
    for (const issue of issues) {
      expect(issue.message.fr).not.toBe('');
      expect(issue.message.en).not.toBe('');
      expect(issue.message.fr).not.toBe(issue.message.en);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../../main/engine/model.ts';
import { TemplateField } from '../../../../main/engine/templates/template.ts';
import type { FieldType } from '../../../../main/engine/templates/template.ts';
import { convertCell } from '../../../../main/engine/validate/convert-field.ts';
import type { Converted } from '../../../../main/engine/validate/convert-field.ts';
import type { IssueCode } from '../../../../main/engine/validate/issue-messages.ts';
import { bool, date, empty, error, link, num, rich, text } from '../import/raw-sheet.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';

const LABELS: Partial<Record<FieldType, [string, string]>> = {
  price: ['Prix HT', 'Price'],
  number: ['Poids', 'Weight'],
  integer: ['Quantité minimum', 'Minimum quantity'],
  percent: ['TVA', 'VAT'],
  ean: ['Code EAN', 'EAN code'],
  date: ['Date de sortie', 'Release date'],
  boolean: ['Nouveauté', 'New'],
  url: ['Lien', 'Link'],
};

const field = (type: FieldType): TemplateField => {
  const [fr, en] = LABELS[type] ?? [type, type];
  return TemplateField.parse({ id: type, label: { fr, en }, type });
};

/** The issue code, or the value, or 'empty': what each test is about. */
const outcome = (converted: Converted) =>
  converted.kind === 'issue' ? converted.code : converted.kind === 'empty' ? 'empty' : converted.value;

const issueOf = (cell: Cell, type: FieldType): IssueCode | undefined => {
  const converted = convertCell(cell, field(type));
  return converted.kind === 'issue' ? converted.code : undefined;
};

describe('convertCell', () => {
  describe('any field', () => {
    it.each<FieldType>([
      'text',
      'richText',
      'number',
      'integer',
      'price',
      'percent',
      'ean',
      'boolean',
      'date',
      'url',
      'image',
    ])('reads an empty cell, or one of spaces only, as empty (%s)', (type) => {
      expect(convertCell(empty(), field(type))).toEqual({ kind: 'empty' });
      expect(convertCell(text(`  ${NBSP} `), field(type))).toEqual({ kind: 'empty' });
    });

    it.each<FieldType>(['text', 'number', 'price', 'percent', 'ean', 'date', 'image'])(
      'reports an Excel error shown in the cell as CELL_ERROR (%s)',
      (type) => {
        const converted = convertCell(error('#REF!'), field(type));
        expect(converted).toMatchObject({ kind: 'issue', code: 'CELL_ERROR' });
        if (converted.kind === 'issue') expect(converted.message.fr).toContain('#REF!');
      },
    );
  });

  describe('text and rich text', () => {
    it.each<[string, Cell, unknown]>([
      ['text as typed, spaces kept', text(' Vis bois '), { kind: 'text', value: ' Vis bois ' }],
      ['a number as Excel shows it unformatted', num(12.5), { kind: 'text', value: '12.5' }],
      [
        'rich text as plain text',
        rich({ text: 'Vis', bold: true }, { text: ' bois' }),
        { kind: 'text', value: 'Vis bois' },
      ],
      [
        'a hyperlink by its shown text',
        link('Fiche', 'https://exemple.fr'),
        { kind: 'text', value: 'Fiche' },
      ],
    ])('a text field reads %s', (_, cell, expected) => {
      expect(outcome(convertCell(cell, field('text')))).toEqual(expected);
    });

    it('a rich-text field keeps bold and italic runs', () => {
      const cell = rich({ text: 'Vis ', bold: true }, { text: 'inox', italic: true });
      expect(outcome(convertCell(cell, field('richText')))).toEqual({
        kind: 'rich',
        value: 'Vis inox',
        runs: [
          { text: 'Vis ', bold: true },
          { text: 'inox', italic: true },
        ],
      });
    });

    it('a rich-text field reads plain text as text', () => {
      expect(outcome(convertCell(text('Vis inox'), field('richText')))).toEqual({
        kind: 'text',
        value: 'Vis inox',
      });
    });
  });

  describe('numbers', () => {
    it.each<[string, Cell, number]>([
      ['a number cell', num(1.25), 1.25],
      ['a negative number cell', num(-3), -3],
      ['0 in a number cell', num(0), 0],
      ['French decimals', text('12,5'), 12.5],
      ['English decimals', text('12.5'), 12.5],
      ['thousands with a no-break space', text(`1${NBSP}234,5`), 1234.5],
      ['thousands with a narrow no-break space', text(`1${NNBSP}234`), 1234],
      ['an unambiguous grouping', text('1,234.50'), 1234.5],
    ])('reads %s', (_, cell, expected) => {
      expect(outcome(convertCell(cell, field('number')))).toEqual({ kind: 'number', value: expected });
    });

    it.each<[string, Cell]>([
      ['a word', text('environ douze')],
      ['a number with a unit', text('12 kg')],
      ['a boolean cell', bool(true)],
      ['a date cell', date('2026-03-01')],
    ])('reports %s as NOT_A_NUMBER, never as 0', (_, cell) => {
      expect(issueOf(cell, 'number')).toBe('NOT_A_NUMBER');
    });

    it('reports 1,234 as AMBIGUOUS_NUMBER when the file does not say which separator is decimal', () => {
      const converted = convertCell(text('1,234'), field('number'));
      expect(outcome(converted)).toBe('AMBIGUOUS_NUMBER');
      if (converted.kind === 'issue') expect(converted.message.fr).toContain('« 1,234 »');
    });

    it.each<[',' | '.', number]>([
      [',', 1.234],
      ['.', 1234],
    ])("reads 1,234 with the file's decimal separator %j", (decimal, expected) => {
      expect(outcome(convertCell(text('1,234'), field('number'), { decimal }))).toEqual({
        kind: 'number',
        value: expected,
      });
    });

    it('an integer field takes whole numbers', () => {
      expect(outcome(convertCell(num(12), field('integer')))).toEqual({ kind: 'number', value: 12 });
      expect(outcome(convertCell(text('1 000'), field('integer')))).toEqual({ kind: 'number', value: 1000 });
    });

    it.each<[string, Cell]>([
      ['a decimal number cell', num(12.5)],
      ['a decimal typed as text', text('12,5')],
    ])('an integer field reports %s as NOT_AN_INTEGER', (_, cell) => {
      expect(issueOf(cell, 'integer')).toBe('NOT_AN_INTEGER');
    });
  });

  describe('prices', () => {
    it.each<[string, Cell, { value: number; currency?: string }]>([
      ['a number cell', num(12.5), { value: 12.5 }],
      ['a price cell of 0 (a real zero, typed as such)', num(0), { value: 0 }],
      ['a French price', text('12,50 €'), { value: 12.5, currency: 'EUR' }],
      ['thousands with U+00A0', text(`1${NBSP}234,50${NBSP}€`), { value: 1234.5, currency: 'EUR' }],
      ['thousands with U+202F', text(`1${NNBSP}234,50${NNBSP}€`), { value: 1234.5, currency: 'EUR' }],
      ['a euro sign first', text('€12.50'), { value: 12.5, currency: 'EUR' }],
      ['a pound price', text('£35'), { value: 35, currency: 'GBP' }],
      ['a tax marker', text('12,50 € HT'), { value: 12.5, currency: 'EUR' }],
      ['a bare decimal', text('12,50'), { value: 12.5 }],
      ['a comma after a euro amount, French style', text('1,234 €'), { value: 1.234, currency: 'EUR' }],
    ])('reads %s', (_, cell, expected) => {
      const converted = convertCell(cell, field('price'));
      expect(converted).toEqual({ kind: 'value', value: { kind: 'price', ...expected } });
    });

    it.each<[string, Cell]>([
      ['« sur devis »', text('sur devis')],
      ['« gratuit »', text('gratuit')],
      ['« NC »', text('NC')],
      ['a dash', text('-')],
      ['two currencies', text('12 € $')],
      ['a boolean cell', bool(false)],
    ])('reports %s as NOT_A_PRICE, never as a price of 0', (_, cell) => {
      const converted = convertCell(cell, field('price'));
      expect(converted.kind).toBe('issue');
      expect(outcome(converted)).toBe('NOT_A_PRICE');
    });

    it('names the field and quotes the cell in the message', () => {
      const converted = convertCell(text('sur devis'), field('price'));
      expect(converted.kind === 'issue' && converted.message).toEqual({
        fr: "« sur devis » n'est pas un prix (Prix HT). Saisissez un montant, par exemple 12,50 €.",
        en: '"sur devis" is not a price (Price). Enter an amount such as 12.50.',
      });
    });

    it('reports 1,234 without a currency as AMBIGUOUS_NUMBER', () => {
      expect(issueOf(text('1,234'), 'price')).toBe('AMBIGUOUS_NUMBER');
    });

    it.each<[string, Cell, { value: number; currency?: string }]>([
      ['a negative number cell', num(-5), { value: -5 }],
      ['a negative text price', text('-5,00 €'), { value: -5, currency: 'EUR' }],
      ['an accounting negative', text('(12,50 €)'), { value: -12.5, currency: 'EUR' }],
    ])('keeps %s but warns NEGATIVE_PRICE', (_, cell, expected) => {
      const converted = convertCell(cell, field('price'));
      expect(converted).toMatchObject({
        kind: 'value',
        value: { kind: 'price', ...expected },
        warning: { code: 'NEGATIVE_PRICE' },
      });
    });

    it('does not warn on a positive price', () => {
      expect(convertCell(num(5), field('price'))).not.toHaveProperty('warning');
    });
  });

  describe('percentages', () => {
    it.each<[string, Cell, number]>([
      ['a number with a % format (Excel stores the fraction)', num(0.2, '0%'), 0.2],
      ['a number with a decimal % format', num(0.055, '0.0%'), 0.055],
      ['a number above 1 with a % format', num(1.5, '0%'), 1.5],
      ['a number in points without a % format', num(20), 0.2],
      ['a decimal number in points without a % format', num(5.5), 0.055],
      ['a fraction without a % format', num(0.2), 0.2],
      ['a % printed by the format, not applied', num(20, '0" %"'), 0.2],
      ['text with a sign', text('20 %'), 0.2],
      ['French text with a sign', text('5,5%'), 0.055],
      ['text without a sign, in points', text('20'), 0.2],
      ['text without a sign, a fraction', text('0,2'), 0.2],
    ])('reads %s', (_, cell, expected) => {
      expect(outcome(convertCell(cell, field('percent')))).toEqual({ kind: 'percent', value: expected });
    });

    it.each<[string, Cell]>([
      ['a word', text('vingt pour cent')],
      ['a boolean cell', bool(true)],
    ])('reports %s as NOT_A_PERCENT', (_, cell) => {
      expect(issueOf(cell, 'percent')).toBe('NOT_A_PERCENT');
    });

    // Regression: number and price fields report an ambiguous "1,234" as
    // AMBIGUOUS_NUMBER, which tells the user what to fix; a percent field says NOT_A_PERCENT ("is not a
    // percentage"), which is wrong about the cause. Fixed by: map `parsed.reason === 'ambiguous'` to
    // AMBIGUOUS_NUMBER as convertNumber and convertPrice do.
    it('reports an ambiguous percentage as AMBIGUOUS_NUMBER, like numbers and prices', () => {
      expect(issueOf(text('1,234 %'), 'percent')).toBe('AMBIGUOUS_NUMBER');
    });
  });

  describe('EAN codes', () => {
    it.each<[string, Cell, string]>([
      ['an EAN-13 stored as a number', num(3760123456784), '3760123456784'],
      ['an EAN-13 stored as a number with a format', num(3760123456784, '0'), '3760123456784'],
      ['an EAN-13 typed as text', text('3760123456784'), '3760123456784'],
      ['an EAN-13 printed with spaces', text('3 760123 456784'), '3760123456784'],
      ['an EAN-8', text('96385074'), '96385074'],
      ['an EAN-13 whose leading 0 Excel dropped, as the UPC-A it shows', num(376012345676), '376012345676'],
      ['a GTIN-14', text('03760123456784'), '03760123456784'],
    ])('reads %s', (_, cell, expected) => {
      const converted = convertCell(cell, field('ean'));
      if (converted.kind === 'issue') throw new Error(converted.message.en);
      expect(outcome(converted)).toEqual({ kind: 'ean', value: expected });
    });

    it.each<[string, Cell, string]>([
      ['a wrong check digit', num(3760123456785), 'clé de contrôle'],
      ['letters', text('EAN3760123456784'), 'que des chiffres'],
      ['too few digits', text('376012345'), '8, 12, 13 ou 14 chiffres'],
      ['a decimal number', num(3760123456784.5), 'que des chiffres'],
    ])('reports %s as INVALID_EAN with the reason', (_, cell, reason) => {
      const converted = convertCell(cell, field('ean'));
      expect(outcome(converted)).toBe('INVALID_EAN');
      if (converted.kind === 'issue') expect(converted.message.fr).toContain(reason);
    });
  });

  describe('booleans', () => {
    it.each<[string, Cell, boolean]>([
      ['TRUE', bool(true), true],
      ['FALSE', bool(false), false],
      ['oui', text('oui'), true],
      ['Non', text('Non'), false],
      ['yes', text('yes'), true],
      ['a ticked cross', text('x'), true],
      ['1 as a number', num(1), true],
      ['0 as a number', num(0), false],
    ])('reads %s', (_, cell, expected) => {
      expect(outcome(convertCell(cell, field('boolean')))).toEqual({ kind: 'boolean', value: expected });
    });

    it.each<[string, Cell]>([
      ['peut-être', text('peut-être')],
      ['2', num(2)],
      ['a dash', text('-')],
    ])('reports %s as NOT_A_BOOLEAN', (_, cell) => {
      expect(issueOf(cell, 'boolean')).toBe('NOT_A_BOOLEAN');
    });
  });

  describe('dates', () => {
    it.each<[string, Cell, string]>([
      ['a date cell', date('2026-11-23'), '2026-11-23'],
      ['an Excel serial (a date typed in a Number cell)', num(46349), '2026-11-23'],
      ['an Excel serial with a time of day', num(46349.75), '2026-11-23'],
      ['the first serial of 1950', num(18264), '1950-01-01'],
      ['a French date', text('23/11/2026'), '2026-11-23'],
      ['a long French date', text('lundi 23 novembre 2026'), '2026-11-23'],
      ['an ISO date', text('2026-11-23'), '2026-11-23'],
    ])('reads %s', (_, cell, expected) => {
      expect(outcome(convertCell(cell, field('date')))).toEqual({ kind: 'date', value: expected });
    });

    it.each<[string, Cell]>([
      ['a word', text('bientôt')],
      ['31 February', text('31/02/2026')],
      ['0', num(0)],
      ['a negative number', num(-1)],
      ['a serial past 9999-12-31', num(2958466)],
    ])('reports %s as NOT_A_DATE', (_, cell) => {
      expect(issueOf(cell, 'date')).toBe('NOT_A_DATE');
    });

    // Regression: a date cell with a time of day keeps it
    // ('2026-11-23T10:30:00Z') while the same moment typed as text or as a serial gives the calendar
    // date, so one column yields two shapes of value. Fixed by: `v.value.slice(0, 10)`.
    it('gives the calendar date of a date cell with a time, as for text and serials', () => {
      expect(outcome(convertCell(date('2026-11-23T10:30:00Z'), field('date')))).toEqual({
        kind: 'date',
        value: '2026-11-23',
      });
    });

    // Regression: any positive number is taken as a day count, so a year typed
    // as a number (2026) becomes 1905-07-18 without a word, the silent wrong value the project refuses
    // for prices. Fixed by: accept a serial only with a date number format, or within a plausible range
    // (say 1950–2100: 18264–73051), and report NOT_A_DATE otherwise.
    it('does not silently read the year 2026 typed as a number as 1905-07-18', () => {
      expect(issueOf(num(2026), 'date')).toBe('NOT_A_DATE');
    });
  });

  describe('web addresses', () => {
    it.each<[string, Cell, string]>([
      [
        'the target of a hyperlink, not its text',
        link('Voir la fiche', 'https://exemple.fr/vis?id=4'),
        'https://exemple.fr/vis?id=4',
      ],
      ['a mailto hyperlink', link('Contact', 'mailto:ventes@exemple.fr'), 'mailto:ventes@exemple.fr'],
      ['an address typed as text', text('https://exemple.fr/clou'), 'https://exemple.fr/clou'],
      ['an address starting with www, kept as typed', text('www.exemple.fr'), 'www.exemple.fr'],
      ['surrounding spaces', text('  http://exemple.fr  '), 'http://exemple.fr'],
    ])('reads %s', (_, cell, expected) => {
      expect(outcome(convertCell(cell, field('url')))).toEqual({ kind: 'url', value: expected });
    });

    it.each<[string, Cell]>([
      ['a bare domain', text('exemple.fr')],
      ['an address with a space', text('https://exemple.fr/ma fiche')],
      ['a link to a place in the workbook', link('Voir', '#Tarif!A1')],
    ])('reports %s as NOT_A_URL', (_, cell) => {
      expect(issueOf(cell, 'url')).toBe('NOT_A_URL');
    });
  });

  describe('images', () => {
    it('keeps the file name for the caller to look up in the images folder', () => {
      expect(outcome(convertCell(text(' photos\\VIS-4x40.jpg '), field('image')))).toEqual({
        kind: 'image',
        name: 'photos\\VIS-4x40.jpg',
      });
    });
  });
});

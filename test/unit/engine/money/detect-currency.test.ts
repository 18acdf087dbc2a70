import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../../main/engine/model.ts';
import { currencyOfHeader, detectCurrency } from '../../../../main/engine/money/detect-currency.ts';
import { currencyOfFormat } from '../../../../main/engine/money/currency-of-format.ts';
import { formatCurrency } from '../../../../main/engine/format/format-cell.ts';

const num = (value: number, numFmt?: string): Cell => ({
  value: { kind: 'number', value, ...(numFmt ? { numFmt } : {}) },
});
const text = (value: string): Cell => ({ value: { kind: 'text', value } });
const column = (header: string, cells: Cell[], letter = 'E') => ({
  letter,
  header,
  cells: cells.map((cell, i) => ({ row: 5 + i, cell })),
});

describe('the currency of a number format', () => {
  it.each([
    ['#,##0.00 [$zł-415]', 'PLN', 'zł'],
    ['#,##0 [$₫-42A]', 'VND', '₫'],
    ['[$₹-4009] #,##0.00', 'INR', '₹'],
    ['#,##0.00 "kr"', 'SEK', 'kr'],
    ['#,##0.00 [$kr-406]', 'DKK', 'kr'],
    ['[$CHF] #,##0.00', 'CHF', 'CHF'],
    ['[$$-409]#,##0.00', 'USD', '$'],
    ['[$$-1009]#,##0.00', 'CAD', '$'],
    ['#,##0.00\\ "PLN"', 'PLN', 'PLN'],
    ['#,##0.00\\ \\K\\č', 'CZK', 'Kč'],
    ['£#,##0.00', 'GBP', '£'],
    ['_-* #,##0.00\\ [$€-40C]_-', 'EUR', '€'],
  ])('reads %j as %s', (numFmt, code, shown) => {
    expect(currencyOfFormat(numFmt)).toMatchObject({ code, shown });
    expect(formatCurrency(numFmt)).toBe(code);
  });

  it('says when a sign has other readings, and that a locale tag settles it', () => {
    expect(currencyOfFormat('$#,##0.00')).toMatchObject({
      code: 'USD',
      alternatives: expect.arrayContaining(['CAD', 'AUD']),
    });
    expect(currencyOfFormat('[$$-409]#,##0.00')?.alternatives).toEqual([]);
  });

  it('keeps a sign ambiguous when the locale tag is of a country that does not use it', () => {
    // sv-FI pays in euros; 434 is isiXhosa (South Africa): neither settles `kr` or `FCFA`.
    expect(currencyOfFormat('#,##0 [$kr-81D]')?.alternatives).toEqual(['DKK', 'NOK', 'ISK']);
    expect(currencyOfFormat('#,##0 [$FCFA-434]')?.alternatives).toEqual(['XAF']);
  });

  it('finds no currency in a locale-only tag, a date, a percentage or a plain number', () => {
    for (const numFmt of ['[$-409]d-mmm-yy', '0.00%', '#,##0.00', 'General', undefined])
      expect(currencyOfFormat(numFmt)).toBeUndefined();
  });
});

describe('the currency of a header', () => {
  it.each([
    ['Prix (PLN)', 'PLN'],
    ['Price USD', 'USD'],
    ['Giá (VNĐ)', 'VND'],
    ['Prix €', 'EUR'],
    ['Prix en euros', 'EUR'],
    ['Cena zł', 'PLN'],
  ])('reads %j as %s', (header, code) => {
    expect(currencyOfHeader(header)?.code).toBe(code);
  });

  it('does not take words for codes', () => {
    for (const header of ['Prix HT', 'Price', 'ALL PRICES', 'Net price', 'Tarif 2026'])
      expect(currencyOfHeader(header)).toBeUndefined();
  });
});

describe('detectCurrency', () => {
  it('follows the number format of the price cells, with the cell it read', () => {
    const { decision, conflicts } = detectCurrency([
      column('Cena', [num(12.5, '#,##0.00 [$zł-415]'), num(8, '#,##0.00 [$zł-415]')]),
    ]);
    expect(decision).toMatchObject({ code: 'PLN', source: 'format', shown: 'zł', alternatives: [] });
    expect(decision.evidence.en).toContain('E5');
    expect(decision.evidence.fr).toContain('« zł »');
    expect(conflicts).toEqual([]);
  });

  it('reads signs and codes typed in the values', () => {
    expect(detectCurrency([column('Price', [text('₹ 1,200'), text('₹ 950')])]).decision).toMatchObject({
      code: 'INR',
      source: 'values',
    });
    expect(detectCurrency([column('Giá', [text('150.000 VND'), text('90.000 VND')])]).decision).toMatchObject(
      { code: 'VND', source: 'values' },
    );
    expect(detectCurrency([column('Cena', [text('12,50 zł')])]).decision.code).toBe('PLN');
    expect(detectCurrency([column('Price', [text('£35')])]).decision.code).toBe('GBP');
  });

  it('takes a lone $ as US dollars only as a stated reading, which --currency settles', () => {
    const dollars = detectCurrency([column('Price', [text('$12'), text('$15')])]);
    expect(dollars.decision).toMatchObject({
      code: 'USD',
      alternatives: expect.arrayContaining(['CAD', 'AUD']),
    });
    expect(dollars.decision.evidence.en).toMatch(/may also be .*CAD.*read as USD/);
    const canadian = detectCurrency([column('Price', [text('$12')])], 'CAD');
    expect(canadian.decision).toMatchObject({ code: 'CAD', alternatives: [] });
    expect(canadian.settingIgnored).toBeUndefined();
  });

  it('reads the header when the cells say nothing', () => {
    const { decision } = detectCurrency([column('Prix (PLN)', [num(12.5), num(8)])]);
    expect(decision).toMatchObject({ code: 'PLN', source: 'header' });
    expect(decision.evidence.fr).toContain('« Prix (PLN) »');
  });

  it("falls back to the user's setting, and says the sheet was silent", () => {
    const { decision } = detectCurrency([column('Prix', [num(12.5)])], 'sek');
    expect(decision).toMatchObject({ code: 'SEK', source: 'setting' });
    expect(decision.evidence.en).toContain('--currency SEK');
  });

  it('never overrides a sheet that says otherwise with the setting', () => {
    const result = detectCurrency([column('Cena', [text('12,50 zł')])], 'EUR');
    expect(result.decision.code).toBe('PLN');
    expect(result.settingIgnored).toBe('EUR');
  });

  it('is unknown when nothing says it: no euro by default', () => {
    const { decision } = detectCurrency([column('Prix', [num(12.5), text('8,90')])]);
    expect(decision.code).toBeUndefined();
    expect(decision.source).toBe('unknown');
    expect(decision.evidence.en).toContain('without a currency');
  });

  it('reports each cell of another currency in a mixed column, converting nothing', () => {
    const { decision, conflicts } = detectCurrency([
      column('Price', [text('12,50 zł'), text('8,00 zł'), text('$3'), text('9,10 zł')]),
    ]);
    expect(decision.code).toBe('PLN');
    expect(conflicts).toEqual([{ row: 7, letter: 'E', code: 'USD', shown: '$', expected: 'PLN' }]);
  });
});

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import {
  cleanField,
  quoteField,
  toDelimitedText,
} from '../../../../../main/engine/export/data-merge/delimited-text.ts';

describe('cleanField', () => {
  it('turns every kind of line break, and the spaces around it, into one space', () => {
    expect(cleanField('Manche en frêne\nArrache-clou', ',')).toBe('Manche en frêne Arrache-clou');
    expect(cleanField('a \r\n b\rc\u2028d\u2029e\u000bf\u0085g\n\n\nh', ',')).toBe('a b c d e f g h');
  });

  it('keeps tabs in a comma file and replaces them in a tab file', () => {
    expect(cleanField('a\tb', ',')).toBe('a\tb');
    expect(cleanField('a\tb', '\t')).toBe('a b');
  });
});

describe('quoteField', () => {
  it('quotes only what holds the delimiter or a quotation mark, doubling inner quotes', () => {
    expect(quoteField('Vis 4x40', ',')).toBe('Vis 4x40');
    expect(quoteField('Brady, Hunt', ',')).toBe('"Brady, Hunt"');
    expect(quoteField('Écran 24"', ',')).toBe('"Écran 24"""');
    expect(quoteField('Brady, Hunt', '\t')).toBe('Brady, Hunt');
    expect(quoteField('a\tb', '\t')).toBe('"a\tb"');
  });
});

describe('toDelimitedText', () => {
  const table = {
    header: ['Référence', 'Désignation'],
    records: [
      ['VIS-4x40', 'Vis « agglo », tête fraisée'],
      ['ECR-24', 'Écran 24" dit "large"'],
      ['MAR-500', 'Manche en frêne\r\nArrache-clou'],
    ],
  };

  it('ends every line with CRLF and reads back as the same fields (RFC 4180)', () => {
    const text = toDelimitedText(table, ',');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows: string[][] = parse(text, { record_delimiter: '\r\n' });
    expect(rows).toEqual([
      table.header,
      table.records[0],
      table.records[1],
      ['MAR-500', 'Manche en frêne Arrache-clou'],
    ]);
  });

  it('writes a tab-delimited file the same way', () => {
    const text = toDelimitedText({ header: ['a', 'b'], records: [['x\ty', 'dit "oui", non']] }, '\t');
    expect(text).toBe('a\tb\r\nx y\t"dit ""oui"", non"\r\n');
    expect(parse(text, { delimiter: '\t', record_delimiter: '\r\n' })).toEqual([
      ['a', 'b'],
      ['x y', 'dit "oui", non'],
    ]);
  });
});

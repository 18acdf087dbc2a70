import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { capLines } from '../../../../main/engine/import/cap-lines.ts';

/** Records as csv-parse reads them with the options read-csv.ts uses. */
const records = (text: string): string[][] =>
  parse(text, { delimiter: ';', quote: '"', escape: '"', relax_column_count: true, relax_quotes: true });

describe('capLines', () => {
  it('gives the text back untouched when no line is over the limit', () => {
    const text = 'a;b\r\nccc;"d\r\nd"\r\n';
    expect(capLines(text, ';', 6)).toEqual({ text, cuts: [] });
  });

  it('cuts a long line at the limit, drops the rest of its record and keeps the records after it', () => {
    const text = `Réf;Texte;Prix\nA1;${'x'.repeat(100)};12\nA2;court;3\n`;
    const { text: capped, cuts } = capLines(text, ';', 20);
    expect(cuts).toEqual([{ record: 2, length: 106 }]);
    expect(records(capped)).toEqual([
      ['Réf', 'Texte', 'Prix'],
      ['A1', 'x'.repeat(17)],
      ['A2', 'court', '3'],
    ]);
  });

  it('closes a quoted field the cut leaves open, even one that runs over several lines', () => {
    const long = `"${'y'.repeat(50)}\nsuite;"";encore"`;
    const text = `a;b\n1;${long};fin\n2;"ok";3\n`;
    const { text: capped, cuts } = capLines(text, ';', 30);
    expect(cuts).toEqual([{ record: 2, length: 53 }]);
    expect(records(capped)).toEqual([
      ['a', 'b'],
      ['1', 'y'.repeat(27)],
      ['2', 'ok', '3'],
    ]);
  });

  it('counts lines ended by a lone CR (old Mac files) and never splits a surrogate pair', () => {
    const text = `a;b\r1;${'😀'.repeat(20)}\r2;z\r`;
    const { text: capped, cuts } = capLines(text, ';', 9);
    expect(cuts).toEqual([{ record: 2, length: 42 }]);
    const rows = records(capped);
    expect(rows[1]).toEqual(['1', '😀'.repeat(3)]);
    expect(rows[2]).toEqual(['2', 'z']);
  });

  it('measures a long last line without a line break', () => {
    const { text, cuts } = capLines(`a\n${'z'.repeat(40)}`, ';', 10);
    expect(cuts).toEqual([{ record: 2, length: 40 }]);
    expect(text).toBe(`a\n${'z'.repeat(10)}`);
  });
});

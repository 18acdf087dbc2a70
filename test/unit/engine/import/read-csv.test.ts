import { thrown } from '../../../fixtures/catalog-error.ts';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../../main/engine/import/read-csv.ts';
import type { Cell, RawSheet } from '../../../../main/engine/model.ts';

const LIMITS = { maxRows: 200_000, maxColumns: 500 };

const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** Rows as plain values, `null` for an empty cell, so expectations stay readable. */
const values = (sheet: RawSheet) =>
  sheet.rows.map((row) => ({
    number: row.number,
    cells: row.cells.map((cell: Cell) => (cell.value.kind === 'text' ? cell.value.value : null)),
  }));

describe('readCsv', () => {
  it('reads a French Excel CSV: Windows-1252, semicolons, CRLF, decimal commas kept as text', () => {
    // "Désignation;Prix\r\nŒuvre;12,50 €\r\n" byte by byte in Windows-1252.
    const bytes = new Uint8Array([
      0x44, 0xe9, 0x73, 0x69, 0x67, 0x6e, 0x61, 0x74, 0x69, 0x6f, 0x6e, 0x3b, 0x50, 0x72, 0x69, 0x78, 0x0d,
      0x0a, 0x8c, 0x75, 0x76, 0x72, 0x65, 0x3b, 0x31, 0x32, 0x2c, 0x35, 0x30, 0x20, 0x80, 0x0d, 0x0a,
    ]);
    const { sheet, encoding, delimiter } = readCsv(bytes, 'tarif.csv', LIMITS);
    expect(encoding).toBe('windows-1252');
    expect(delimiter).toBe(';');
    expect(sheet).toEqual({
      name: 'tarif',
      state: 'visible',
      rows: [
        {
          number: 1,
          hidden: false,
          cells: [
            { value: { kind: 'text', value: 'Désignation' } },
            { value: { kind: 'text', value: 'Prix' } },
          ],
        },
        {
          number: 2,
          hidden: false,
          cells: [{ value: { kind: 'text', value: 'Œuvre' } }, { value: { kind: 'text', value: '12,50 €' } }],
        },
      ],
      hiddenColumns: [],
      merges: [],
      images: [],
    });
  });

  it('reads UTF-8 with a BOM, keeping the BOM out of the first header', () => {
    const { sheet, encoding } = readCsv(utf8('\ufeffRéf;Prix\nA1;1,20\n'), 'prix.csv', LIMITS);
    expect(encoding).toBe('utf-8-bom');
    expect(values(sheet)).toEqual([
      { number: 1, cells: ['Réf', 'Prix'] },
      { number: 2, cells: ['A1', '1,20'] },
    ]);
  });

  it('reads UTF-16LE with a BOM', () => {
    const bytes = new Uint8Array(Buffer.from('\ufeffRéf;Prix\r\nA1;12,50 €\r\n', 'utf16le'));
    const { sheet, encoding } = readCsv(bytes, 'unicode.csv', LIMITS);
    expect(encoding).toBe('utf-16le');
    expect(values(sheet)).toEqual([
      { number: 1, cells: ['Réf', 'Prix'] },
      { number: 2, cells: ['A1', '12,50 €'] },
    ]);
  });

  it('keeps delimiters, quotes and line breaks inside quoted fields, one row per record', () => {
    const text =
      'Réf;Désignation;Prix\r\n' +
      'A1;"Vis; tête ""TX""\r\ninox A2";12,50\r\n' +
      'A2;"Clou\nacier";1,20\r\n' +
      'A3;Écrou;0,80\r\n';
    const { sheet } = readCsv(utf8(text), 'tarif.csv', LIMITS);
    expect(values(sheet)).toEqual([
      { number: 1, cells: ['Réf', 'Désignation', 'Prix'] },
      { number: 2, cells: ['A1', 'Vis; tête "TX"\ninox A2', '12,50'] },
      { number: 3, cells: ['A2', 'Clou\nacier', '1,20'] },
      { number: 4, cells: ['A3', 'Écrou', '0,80'] },
    ]);
  });

  it('reads a tab-separated .txt file and names the sheet after it', () => {
    const { sheet, delimiter } = readCsv(
      utf8('Réf\tPrix\nA1\t12,50\n'),
      'C:\\Exports\\tarif 2026.txt',
      LIMITS,
    );
    expect(delimiter).toBe('\t');
    expect(sheet.name).toBe('tarif 2026');
    expect(values(sheet)).toEqual([
      { number: 1, cells: ['Réf', 'Prix'] },
      { number: 2, cells: ['A1', '12,50'] },
    ]);
  });

  it('omits blank records but keeps the numbers of the rows after them', () => {
    const text = 'Tarif 2026\r\n\r\n;;\r\nRéf;Prix\r\nA1;1,20\r\n\r\nA2;"x\r\ny"\r\nA3;3\r\n';
    const { sheet } = readCsv(utf8(text), 'tarif.csv', LIMITS);
    expect(values(sheet)).toEqual([
      { number: 1, cells: ['Tarif 2026'] },
      { number: 4, cells: ['Réf', 'Prix'] },
      { number: 5, cells: ['A1', '1,20'] },
      { number: 7, cells: ['A2', 'x\ny'] },
      { number: 8, cells: ['A3', '3'] },
    ]);
  });

  it('keeps empty fields as empty cells and ragged records as they are', () => {
    const { sheet } = readCsv(utf8('a;b;c\n;x\n1;;;4\n'), 'ragged.csv', LIMITS);
    expect(values(sheet)).toEqual([
      { number: 1, cells: ['a', 'b', 'c'] },
      { number: 2, cells: [null, 'x'] },
      { number: 3, cells: ['1', null, null, '4'] },
    ]);
    expect(sheet.rows[1]?.cells[0]).toEqual({ value: { kind: 'empty' } });
  });

  it('keeps the text exactly, spaces included', () => {
    const { sheet } = readCsv(utf8('Réf;Prix\n A1 ;1\u202f234,50 €\n'), 'tarif.csv', LIMITS);
    expect(values(sheet)[1]?.cells).toEqual([' A1 ', '1\u202f234,50 €']);
  });

  it('refuses more rows than the limit, naming the file and the limit', () => {
    const text = 'Réf;Prix\n' + 'A;1\n'.repeat(5);
    const error = thrown(() => readCsv(utf8(text), 'tarif.csv', { maxRows: 5, maxColumns: 10 }));
    expect(error.code).toBe('TOO_MANY_ROWS');
    expect(error.text.fr).toContain('tarif.csv');
    expect(error.text.fr).toContain('5 lignes');
    expect(error.text.en).toContain('tarif.csv');
    expect(error.text.en).toContain('5 rows');
  });

  it('writes the limit as each language writes numbers', () => {
    const text = 'A;1\n'.repeat(200_001);
    const error = thrown(() => readCsv(utf8(text), 'tarif.csv', { maxRows: 200_000, maxColumns: 10 }));
    expect(error.text.fr).toMatch(/^Le fichier tarif\.csv contient plus de 200\s000 lignes, la limite\./);
    expect(error.text.en).toContain('more than 200,000 rows');
  });

  it('accepts exactly the row limit, and blank records past it', () => {
    const { sheet } = readCsv(utf8('A;1\nB;2\n\n;;\n'), 'tarif.csv', { maxRows: 2, maxColumns: 10 });
    expect(sheet.rows.map((row) => row.number)).toEqual([1, 2]);
  });

  it('refuses a record with more fields than the column limit', () => {
    const error = thrown(() => readCsv(utf8('a;b\nc;d;e;f\n'), 'large.csv', { maxRows: 10, maxColumns: 3 }));
    expect(error.code).toBe('TOO_MANY_COLUMNS');
    expect(error.text.fr).toContain('large.csv');
    expect(error.text.fr).toContain('3 colonnes');
    expect(error.text.en).toContain('large.csv');
    expect(error.text.en).toContain('3 columns');
  });

  it('ignores empty trailing fields past the column limit', () => {
    const { sheet } = readCsv(utf8('a;b;;;;\nc;d\n'), 'tarif.csv', { maxRows: 10, maxColumns: 3 });
    expect(values(sheet)).toEqual([
      { number: 1, cells: ['a', 'b', null] },
      { number: 2, cells: ['c', 'd'] },
    ]);
  });

  it('reports an unclosed quote as a malformed file, naming the file and the line', () => {
    const text = 'Réf;Désignation\r\nA1;"Vis\r\ninox"\r\nA2;"Clou\r\nA3;Écrou\r\n';
    const error = thrown(() => readCsv(utf8(text), 'tarif.csv', LIMITS));
    expect(error.code).toBe('CSV_MALFORMED');
    expect(error.text.fr).toContain('tarif.csv');
    expect(error.text.fr).toContain('ligne 4');
    expect(error.text.en).toContain('tarif.csv');
    expect(error.text.en).toContain('line 4');
  });

  it('reads an empty file as a sheet without rows', () => {
    const { sheet } = readCsv(new Uint8Array(), 'vide.csv', LIMITS);
    expect(sheet.name).toBe('vide');
    expect(sheet.rows).toEqual([]);
  });
});

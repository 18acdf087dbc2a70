import { describe, expect, it } from 'vitest';
import { resolveFieldCell } from '../../../../main/engine/mapping/resolve-field-cell.ts';
import type { Cell, SourceRow } from '../../../../main/engine/model.ts';
import type { CellInput } from './make-table.ts';
import { toCell } from './make-table.ts';

const row = (...cells: CellInput[]): SourceRow => ({
  number: 7,
  hidden: false,
  role: 'product',
  cells: cells.map(toCell),
  images: [],
});

const text = (value: string): Cell => ({ value: { kind: 'text', value } });

describe('resolveFieldCell', () => {
  it('hands a single untransformed cell over untouched', () => {
    const price: Cell = { value: { kind: 'number', value: 12.5, numFmt: '#,##0.00 €' }, formula: 'C7*1.2' };
    const rich: Cell = {
      value: { kind: 'rich', value: 'Vis inox', runs: [{ text: 'Vis ', bold: true }, { text: 'inox' }] },
    };
    const error: Cell = { value: { kind: 'error', value: '#REF!' } };
    const source = row('A1', price, rich, error);
    expect(resolveFieldCell(source, [1], ' ', [])).toEqual({ cell: price, sourceColumn: 1 });
    expect(resolveFieldCell(source, [1], ' ', []).cell).toBe(source.cells[1]);
    expect(resolveFieldCell(source, [2], ' ', []).cell).toBe(source.cells[2]);
    expect(resolveFieldCell(source, [3], ' ', []).cell).toBe(source.cells[3]);
  });

  it('joins the non-empty values of several columns with the separator', () => {
    expect(resolveFieldCell(row('Pull', '', 'Bleu'), [0, 1, 2], ' – ', [])).toEqual({
      cell: text('Pull – Bleu'),
      sourceColumn: 0,
    });
  });

  it('names the first non-empty column as the source', () => {
    expect(resolveFieldCell(row('', 'Bleu', 'M'), [0, 1, 2], ' ', [])).toEqual({
      cell: text('Bleu M'),
      sourceColumn: 1,
    });
  });

  it('gives an empty cell from the first column when every contributing cell is empty', () => {
    expect(resolveFieldCell(row('A1', '', '  '), [2, 1], ' ', [])).toEqual({
      cell: { value: { kind: 'empty' } },
      sourceColumn: 2,
    });
  });

  it('turns every kind of cell into the text it shows', () => {
    const cells: Cell[] = [
      { value: { kind: 'rich', value: 'Vis inox', runs: [{ text: 'Vis inox', bold: true }] } },
      { value: { kind: 'number', value: 1234.5 } },
      { value: { kind: 'boolean', value: true } },
      { value: { kind: 'date', value: '2026-03-01' } },
      { value: { kind: 'hyperlink', value: 'Fiche', url: 'https://example.com/a1' } },
    ];
    const source: SourceRow = { number: 3, hidden: false, role: 'product', cells, images: [] };
    expect(resolveFieldCell(source, [0, 1, 2, 3, 4], '|', []).cell).toEqual(
      text('Vis inox|1234.5|TRUE|2026-03-01|Fiche'),
    );
  });

  it('returns the error cell of any contributing column, as it is', () => {
    const error: Cell = { value: { kind: 'error', value: '#N/A' }, formula: 'VLOOKUP(A7,Tarifs!A:B,2,0)' };
    const source: SourceRow = {
      number: 7,
      hidden: false,
      role: 'product',
      cells: [text('Pull'), error],
      images: [],
    };
    expect(resolveFieldCell(source, [0, 1], ' ', [])).toEqual({ cell: error, sourceColumn: 1 });
    expect(resolveFieldCell(source, [1], ' ', [{ op: 'trim' }])).toEqual({ cell: error, sourceColumn: 1 });
  });

  it('applies transforms in order and returns text, even from a single typed cell', () => {
    expect(resolveFieldCell(row(12.5), [0], ' ', [{ op: 'suffix', value: ' €' }])).toEqual({
      cell: text('12.5 €'),
      sourceColumn: 0,
    });
    expect(
      resolveFieldCell(row('  vis inox ', 'm6'), [0, 1], ' ', [{ op: 'trim' }, { op: 'case', to: 'upper' }])
        .cell,
    ).toEqual(text('VIS INOX M6'));
  });

  it('fills an empty result with a default, and empties a result transforms erase', () => {
    expect(resolveFieldCell(row(''), [0], ' ', [{ op: 'default', value: 'Sur demande' }]).cell).toEqual(
      text('Sur demande'),
    );
    expect(resolveFieldCell(row('-'), [0], ' ', [{ op: 'replace', find: '-', with: '' }]).cell).toEqual({
      value: { kind: 'empty' },
    });
  });

  it('reads a position past the end of a short row as empty', () => {
    expect(resolveFieldCell(row('Pull'), [0, 5], '/', []).cell).toEqual(text('Pull'));
    expect(resolveFieldCell(row('Pull'), [5], '/', [])).toEqual({
      cell: { value: { kind: 'empty' } },
      sourceColumn: 5,
    });
  });
});

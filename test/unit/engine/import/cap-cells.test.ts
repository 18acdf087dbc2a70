import { describe, expect, it } from 'vitest';
import { capCells, cutText } from '../../../../main/engine/import/cap-cells.ts';
import type { RawSheet } from '../../../../main/engine/model.ts';

const sheet = (cells: RawSheet['rows'][number]['cells']): RawSheet => ({
  name: 'Tarif 2026',
  state: 'visible',
  rows: [
    { number: 1, hidden: false, cells: [{ value: { kind: 'text', value: 'Réf' } }] },
    { number: 12, hidden: false, cells },
  ],
  hiddenColumns: [],
  merges: [],
  images: [],
});

describe('capCells', () => {
  it('cuts a text cell to the limit and says so, naming the file and the cell as Excel writes it', () => {
    const long = `Acier zingué ${'a'.repeat(100_000)}`;
    const input = sheet([
      { value: { kind: 'number', value: 1 } },
      { value: { kind: 'empty' } },
      { value: { kind: 'text', value: long } },
    ]);
    const { sheet: capped, notices } = capCells(input, 'tarif.xlsx', 32_767);
    const cell = capped.rows[1]!.cells[2]!.value;
    expect(cell).toEqual({ kind: 'text', value: long.slice(0, 32_767) });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      severity: 'warning',
      code: 'CELL_TOO_LONG',
      ref: "'Tarif 2026'!C12",
      cell: { sheet: 'Tarif 2026', row: 12, column: 'C' },
      params: { length: long.length, limit: 32_767 },
    });
    expect(notices[0]!.message.fr).toMatch(
      /^La cellule 'Tarif 2026'!C12 de tarif\.xlsx contient 100\s013 caractères \(« Acier zingué a+… »\)/,
    );
    expect(notices[0]!.message.fr).toMatch(/seuls les 32\s767 premiers sont gardés/);
    expect(notices[0]!.message.en).toContain('only the first 32,767 are kept');
    // The row without a long cell is the same object: nothing copied for nothing.
    expect(capped.rows[0]).toBe(input.rows[0]);
  });

  it('cuts rich text run by run and keeps a hyperlink its address', () => {
    const input = sheet([
      { value: { kind: 'rich', value: 'abcdefgh', runs: [{ text: 'abc', bold: true }, { text: 'defgh' }] } },
      { value: { kind: 'hyperlink', value: 'https://example.com/long', url: 'https://example.com/long' } },
    ]);
    const { sheet: capped, notices } = capCells(input, 'f.xlsx', 5);
    expect(capped.rows[1]!.cells[0]!.value).toEqual({
      kind: 'rich',
      value: 'abcde',
      runs: [{ text: 'abc', bold: true }, { text: 'de' }],
    });
    expect(capped.rows[1]!.cells[1]!.value).toEqual({
      kind: 'hyperlink',
      value: 'https',
      url: 'https://example.com/long',
    });
    expect(notices.map((n) => n.ref)).toEqual(["'Tarif 2026'!A12", "'Tarif 2026'!B12"]);
  });

  it('gives the same sheet back when no cell is too long, and never splits a surrogate pair', () => {
    const input = sheet([{ value: { kind: 'text', value: 'court' } }]);
    expect(capCells(input, 'f.xlsx', 10)).toEqual({ sheet: input, notices: [] });
    expect(cutText('ab😀', 3)).toBe('ab');
  });
});

// The panel's grouping and F8's order, on the sample workbook's real validation.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ChannelOutput } from '../../../renderer/api/transport.ts';
import {
  countIssues,
  filterIssues,
  groupIssues,
  locate,
  navigable,
  stepIssue,
} from '../../../renderer/steps/checks/issue-groups.ts';
import { moveFocus } from '../../../renderer/steps/checks/grid-keys.ts';

const validated = (
  JSON.parse(readFileSync('test/renderer/fixtures/checks-validate-quincaillerie.json', 'utf8')) as {
    value: ChannelOutput<'validate'>;
  }
).value;
const LETTERS = 'ABCDEFGHI';
const columnIndex = (letter: string) => LETTERS.indexOf(letter);

describe('issue groups', () => {
  const located = locate(validated.issues, { image: 'H' });

  it('counts by severity and files an issue without a cell under its field’s column', () => {
    expect(countIssues(located)).toEqual({ error: 5, warning: 1, info: 2, all: 8 });
    expect(located.find((l) => l.issue.code === 'IMAGES_FOUND_BY_REFERENCE')?.letter).toBe('H');
    expect(filterIssues(located, 'warning').map((l) => l.issue.code)).toEqual(['IMAGE_NOT_FOUND']);
  });

  it('puts errors first, then in sheet order', () => {
    expect(groupIssues(located).map((g) => g.key)).toEqual([
      'DUPLICATE_VALUE|A',
      'INVALID_EAN|G',
      'NOT_A_PRICE|E',
      'REQUIRED_MISSING|B',
      'CELL_ERROR|E',
      'IMAGE_NOT_FOUND|H',
      'HIDDEN_ROWS_SKIPPED|',
      'IMAGES_FOUND_BY_REFERENCE|H',
    ]);
  });

  it('steps through the issues with a cell, from the focused cell or the issue last gone to', () => {
    const list = navigable(located, columnIndex);
    const ref = (l: (typeof list)[number] | undefined) => `${l?.issue.cell?.column}${l?.issue.cell?.row}`;
    expect(list.map(ref)).toEqual(['A10', 'G11', 'H18', 'E20', 'B23', 'E27']);
    expect(ref(stepIssue(list, 1, { row: 11, col: 0, columnIndex }))).toBe('G11');
    expect(ref(stepIssue(list, 1, { row: 11, col: 6, columnIndex }))).toBe('H18');
    expect(ref(stepIssue(list, -1, { row: 11, col: 6, columnIndex }))).toBe('A10');
    expect(ref(stepIssue(list, 1, { row: 28, col: 0, columnIndex }))).toBe('A10');
    expect(ref(stepIssue(list, -1, { row: 6, col: 0, columnIndex }))).toBe('E27');
    expect(ref(stepIssue(list, 1, { current: list[5]!.id, columnIndex }))).toBe('A10');
    expect(stepIssue([], 1, { columnIndex })).toBeUndefined();
  });
});

describe('grid keys', () => {
  const size = { rows: 100, cols: 5, page: 20 };
  it('moves by one, along the row, to the corners and by a screenful, never out of the grid', () => {
    const at = { index: 10, col: 2 };
    expect(moveFocus('ArrowUp', false, at, size)).toEqual({ index: 9, col: 2 });
    expect(moveFocus('ArrowRight', false, { index: 0, col: 4 }, size)).toEqual({ index: 0, col: 4 });
    expect(moveFocus('Home', false, at, size)).toEqual({ index: 10, col: 0 });
    expect(moveFocus('End', true, at, size)).toEqual({ index: 99, col: 4 });
    expect(moveFocus('PageUp', false, at, size)).toEqual({ index: 0, col: 2 });
    expect(moveFocus('PageDown', false, at, size)).toEqual({ index: 30, col: 2 });
    expect(moveFocus('a', false, at, size)).toBeUndefined();
    expect(moveFocus('ArrowDown', false, at, { rows: 0, cols: 0, page: 1 })).toBeUndefined();
  });
});

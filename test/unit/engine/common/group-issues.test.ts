import { describe, expect, it } from 'vitest';
import { groupIssues, groupRows } from '../../../../main/engine/common/group-issues.ts';
import type { Issue } from '../../../../main/engine/model.ts';

const at = (code: string, row: number, column?: string, severity: Issue['severity'] = 'warning'): Issue => ({
  severity,
  code,
  message: { fr: `${code} ${row}`, en: `${code} ${row}` },
  cell: { sheet: 'Tarif', row, ...(column ? { column } : {}) },
});

describe('groupIssues', () => {
  it('puts one rule on one column in one group, in the order of first appearance', () => {
    const issues = [
      at('IMAGE_NOT_FOUND', 2, 'D'),
      at('NOT_A_PRICE', 3, 'C', 'error'),
      at('IMAGE_NOT_FOUND', 4, 'D'),
    ];
    const groups = groupIssues(issues);
    expect(groups.map((g) => [g.code, g.column, g.issues.length])).toEqual([
      ['IMAGE_NOT_FOUND', 'D', 2],
      ['NOT_A_PRICE', 'C', 1],
    ]);
    expect(groupRows(groups[0]!)).toEqual([2, 4]);
  });

  it('keeps apart other columns, other severities and issues about the whole file', () => {
    const file: Issue = { severity: 'error', code: 'FIELD_NOT_MAPPED', message: { fr: 'x', en: 'x' } };
    const groups = groupIssues([
      at('NOT_A_PRICE', 2, 'C', 'error'),
      at('NOT_A_PRICE', 3, 'D', 'error'),
      at('NOT_A_PRICE', 4, 'C', 'warning'),
      file,
      { ...file },
    ]);
    expect(groups).toHaveLength(5);
  });

  it('makes 100,000 missing pictures one group', () => {
    const issues = Array.from({ length: 100_000 }, (_, i) => at('IMAGE_NOT_FOUND', i + 2, 'H'));
    const groups = groupIssues(issues);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.issues).toHaveLength(100_000);
  });
});

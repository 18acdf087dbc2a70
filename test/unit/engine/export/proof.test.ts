// A proof's errors as the pages mark them: counted per row, and a variant's errors on its product's
// card when the template shows products alone.
import { describe, expect, it } from 'vitest';
import { proofErrors, rowsToMark } from '../../../../main/engine/export/proof.ts';
import type { Catalog, Issue } from '../../../../main/engine/model.ts';
import type { Template } from '../../../../main/engine/templates/template.ts';

const SHEET = 'Tarif 2026';
const error = (row: number | undefined, sheet = SHEET): Issue => ({
  severity: 'error',
  code: 'NOT_A_PRICE',
  message: { fr: 'x', en: 'x' },
  ...(row === undefined ? {} : { cell: { sheet, row, column: 'E' } }),
});
const warning: Issue = { ...error(12), severity: 'warning' };

const catalog = {
  items: [
    { row: 10, fields: {}, images: [], variants: [{ row: 11, fields: {}, images: [] }] },
    { row: 14, fields: {}, images: [] },
  ],
} as unknown as Catalog;
const templateOf = (kind: 'grid' | 'table') => ({ layout: { kind } }) as unknown as Template;

describe('proofErrors', () => {
  it('counts every error, and each row’s own, leaving warnings and other sheets out', () => {
    const proof = proofErrors(
      [error(10), error(10), error(11), error(undefined), error(3, 'Autre'), warning],
      SHEET,
    );
    expect(proof?.count).toBe(5);
    expect([...proof!.rows]).toEqual([
      [10, 2],
      [11, 1],
    ]);
  });

  it('is absent for a build without errors: a clean build is never a proof', () => {
    expect(proofErrors([warning], SHEET)).toBeUndefined();
    expect(proofErrors([], SHEET)).toBeUndefined();
  });
});

describe('rowsToMark', () => {
  const proof = proofErrors([error(10), error(11), error(11), error(14)], SHEET)!;

  it('puts a variant’s errors on its product’s card in a grid', () => {
    expect([...rowsToMark(proof, catalog, templateOf('grid'))].sort()).toEqual([
      [10, 3],
      [14, 1],
    ]);
  });

  it('keeps them on the variant’s own line in a price list', () => {
    expect([...rowsToMark(proof, catalog, templateOf('table'))].sort()).toEqual([
      [10, 1],
      [11, 2],
      [14, 1],
    ]);
  });
});

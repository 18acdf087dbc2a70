// One sheet → one price grid: a long-format list when its headers say family / variant / quantity /
// price, otherwise matrix blocks. A sheet that is neither is refused by name rather than read as an
// empty grid, so the user knows which sheet to fix or to leave out.
import type { Issue, RawSheet } from '../model.ts';
import type { GridReadOptions, PriceGrid } from './grid-model.ts';
import { gridErrors } from './grid-issues.ts';
import { readLongGrid } from './read-long-grid.ts';
import { readMatrixGrid } from './read-matrix-grid.ts';

export function readPriceGrid(
  sheet: RawSheet,
  opts: GridReadOptions = {},
): { grid: PriceGrid; issues: Issue[] } {
  // Long format first: its header names all four roles, which a matrix header never does, whereas a
  // long sheet with the quantity first could pass for a matrix whose "variants" are Famille, Prix.
  const long = readLongGrid(sheet, opts);
  // A long header with no readable row still says what the sheet is: its issues explain the rest.
  if (long && (long.families.length > 0 || long.issues.length > 0))
    return { grid: { sheet: sheet.name, format: 'long', families: long.families }, issues: long.issues };
  const matrix = readMatrixGrid(sheet, opts);
  if (matrix.families.length > 0)
    return {
      grid: { sheet: sheet.name, format: 'matrix', families: matrix.families },
      issues: matrix.issues,
    };
  throw gridErrors.notFound(sheet.name);
}

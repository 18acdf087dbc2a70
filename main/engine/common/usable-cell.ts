// A cell as a reader of settings or reseller rows may use it: a formula counts by its cached result;
// an Excel error (#REF!) or a formula never computed is a problem on the cell, and reads as empty.
// The caller reports it under its own code prefix (RESELLER_, SETTINGS_) and address.
import type { Cell, Severity, Translated } from '../model.ts';

export type CellProblem = {
  severity: Severity;
  /** Appended to the caller's prefix: `CELL_ERROR`, `FORMULA_NOT_COMPUTED`. */
  code: 'CELL_ERROR' | 'FORMULA_NOT_COMPUTED';
  message: Translated;
};

export function usableCell(cell: Cell | undefined, report: (problem: CellProblem) => void): Cell | undefined {
  if (!cell) return undefined;
  if (cell.value.kind === 'error') {
    const err = cell.value.value;
    report({
      severity: 'error',
      code: 'CELL_ERROR',
      message: {
        fr: `La cellule affiche une erreur Excel (${err}) : valeur ignorée`,
        en: `The cell shows an Excel error (${err}): value ignored`,
      },
    });
    return undefined;
  }
  if (cell.value.kind === 'empty') {
    if (cell.formula !== undefined)
      report({
        severity: 'warning',
        code: 'FORMULA_NOT_COMPUTED',
        message: {
          fr: 'Formule sans valeur calculée : ouvrez et enregistrez le classeur dans Excel',
          en: 'Formula with no computed value: open and save the workbook in Excel',
        },
      });
    return undefined;
  }
  return cell;
}

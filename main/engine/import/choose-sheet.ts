// Which sheet to read: the one the user named (forgiving case and accents), else the first visible
// sheet that has rows — never a hidden one by surprise.
import type { SheetSummary } from '../model.ts';
import { foldForMatch } from '../values/normalize-text.ts';
import { importErrors } from './import-errors.ts';

export const sheetMatches = (requested: string, name: string) =>
  requested === name || foldForMatch(requested) === foldForMatch(name);

/**
 * `preferred` is a soft wish (the sheet a saved mapping was made on): used when present, ignored
 * when next month's workbook calls its sheet something else.
 */
export function chooseSheet(
  sheets: SheetSummary[],
  requested: string | undefined,
  file: string,
  preferred?: string,
): number {
  if (sheets.length === 0) throw importErrors.noSheet(file);
  if (requested === undefined && preferred !== undefined) {
    const index = sheets.findIndex((s) => sheetMatches(preferred, s.name));
    if (index >= 0) return index;
  }
  if (requested !== undefined) {
    const exact = sheets.findIndex((s) => s.name === requested);
    const index = exact >= 0 ? exact : sheets.findIndex((s) => sheetMatches(requested, s.name));
    if (index < 0)
      throw importErrors.sheetNotFound(
        file,
        requested,
        sheets.map((s) => s.name),
      );
    return index;
  }
  const withRows = sheets.findIndex((s) => s.state === 'visible' && s.rowCount > 0);
  if (withRows >= 0) return withRows;
  const visible = sheets.findIndex((s) => s.state === 'visible');
  return visible >= 0 ? visible : 0;
}

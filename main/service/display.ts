// How a surface shows source values and keeps a mapping: the engine's formatting in the user's
// locale, so every surface writes `1 234,50 €` the same way, and the profile saved atomically.
import { formatCell } from '../engine/format/format-cell.ts';
import type { Lang, SourceTable } from '../engine/model.ts';
import { normalizeSpaces } from '../engine/values/normalize-text.ts';

export { saveMappingProfile } from '../engine/mapping/mapping-profile.ts';

/** The first distinct values of a column, written the way the user's locale writes them. */
export function columnSamples(table: SourceTable, column: number, lang: Lang, count = 3): string[] {
  const seen: string[] = [];
  for (const row of table.rows) {
    const full = normalizeSpaces(formatCell(row.cells[column]!, lang));
    // Shortened before comparing, so a long text repeated down the column is shown once.
    const text = full.length > 40 ? `${full.slice(0, 39)}…` : full;
    if (text && !seen.includes(text)) seen.push(text);
    if (seen.length >= count) break;
  }
  return seen;
}

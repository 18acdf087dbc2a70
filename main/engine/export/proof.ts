// A forced build's validation errors, as plain data the pages mark: how many there are (the proof's
// watermark says « ÉPREUVE — 5 erreurs ») and which products carry them (each is framed on its page).
// The service hands the errors over; the drawing stage (pdf/proof-marks.ts) never sees an Issue.
import type { Catalog, Issue, Lang } from '../model.ts';
import type { Template } from '../templates/template.ts';
import type { ProofMarks } from './pdf/proof-marks.ts';

export type ProofErrors = {
  /** Every validation error, on a row or about the whole sheet: the watermark's n. */
  count: number;
  /** Sheet row → how many errors it has, for the rows that have some. */
  rows: ReadonlyMap<number, number>;
};

/** The errors of `issues` on `sheet`, counted per row; none when there is no error (a clean build). */
export function proofErrors(issues: readonly Issue[], sheet: string): ProofErrors | undefined {
  const rows = new Map<number, number>();
  let count = 0;
  for (const issue of issues) {
    if (issue.severity !== 'error') continue;
    count++;
    if (issue.cell && issue.cell.sheet === sheet)
      rows.set(issue.cell.row, (rows.get(issue.cell.row) ?? 0) + 1);
  }
  return count ? { count, rows } : undefined;
}

/**
 * The rows to frame, as the template lays them out: a price list prints each variant on its own
 * line (its own row), a grid card or a list row shows the product alone, so a variant's errors go to
 * its product's frame — else an error in a size line would mark nothing on the page.
 */
export function rowsToMark(errors: ProofErrors, catalog: Catalog, template: Template): Map<number, number> {
  const rows = new Map(errors.rows);
  if (template.layout?.kind === 'table') return rows;
  for (const item of catalog.items)
    for (const variant of item.variants ?? []) {
      const count = rows.get(variant.row);
      if (!count) continue;
      rows.delete(variant.row);
      rows.set(item.row, (rows.get(item.row) ?? 0) + count);
    }
  return rows;
}

/** What the PDF writer draws for a proof (a build, or a preview while errors remain). */
export function proofMarks(
  errors: ProofErrors,
  catalog: Catalog,
  template: Template,
  lang: Lang,
  locale: string,
): ProofMarks {
  return {
    count: errors.count,
    rows: rowsToMark(errors, catalog, template),
    placement: template.layout?.proof ?? 'across',
    lang,
    locale,
  };
}

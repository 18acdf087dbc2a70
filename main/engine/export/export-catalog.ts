// One call for every output of a catalog: lays it out and preflights it for the PDF, writes the PDF,
// the InDesign tagged text and the Data Merge source the user asked for. Each file is written
// atomically, so a failed export leaves the previous ones intact.
import { join } from 'node:path';
import type { Catalog, Issue } from '../model.ts';
import type { Template } from '../templates/template.ts';
import { formatRef } from '../common/cell-ref.ts';
import { writeDataMerge } from './data-merge/write-data-merge.ts';
import { writePdf } from './pdf/write-pdf.ts';
import { planCatalog, type PlanOptions } from './plan-catalog.ts';
import { writeTaggedText } from './tagged-text/write-tagged-text.ts';

export const FORMATS = ['pdf', 'tagged-text', 'data-merge'] as const;
export type Format = (typeof FORMATS)[number];

/** What a plan needs (sheet, mode, bleed, marks, locale, lang, title, date, fonts, signal,
 * onProgress: see PlanOptions), plus where and what to write. */
export type ExportRequest = PlanOptions & {
  catalog: Catalog;
  template: Template;
  outDir: string;
  /** File names start with this: `<baseName>.pdf`, `<baseName>.txt`, `<baseName>-datamerge.csv`. */
  baseName: string;
  formats: readonly Format[];
  icc?: Uint8Array;
  password?: { user?: string; owner: string };
  /** Tagged text for InDesign on Windows (`<UNICODE-WIN>`, the default, read on both systems) or Mac. */
  textVariant?: 'win' | 'mac';
};

export type ExportResult = { files: string[]; issues: Issue[]; pages: number };

export async function exportCatalog(request: ExportRequest): Promise<ExportResult> {
  const { catalog, template, formats } = request;
  const hooks = {
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  };
  const files: string[] = [];
  const issues: Issue[] = [];
  let pages = 0;

  if (formats.includes('pdf')) {
    // The request carries every plan option: one shape, no copy to keep in step.
    const planned = await planCatalog(catalog, template, request);
    const plan = planned.plan;
    pages = plan.pages.length;
    issues.push(...planned.issues);
    const path = join(request.outDir, `${request.baseName}.pdf`);
    await writePdf(path, plan, {
      mode: request.mode,
      fonts: request.fonts,
      date: request.date,
      ...(request.icc ? { icc: request.icc } : {}),
      ...(request.password && request.mode === 'screen' ? { password: request.password } : {}),
      ...hooks,
      onImageError: (page, row) =>
        issues.push({
          severity: 'warning',
          code: 'IMAGE_UNREADABLE',
          message: {
            fr: `Page ${page} : l'image est endommagée et n'a pas pu être lue ; un cadre neutre la remplace.`,
            en: `Page ${page}: the picture is damaged and could not be read; a neutral frame stands in for it.`,
          },
          ...(row !== undefined
            ? { cell: { sheet: request.sheet, row }, ref: formatRef({ sheet: request.sheet, row }) }
            : {}),
          page,
        }),
    });
    files.push(path);
  }
  if (formats.includes('tagged-text')) {
    const path = join(request.outDir, `${request.baseName}.txt`);
    await writeTaggedText(path, catalog, template, {
      locale: request.locale,
      lang: request.lang,
      title: request.title,
      ...(request.textVariant ? { variant: request.textVariant } : {}),
      ...hooks,
    });
    files.push(path);
  }
  if (formats.includes('data-merge')) {
    const { csv } = await writeDataMerge(request.outDir, `${request.baseName}-datamerge`, catalog, template, {
      locale: request.locale,
      lang: request.lang,
      ...hooks,
    });
    files.push(csv);
  }
  return { files, issues, pages };
}

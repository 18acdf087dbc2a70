// One call for every output of a catalog: lays it out and preflights it for the PDF, writes the PDF,
// the InDesign tagged text and the Data Merge source the user asked for, as one set (output-set.ts):
// everything is written under temporary names, then moved into place together, so a failed, cancelled
// or killed export leaves the previous set whole — never a new PDF beside the old tagged text.
import { dirname } from 'node:path';
import type { Catalog, Issue } from '../model.ts';
import type { Template } from '../templates/template.ts';
import { formatRef } from '../common/cell-ref.ts';
import { openOutputSet, type OutputSet } from '../io/output-set.ts';
import { writeDataMerge } from './data-merge/write-data-merge.ts';
import { buildPdf } from './build-pdf.ts';
import type { PdfOptions } from './pdf/render-pdf.ts';
import type { PlanOptions } from './plan-catalog.ts';
import type { PressCondition } from './pdf/output-intent.ts';
import type { ProofErrors } from './proof.ts';
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
  /** The standard printing condition `icc` characterizes: the print PDF's OutputIntent names it. */
  press?: PressCondition;
  /**
   * A build forced over validation errors: the PDF says it is a proof on every page and frames the
   * faulty products. Tagged text and Data Merge carry no mark: whatever they hold lands in the
   * designer's document as text or as a record, where a stray « ÉPREUVE » line could go to print.
   */
  proof?: ProofErrors;
  /** Where converted pictures are kept between builds; none when absent. */
  imageCache?: string;
  /** Screen PDFs only: AES-256 (revision 6) with these passwords and permissions. */
  password?: PdfOptions['password'];
  /** Tagged text for InDesign on Windows (`<UNICODE-WIN>`, the default, read on both systems) or Mac. */
  textVariant?: 'win' | 'mac';
};

export type ExportResult = { files: string[]; issues: Issue[]; pages: number };

export async function exportCatalog(request: ExportRequest): Promise<ExportResult> {
  // Also finishes or removes what an earlier, killed export of these outputs left in the folder.
  const set = await openOutputSet(request.outDir, request.baseName);
  try {
    const result = await writeSet(request, set);
    const placed = await set.commit();
    // The user's files, as before: the Data Merge pictures folder goes with its source, unlisted.
    return { ...result, files: placed.filter((path) => !path.endsWith('-datamerge-images')) };
  } catch (error) {
    await set.abort();
    throw error;
  }
}

async function writeSet(request: ExportRequest, set: OutputSet): Promise<Omit<ExportResult, 'files'>> {
  const { catalog, template, formats } = request;
  const hooks = {
    ...(request.signal ? { signal: request.signal } : {}),
    ...(request.onProgress ? { onProgress: request.onProgress } : {}),
  };
  const issues: Issue[] = [];
  let pages = 0;

  if (formats.includes('pdf')) {
    // Drawn page by page into the file; a picture that cannot be read is said after preflight's issues.
    const unreadable: Issue[] = [];
    const built = await buildPdf(set.path(`${request.baseName}.pdf`), catalog, template, {
      ...request,
      scratchDir: set.scratch,
      onImageError: (page, row) =>
        unreadable.push({
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
    pages = built.pages;
    issues.push(...built.issues, ...unreadable);
  }
  if (formats.includes('tagged-text')) {
    await writeTaggedText(set.path(`${request.baseName}.txt`), catalog, template, {
      locale: request.locale,
      lang: request.lang,
      title: request.title,
      ...(request.textVariant ? { variant: request.textVariant } : {}),
      ...hooks,
    });
  }
  if (formats.includes('data-merge')) {
    const name = `${request.baseName}-datamerge`;
    const staged = set.path(`${name}.csv`);
    set.path(`${name}-images`);
    await writeDataMerge(dirname(staged), name, catalog, template, {
      locale: request.locale,
      lang: request.lang,
      // The source links its pictures where they will be once the set is in place.
      linkDir: request.outDir,
      ...hooks,
    });
  }
  return { issues, pages };
}

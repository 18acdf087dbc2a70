// One call for every output of a catalog: lays it out and preflights it for the PDF, writes the PDF,
// the InDesign tagged text and the Data Merge source the user asked for. Each file is written
// atomically, so a failed export leaves the previous ones intact.
import { join } from 'node:path';
import type { Catalog, Issue, Lang } from '../model.ts';
import type { Template } from '../templates/template.ts';
import { collectImages } from '../layout/collect-images.ts';
import { layoutCatalog, noLayout } from '../layout/layout-catalog.ts';
import { preflight } from '../preflight/preflight.ts';
import { formatRef } from '../validate/cell-ref.ts';
import { writeDataMerge } from './data-merge/write-data-merge.ts';
import { writePdf } from './pdf/write-pdf.ts';
import type { PdfMode } from './pdf/prepare-images.ts';
import { writeTaggedText } from './tagged-text/write-tagged-text.ts';

export const FORMATS = ['pdf', 'tagged-text', 'data-merge'] as const;
export type Format = (typeof FORMATS)[number];

export type ExportRequest = {
  catalog: Catalog;
  template: Template;
  /** The sheet the catalog came from: preflight names products by their row in it. */
  sheet: string;
  outDir: string;
  /** File names start with this: `<baseName>.pdf`, `<baseName>.txt`, `<baseName>-datamerge.csv`. */
  baseName: string;
  formats: readonly Format[];
  mode: PdfMode;
  /** Millimetres; the template's when absent. */
  bleed?: number;
  marks?: boolean;
  icc?: Uint8Array;
  password?: { user?: string; owner: string };
  /** Tagged text for InDesign on Windows (`<UNICODE-WIN>`, the default, read on both systems) or Mac. */
  textVariant?: 'win' | 'mac';
  locale: string;
  lang: Lang;
  title: string;
  /** Printed in running heads and stamped in the PDF; fixed for reproducible output. */
  date: Date;
  signal?: AbortSignal;
  onProgress?: (p: { stage: string; done: number; total: number }) => void;
};

export type ExportResult = { files: string[]; issues: Issue[]; pages: number };

export async function exportCatalog(request: ExportRequest): Promise<ExportResult> {
  const { catalog, template, formats } = request;
  const files: string[] = [];
  const issues: Issue[] = [];
  let pages = 0;

  if (formats.includes('pdf')) {
    if (!template.layout) throw noLayout(template.id);
    const page = {
      ...template.layout.page,
      ...(request.bleed !== undefined ? { bleed: request.bleed } : {}),
      ...(request.marks !== undefined ? { marks: request.marks } : {}),
    };
    const laidOut = { ...template, layout: { ...template.layout, page } };
    request.onProgress?.({ stage: 'images', done: 0, total: catalog.items.length });
    const image = await collectImages(catalog, template.layout.image?.field);
    const plan = layoutCatalog(catalog, laidOut, {
      locale: request.locale,
      lang: request.lang,
      title: request.title,
      date: new Intl.DateTimeFormat(request.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        request.date,
      ),
      image,
      ...(request.signal ? { signal: request.signal } : {}),
    });
    pages = plan.pages.length;
    const labels = Object.fromEntries(template.fields.map((f) => [f.id, f.label]));
    issues.push(...preflight(plan, { mode: request.mode, sheet: request.sheet, labels }));
    const path = join(request.outDir, `${request.baseName}.pdf`);
    await writePdf(path, plan, {
      mode: request.mode,
      date: request.date,
      ...(request.icc ? { icc: request.icc } : {}),
      ...(request.password && request.mode === 'screen' ? { password: request.password } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
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
    });
    files.push(path);
  }
  if (formats.includes('data-merge')) {
    const { csv } = await writeDataMerge(request.outDir, `${request.baseName}-datamerge`, catalog, template, {
      locale: request.locale,
      lang: request.lang,
    });
    files.push(csv);
  }
  return { files, issues, pages };
}

// Catalog → the pages, checked: pictures resolved, laid out, preflighted. Writes nothing, so a
// preview and a build see exactly the same plan, and the same issues.
import type { Catalog, Issue, Lang } from '../model.ts';
import type { Template } from '../templates/template.ts';
import { collectImages } from '../layout/collect-images.ts';
import type { FontProvider } from '../layout/fonts.ts';
import { layoutCatalog, noLayout } from '../layout/layout-catalog.ts';
import type { LayoutPlan } from '../layout/layout-plan.ts';
import type { OnProgress } from '../progress.ts';
import type { PdfMode } from './pdf/prepare-images.ts';
import { preflight } from '../preflight/preflight.ts';

export type PlanOptions = {
  /** The sheet the catalog came from: preflight names products by their row in it. */
  sheet: string;
  mode: PdfMode;
  /** Millimetres; the template's when absent. */
  bleed?: number;
  marks?: boolean;
  locale: string;
  lang: Lang;
  title: string;
  /** Printed in running heads (and stamped in the PDF); fixed for reproducible output. */
  date: Date;
  fonts: FontProvider;
  signal?: AbortSignal;
  onProgress?: OnProgress;
};

export async function planCatalog(
  catalog: Catalog,
  template: Template,
  options: PlanOptions,
): Promise<{ plan: LayoutPlan; issues: Issue[] }> {
  if (!template.layout) throw noLayout(template.id);
  const page = {
    ...template.layout.page,
    ...(options.bleed !== undefined ? { bleed: options.bleed } : {}),
    ...(options.marks !== undefined ? { marks: options.marks } : {}),
  };
  const laidOut = { ...template, layout: { ...template.layout, page } };
  const hooks = {
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  };
  const images = await collectImages(catalog, template.layout.image?.field, hooks);
  const plan = layoutCatalog(catalog, laidOut, {
    locale: options.locale,
    lang: options.lang,
    title: options.title,
    date: new Intl.DateTimeFormat(options.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
      options.date,
    ),
    images,
    fonts: options.fonts,
    ...hooks,
  });
  const labels = Object.fromEntries(template.fields.map((f) => [f.id, f.label]));
  const issues = preflight(plan, { mode: options.mode, fonts: options.fonts, sheet: options.sheet, labels });
  return { plan, issues };
}

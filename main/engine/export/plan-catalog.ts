// Catalog → the pages, checked: pictures resolved, laid out, preflighted. Writes nothing, so a
// preview and a build see exactly the same plan, and the same issues.
import type { Catalog, Issue, Lang } from '../model.ts';
import type { Template } from '../templates/template.ts';
import { collectImages } from '../layout/collect-images.ts';
import { collectCoverImages } from '../layout/collect-cover-images.ts';
import type { Validity } from '../price-grid/grid-words.ts';
import type { FontProvider } from '../layout/fonts.ts';
import { layoutCatalog, noLayout, type LayoutOptions } from '../layout/layout-catalog.ts';
import type { LayoutPlan } from '../layout/layout-plan.ts';
import type { OnProgress } from '../progress.ts';
import type { PdfMode } from './pdf/prepare-images.ts';
import { preflight, type PreflightOptions } from '../preflight/preflight.ts';

export type PlanOptions = {
  /** The sheet the catalog came from: preflight names products by their row in it. */
  sheet: string;
  mode: PdfMode;
  /** Millimetres; the template's when absent. */
  bleed?: number;
  marks?: boolean;
  locale: string;
  lang: Lang;
  /** The catalog's title; '' when the user and the workbook give none (nothing is printed then). */
  title: string;
  /** A price list's validity (ISO dates), as the user gave it: printed by the template's terms. */
  validity?: Validity;
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
  const input = await layoutInput(catalog, template, options);
  const plan = layoutCatalog(catalog, input.template, input.options);
  const issues = preflight(plan, preflightOptions(template, options));
  return { plan, issues };
}

/** The template with the build's page options, and the layout's options with the pictures read. */
export async function layoutInput(
  catalog: Catalog,
  template: Template,
  options: PlanOptions,
): Promise<{ template: Template; options: LayoutOptions }> {
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
  const images = await collectImages(catalog, template.layout.image?.field, hooks, {
    edge: template.layout.image?.background === 'edge',
  });
  // The cover's logo and picture join the products' pictures, under keys of their own.
  Object.assign(images, await collectCoverImages(template.layout.cover));
  return {
    template: laidOut,
    options: {
      locale: options.locale,
      lang: options.lang,
      title: options.title,
      ...(options.validity ? { validity: options.validity } : {}),
      date: new Intl.DateTimeFormat(options.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        options.date,
      ),
      images,
      fonts: options.fonts,
      ...hooks,
    },
  };
}

export const preflightOptions = (template: Template, options: PlanOptions): PreflightOptions => ({
  mode: options.mode,
  fonts: options.fonts,
  sheet: options.sheet,
  labels: Object.fromEntries(template.fields.map((f) => [f.id, f.label])),
});

// Planning and previewing: the pages a build would print and the issues preflight finds on them,
// computed the same way as a build, but written nowhere. A preview renders a few pages of that plan
// as a light screen PDF, so the app can show pages as the user changes settings.
import { CatalogError } from '../engine/errors.ts';
import { planCatalog as planPages } from '../engine/export/plan-catalog.ts';
import { renderPdf } from '../engine/export/pdf/render-pdf.ts';
import { proofErrors, proofMarks } from '../engine/export/proof.ts';
import type { LayoutPlan } from '../engine/layout/layout-plan.ts';
import type { Issue } from '../engine/model.ts';
import type { PlanRequest, PreviewRequest } from '../api/contract.ts';
import { BUNDLED_FONTS } from './font-provider.ts';
import { validateSource, type Hooks, type Validated } from './open-source.ts';
import { buildDate, defaultLocale, defaultTitle } from './source-policy.ts';
import { validityOption } from './price-list-validity.ts';

export type Planned = { validated: Validated; plan: LayoutPlan; issues: Issue[] };

export async function planSource(request: PlanRequest, hooks: Hooks = {}): Promise<Planned> {
  const validity = validityOption(request);
  const validated = await validateSource(request, hooks);
  const { imported, template, catalog } = validated;
  const { plan, issues } = await planPages(catalog, template, {
    sheet: imported.table.sheet,
    mode: request.mode,
    ...(request.bleed !== undefined ? { bleed: request.bleed } : {}),
    ...(request.marks !== undefined ? { marks: request.marks } : {}),
    locale: request.locale ?? defaultLocale(request.lang),
    lang: request.lang,
    title: request.title ?? defaultTitle(imported.table.title),
    ...validity,
    date: buildDate(),
    fonts: BUNDLED_FONTS,
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
  });
  return { validated, plan, issues: [...validated.issues, ...issues] };
}

const noSuchPage = (from: number, pages: number) =>
  new CatalogError(
    'PAGE_OUT_OF_RANGE',
    {
      fr: `Le catalogue compte ${pages} page(s) : la page ${from} n'existe pas.`,
      en: `The catalog has ${pages} page(s): there is no page ${from}.`,
    },
    { field: 'from' },
  );

/** Pages `from`..`to` of the plan as PDF bytes, with the plan's page count. */
export async function previewSource(
  request: PreviewRequest,
  hooks: Hooks = {},
): Promise<{ pdf: Uint8Array<ArrayBuffer>; pages: number; from: number; to: number }> {
  const { plan, validated } = await planSource(request, hooks);
  const pages = plan.pages.length;
  if (request.from > pages) throw noSuchPage(request.from, pages);
  const to = Math.min(request.to ?? request.from, pages);
  const part: LayoutPlan = { ...plan, pages: plan.pages.slice(request.from - 1, to) };
  // While errors remain, the pages show what a build forced over them would be: a proof.
  const { catalog, template, imported } = validated;
  const errors = proofErrors(validated.issues, imported.table.sheet);
  const locale = request.locale ?? defaultLocale(request.lang);
  const pdf = await renderPdf(part, {
    ...(errors ? { proof: proofMarks(errors, catalog, template, request.lang, locale) } : {}),
    mode: 'screen',
    fonts: BUNDLED_FONTS,
    date: buildDate(),
    ...(hooks.signal ? { signal: hooks.signal } : {}),
  });
  return { pdf: Uint8Array.from(pdf), pages, from: request.from, to };
}

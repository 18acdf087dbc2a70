// A few pages of one reseller's list as a screen PDF, never written to disk: the page the batch will
// make, from the same tasks (reseller-tasks.ts), for the app to show before anything is built.
import type { GridPreviewRequest, GridPreviewResponse } from '../../api/grid-contract.ts';
import { CatalogError } from '../../engine/errors.ts';
import { renderPdf } from '../../engine/export/pdf/render-pdf.ts';
import type { Issue } from '../../engine/model.ts';
import { loadGridTemplate } from '../../engine/price-grid/grid-template.ts';
import { BUNDLED_FONTS } from '../font-provider.ts';
import type { Hooks } from '../open-source.ts';
import { buildDate, userTemplatesDir } from '../source-policy.ts';
import { readGridWorkbook } from './read-grid-workbook.ts';
import { planResellerList } from './reseller-outputs.ts';
import { resellerTasks } from './reseller-tasks.ts';

const noSuchPage = (page: number, pages: number) =>
  new CatalogError(
    'PAGE_NOT_FOUND',
    {
      fr: `La page ${page} n'existe pas : la liste en a ${pages}.`,
      en: `There is no page ${page}: the list has ${pages}.`,
    },
    { field: 'from' },
  );

export async function previewPriceGrid(
  request: GridPreviewRequest,
  hooks: Hooks = {},
): Promise<GridPreviewResponse> {
  const template = await loadGridTemplate(request.template, userTemplatesDir());
  const workbook = await readGridWorkbook(request, hooks);
  const issues: Issue[] = [];
  const { tasks } = await resellerTasks(
    workbook,
    {
      ...request,
      // Nothing is written: the folder only names the files the task would write.
      out: '.',
      only: [request.reseller],
      outputs: ['screen'],
      encrypt: false,
      textVariant: 'win',
    },
    template,
    issues,
  );
  const task = tasks[0];
  // Not priced (no rate, an unknown level): its issue says why.
  if (!task) return { pdf: new Uint8Array(), pages: 0, from: 0, to: 0, issues };
  const plan = await planResellerList(task, issues);
  const pages = plan.pages.length;
  if (request.from > pages) throw noSuchPage(request.from, pages);
  const to = Math.min(request.to ?? request.from, pages);
  const pdf = await renderPdf(
    { ...plan, pages: plan.pages.slice(request.from - 1, to) },
    {
      mode: 'screen',
      fonts: BUNDLED_FONTS,
      date: buildDate(),
      lang: task.locale,
      ...(hooks.signal ? { signal: hooks.signal } : {}),
    },
  );
  return { pdf: Uint8Array.from(pdf), pages, from: request.from, to, issues };
}

// The service behind every channel of the contract (main/api/channels.ts), answering in plain data,
// and `call`, the one door a surface uses: parse the request with the channel's schema, run the
// handler, and turn any failure into an ErrorPayload — never a stack trace.
import { randomUUID } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Channel, Handlers } from '../api/channels.ts';
import { CHANNELS } from '../api/channels.ts';
import { parseRequest, toErrorPayload, type ErrorPayload } from '../api/contract.ts';
import { CatalogError } from '../engine/errors.ts';
import { formatCell } from '../engine/format/format-cell.ts';
import { importErrors } from '../engine/import/import-errors.ts';
import { EXACT } from '../engine/mapping/match-score.ts';
import { DEFAULT_PARAGRAPH_STYLES } from '../engine/templates/layout-schema.ts';
import { normalizeSpaces } from '../engine/values/normalize-text.ts';
import { annotateSource } from './annotate-source.ts';
import { buildCatalog } from './build-catalog.ts';
import { buildPriceGrids } from './price-grids/build-price-grids.ts';
import { openPriceGrids } from './price-grids/open-price-grids.ts';
import { previewPriceGrid } from './price-grids/preview-price-grid.ts';
import { columnSamples } from './display.ts';
import { openSource, validateSource, type Opened } from './open-source.ts';
import { pageProducts } from './page-products.ts';
import { planSource, previewSource } from './plan-catalog.ts';
import { projectHandlers } from './project-handlers.ts';
import { rememberedMapping } from './remembered-mappings.ts';
import { listTemplates } from './templates.ts';

/**
 * Workbooks opened by a surface, kept under an id so what crosses a process boundary carries no
 * bytes. Bounded: the oldest is dropped past a few, as a user works on one project at a time.
 */
const opened = new Map<string, Opened>();
const KEEP = 8;

const notOpened = () =>
  new CatalogError(
    'WORKBOOK_NOT_OPEN',
    {
      fr: 'Ce classeur n’est plus ouvert : rouvrez-le.',
      en: 'This workbook is no longer open: open it again.',
    },
    { field: 'id' },
  );

export const openedWorkbook = (id: string): Opened | undefined => opened.get(id);

const letters = (o: Opened): Record<string, string> =>
  Object.fromEntries(
    Object.entries(o.mapping.fields).flatMap(([field, m]) => {
      const letter = m.columns[0]?.letter;
      return letter ? [[field, letter]] : [];
    }),
  );

export const handlers: Handlers = {
  async open(request, hooks = {}) {
    const o = await openSource(request, hooks);
    const id = randomUUID();
    opened.set(id, o);
    while (opened.size > KEEP) opened.delete(opened.keys().next().value!);
    const { table } = o.imported;
    const remembered = await rememberedMapping(
      table.columns.map((c) => c.header),
      o.template.id,
    );
    return {
      id,
      file: o.imported.file,
      format: o.imported.format,
      sheet: table.sheet,
      template: o.template.id,
      sheets: o.imported.sheets,
      headerRow: table.headerRow,
      headerless: table.headerless,
      columns: request.lang
        ? table.columns.map((column, i) => ({ ...column, samples: columnSamples(table, i, request.lang!) }))
        : table.columns,
      roles: table.roles,
      ...(table.matrix ? { matrix: table.matrix } : {}),
      rowCount: table.rows.length,
      mapping: letters(o),
      matches: Object.fromEntries(
        (o.suggestion?.matches ?? []).map(
          (m) => [m.field, m.score >= EXACT ? 'exact' : 'suggested'] as const,
        ),
      ),
      head: o.imported.head,
      issues: table.notices,
      ...(remembered ? { remembered } : {}),
    };
  },

  async validate(request, hooks = {}) {
    const v = await validateSource(request, hooks);
    return {
      file: v.imported.file,
      sheet: v.imported.table.sheet,
      template: v.template.id,
      suggested: v.suggestion !== undefined,
      products: v.catalog.items.length,
      variants: v.catalog.items.reduce((n, i) => n + (i.variants?.length ?? 0), 0),
      issues: v.issues,
    };
  },

  async plan(request, hooks = {}) {
    const { validated, plan, issues } = await planSource(request, hooks);
    const boxes = pageProducts(plan);
    return {
      file: validated.imported.file,
      sheet: validated.imported.table.sheet,
      template: validated.template.id,
      pages: plan.pages.length,
      width: plan.width,
      height: plan.height,
      issues,
      pageRows: boxes.map((page) => page.map((b) => b.row)),
      pageBoxes: boxes,
    };
  },

  preview: (request, hooks = {}) => previewSource(request, hooks),
  gridOpen: (request, hooks = {}) => openPriceGrids(request, hooks),
  gridPreview: (request, hooks = {}) => previewPriceGrid(request, hooks),
  grid: (request, hooks = {}) => buildPriceGrids(request, hooks),

  async build(request, hooks = {}) {
    const result = await buildCatalog(request, hooks);
    const { imported, template } = result.validated;
    const source = { file: imported.file, sheet: imported.table.sheet, template: template.id };
    return result.status === 'built'
      ? {
          ...source,
          status: 'built',
          files: result.files,
          sizes: await Promise.all(result.files.map(async (file) => (await stat(file)).size)),
          pages: result.pages,
          forced: result.forced,
          issues: result.issues,
        }
      : {
          ...source,
          status: 'refused',
          files: [],
          sizes: [],
          pages: 0,
          forced: false,
          issues: result.issues,
        };
  },

  async rows(request) {
    const o = opened.get(request.id);
    if (!o) throw notOpened();
    const all = o.imported.table.rows;
    return {
      total: all.length,
      from: request.from,
      rows: all.slice(request.from, request.from + request.count).map((row) => ({
        number: row.number,
        role: row.role,
        hidden: row.hidden,
        ...(row.group !== undefined ? { group: row.group } : {}),
        cells: row.cells.map((cell) => normalizeSpaces(formatCell(cell, request.lang))),
      })),
    };
  },

  async templates() {
    return (await listTemplates()).map((t) => ({
      id: t.id,
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      fields: t.fields.map((f) => ({ id: f.id, label: f.label, required: f.required })),
      ...(t.layout
        ? {
            layout: {
              kind: t.layout.kind,
              margins: t.layout.page.margins,
              ...(t.layout.grid
                ? { grid: { columns: t.layout.grid.columns, rows: t.layout.grid.rows } }
                : {}),
              accent: (t.styles.paragraph.groupHeader ?? DEFAULT_PARAGRAPH_STYLES.groupHeader).color,
              ...(t.layout.terms ? { terms: true } : {}),
              facing: t.layout.page.facing,
              proof: t.layout.proof,
              ...(t.layout.image?.missing ? { missing: t.layout.image.missing } : {}),
            },
          }
        : {}),
    }));
  },

  async annotate(request, hooks = {}) {
    const validated = await validateSource(request, hooks);
    // Named after the workbook and always with a suffix, so it can never be the workbook itself
    // (annotateWorkbook refuses that too, links and case variants included).
    const name = `${basename(request.file, extname(request.file))}.annotated.xlsx`;
    const { written } = await annotateSource(request.file, validated, join(request.out, name), request.lang);
    return { file: written };
  },

  async fileStatus(request) {
    const info = await stat(request.file).catch(() => undefined);
    if (!info?.isFile()) throw importErrors.notFound(request.file);
    return { mtimeMs: info.mtimeMs, size: info.size };
  },

  ...projectHandlers,
};

export type CallResult<C extends Channel> =
  { ok: true; value: Awaited<ReturnType<Handlers[C]>> } | { ok: false; error: ErrorPayload };

/** A surface's call: unknown input in, a parsed request to the handler, a payload out either way. */
export async function call<C extends Channel>(channel: C, input: unknown): Promise<CallResult<C>> {
  try {
    const request = parseRequest(CHANNELS[channel].request, input);
    const handler = handlers[channel] as (r: unknown) => Promise<Awaited<ReturnType<Handlers[C]>>>;
    return { ok: true, value: await handler(request) };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
}

// The service behind every channel of the contract (main/api/channels.ts), answering in plain data,
// and `call`, the one door a surface uses: parse the request with the channel's schema, run the
// handler, and turn any failure into an ErrorPayload — never a stack trace.
import { randomUUID } from 'node:crypto';
import type { Channel, Handlers } from '../api/channels.ts';
import { CHANNELS } from '../api/channels.ts';
import { parseRequest, toErrorPayload, type ErrorPayload } from '../api/contract.ts';
import { buildCatalog } from './build-catalog.ts';
import { openSource, validateSource, type Opened } from './open-source.ts';
import { planSource, previewSource } from './plan-catalog.ts';
import { listTemplates } from './templates.ts';

/**
 * Workbooks opened by a surface, kept under an id so what crosses a process boundary carries no
 * bytes. Bounded: the oldest is dropped past a few, as a user works on one project at a time.
 */
const opened = new Map<string, Opened>();
const KEEP = 8;

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
    return {
      id,
      file: o.imported.file,
      format: o.imported.format,
      sheet: table.sheet,
      template: o.template.id,
      sheets: o.imported.sheets,
      headerRow: table.headerRow,
      headerless: table.headerless,
      columns: table.columns,
      roles: table.roles,
      ...(table.matrix ? { matrix: table.matrix } : {}),
      rowCount: table.rows.length,
      mapping: letters(o),
      issues: table.notices,
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
    return {
      file: validated.imported.file,
      sheet: validated.imported.table.sheet,
      template: validated.template.id,
      pages: plan.pages.length,
      width: plan.width,
      height: plan.height,
      issues,
    };
  },

  preview: (request, hooks = {}) => previewSource(request, hooks),

  async build(request, hooks = {}) {
    const result = await buildCatalog(request, hooks);
    const { imported, template } = result.validated;
    const source = { file: imported.file, sheet: imported.table.sheet, template: template.id };
    return result.status === 'built'
      ? {
          ...source,
          status: 'built',
          files: result.files,
          pages: result.pages,
          forced: result.forced,
          issues: result.issues,
        }
      : { ...source, status: 'refused', files: [], pages: 0, forced: false, issues: result.issues };
  },

  async templates() {
    return (await listTemplates()).map((t) => ({
      id: t.id,
      name: t.name,
      ...(t.description ? { description: t.description } : {}),
      fields: t.fields.map((f) => ({ id: f.id, label: f.label, required: f.required })),
    }));
  },
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

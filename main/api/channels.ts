// The channels a surface may call, each with the schema of its request and of its response: the
// desktop app's preload, browser mode's HTTP routes and the CLI are all generated from, or checked
// against, this one table. Responses are plain data (no bytes of a workbook, no closures).
import { z } from 'zod';
import { Issue, MatrixShape, RowDecision, SheetSummary, SourceColumn, Translated } from '../engine/model.ts';
import type { OnProgress } from '../engine/progress.ts';
import { BuildRequest, OpenRequest, PlanRequest, PreviewRequest, ValidateRequest } from './contract.ts';

const Source = z.object({ file: z.string(), sheet: z.string(), template: z.string() });

export const OpenResponse = Source.extend({
  /** The opened workbook, kept by the service under this id for the calls that follow. */
  id: z.string(),
  format: z.enum(['xlsx', 'csv']),
  sheets: z.array(SheetSummary),
  headerRow: z.number().int(),
  headerless: z.boolean(),
  columns: z.array(SourceColumn),
  roles: z.array(RowDecision),
  matrix: MatrixShape.optional(),
  rowCount: z.number().int(),
  /** Field id → column letter, as suggested from the headers (or as the profile says). */
  mapping: z.record(z.string(), z.string()),
  issues: z.array(Issue),
});
export type OpenResponse = z.infer<typeof OpenResponse>;

export const ValidateResponse = Source.extend({
  /** True when no profile was given and the mapping was suggested from the headers. */
  suggested: z.boolean(),
  /** Products in the catalog; their variants are counted apart. */
  products: z.number().int(),
  variants: z.number().int(),
  issues: z.array(Issue),
});
export type ValidateResponse = z.infer<typeof ValidateResponse>;

export const BuildResponse = Source.extend({
  status: z.enum(['refused', 'built']),
  files: z.array(z.string()),
  pages: z.number().int(),
  forced: z.boolean(),
  issues: z.array(Issue),
});
export type BuildResponse = z.infer<typeof BuildResponse>;

export const PlanResponse = Source.extend({
  pages: z.number().int(),
  /** Trim size in points. */
  width: z.number(),
  height: z.number(),
  /** Validation's issues, then preflight's (each page issue carries its `page`). */
  issues: z.array(Issue),
});
export type PlanResponse = z.infer<typeof PlanResponse>;

export const PreviewResponse = z.object({
  pdf: z.instanceof(Uint8Array),
  pages: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;

export const TemplatesRequest = z.object({});
export const TemplatesResponse = z.array(
  z.object({
    id: z.string(),
    name: Translated,
    description: Translated.optional(),
    fields: z.array(z.object({ id: z.string(), label: Translated, required: z.boolean() })),
  }),
);
export type TemplatesResponse = z.infer<typeof TemplatesResponse>;

export const CHANNELS = {
  open: { request: OpenRequest, response: OpenResponse },
  validate: { request: ValidateRequest, response: ValidateResponse },
  plan: { request: PlanRequest, response: PlanResponse },
  preview: { request: PreviewRequest, response: PreviewResponse },
  build: { request: BuildRequest, response: BuildResponse },
  templates: { request: TemplatesRequest, response: TemplatesResponse },
} as const;
export type Channel = keyof typeof CHANNELS;

/** What long work may be given: a cancel signal, and a callback for its progress. */
export type CallHooks = { signal?: AbortSignal; onProgress?: OnProgress };

/** What a surface calls: each channel's parsed request in, its response out. */
export type Handlers = {
  [C in Channel]: (
    request: z.infer<(typeof CHANNELS)[C]['request']>,
    hooks?: CallHooks,
  ) => Promise<z.infer<(typeof CHANNELS)[C]['response']>>;
};

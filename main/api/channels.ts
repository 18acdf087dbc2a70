// The channels a surface may call, each with the schema of its request and of its response: the
// desktop app's preload, browser mode's HTTP routes and the CLI are all generated from, or checked
// against, this one table. Responses are plain data (no bytes of a workbook, no closures).
import {
  GridBuildResult,
  GridOpenRequest,
  GridOpenResult,
  GridPreviewRequest,
  GridPreviewResponse,
  GridRequest,
} from './grid-contract.ts';
import { z } from 'zod';
import {
  Issue,
  Lang,
  MatrixShape,
  RowDecision,
  SheetSummary,
  SourceColumn,
  Translated,
} from '../engine/model.ts';
import type { OnProgress } from '../engine/progress.ts';
import type { ChannelName } from './channel-names.ts';
import {
  BuildRequest,
  OpenRequest,
  PlanRequest,
  PreviewRequest,
  SourceRequest,
  ValidateRequest,
} from './contract.ts';
import { FieldMapping } from '../engine/mapping/mapping-schema.ts';
import {
  AutosaveRequest,
  DiscardAutosaveRequest,
  EmptyResponse,
  LoadProjectRequest,
  LoadProjectResponse,
  RecentProjectsRequest,
  RecentProjectsResponse,
  RecoverRequest,
  RecoverResponse,
  RememberMappingRequest,
  SaveProjectRequest,
  SaveProjectResponse,
} from './project.ts';

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
  /**
   * How sure each suggested field is: `exact` when the header names the field, `suggested` when it
   * only resembles it or the values show it. Empty when the mapping came from the request.
   */
  matches: z.record(z.string(), z.enum(['exact', 'suggested'])),
  /**
   * The mapping the user last made on a sheet with these headers, in this order, for this template
   * (remembered on save): the Mapping step offers it back, with Undo.
   */
  remembered: z.record(z.string(), FieldMapping).optional(),
  /** The sheet's first rows as text, numbered as in Excel: to show and to pick the header row. */
  head: z.array(z.object({ number: z.number().int(), cells: z.array(z.string()) })),
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
  /** Each file's size in bytes, aligned with `files`: what a surface shows beside its name. */
  sizes: z.array(z.number().int()),
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
  /** Per page (index 0 is page 1): the sheet rows of the products on it, in reading order. */
  pageRows: z.array(z.array(z.number().int())),
  /** Per page: where each product lies (points from the trim's top-left), to find the one a click lands on. */
  pageBoxes: z.array(
    z.array(
      z.object({
        row: z.number().int(),
        x: z.number(),
        y: z.number(),
        width: z.number(),
        height: z.number(),
      }),
    ),
  ),
});
export type PlanResponse = z.infer<typeof PlanResponse>;

export const PreviewResponse = z.object({
  pdf: z.instanceof(Uint8Array),
  pages: z.number().int(),
  from: z.number().int(),
  to: z.number().int(),
});
export type PreviewResponse = z.infer<typeof PreviewResponse>;

/** Rows of an opened workbook, for a grid that shows them a screenful at a time. */
export const RowsRequest = z.object({
  id: z.string(),
  /** Index of the first row (from 0) among the products and variants read. */
  from: z.number().int().min(0).default(0),
  count: z.number().int().min(1).max(2000).default(200),
  lang: Lang,
});
export const RowsResponse = z.object({
  total: z.number().int(),
  from: z.number().int(),
  rows: z.array(
    z.object({
      /** The sheet's row number, as Excel shows it. */
      number: z.number().int(),
      role: z.enum(['product', 'variant']),
      hidden: z.boolean(),
      group: z.string().optional(),
      /** Aligned with the opened workbook's columns, written in the user's locale. */
      cells: z.array(z.string()),
    }),
  ),
});
export type RowsResponse = z.infer<typeof RowsResponse>;

export const TemplatesRequest = z.object({});
export const TemplatesResponse = z.array(
  z.object({
    id: z.string(),
    name: Translated,
    description: Translated.optional(),
    fields: z.array(z.object({ id: z.string(), label: Translated, required: z.boolean() })),
    /**
     * What the Layout step starts from when the user changes a setting: the template's own page,
     * grid and accent colour (its group headers' CMYK), so no default is made up on the way.
     */
    layout: z
      .object({
        kind: z.enum(['grid', 'list', 'table']),
        margins: z.object({ top: z.number(), right: z.number(), bottom: z.number(), left: z.number() }),
        grid: z.object({ columns: z.number().int(), rows: z.number().int() }).optional(),
        accent: z.tuple([z.number(), z.number(), z.number(), z.number()]),
        /** It prints a price list's terms, which the Export step's validity dates fill. */
        terms: z.boolean().optional(),
        /** Facing pages (folios on the outer edge); single pages when false. */
        facing: z.boolean().optional(),
        /** Where a proof says so: across the page, or in the slug outside the trim. */
        proof: z.enum(['across', 'slug']).optional(),
        /** A product without its picture: a placeholder frame, or the text taking the room. */
        missing: z.enum(['placeholder', 'collapse']).optional(),
      })
      .optional(),
  }),
);
export type TemplatesResponse = z.infer<typeof TemplatesResponse>;

/** The annotated copy of the workbook (each problem cell coloured and commented), written into `out`. */
export const AnnotateRequest = SourceRequest.extend({
  /** The folder the copy goes to; its name is the workbook's, ending `.annotated.xlsx`. */
  out: z.string().min(1),
  /** The language of the notes and of the issues sheet. */
  lang: Lang,
});
export const AnnotateResponse = z.object({ file: z.string() });
export type AnnotateResponse = z.infer<typeof AnnotateResponse>;

/** What a screen polls to notice that the workbook was saved again in Excel. */
export const FileStatusRequest = z.object({ file: z.string().min(1) });
export const FileStatusResponse = z.object({ mtimeMs: z.number(), size: z.number().int() });
export type FileStatusResponse = z.infer<typeof FileStatusResponse>;

export const CHANNELS = {
  open: { request: OpenRequest, response: OpenResponse },
  validate: { request: ValidateRequest, response: ValidateResponse },
  plan: { request: PlanRequest, response: PlanResponse },
  preview: { request: PreviewRequest, response: PreviewResponse },
  build: { request: BuildRequest, response: BuildResponse },
  templates: { request: TemplatesRequest, response: TemplatesResponse },
  rows: { request: RowsRequest, response: RowsResponse },
  annotate: { request: AnnotateRequest, response: AnnotateResponse },
  fileStatus: { request: FileStatusRequest, response: FileStatusResponse },
  saveProject: { request: SaveProjectRequest, response: SaveProjectResponse },
  loadProject: { request: LoadProjectRequest, response: LoadProjectResponse },
  recentProjects: { request: RecentProjectsRequest, response: RecentProjectsResponse },
  autosave: { request: AutosaveRequest, response: EmptyResponse },
  recover: { request: RecoverRequest, response: RecoverResponse },
  discardAutosave: { request: DiscardAutosaveRequest, response: EmptyResponse },
  rememberMapping: { request: RememberMappingRequest, response: EmptyResponse },
  gridOpen: { request: GridOpenRequest, response: GridOpenResult },
  gridPreview: { request: GridPreviewRequest, response: GridPreviewResponse },
  grid: { request: GridRequest, response: GridBuildResult },
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

// The preload's list (channel-names.ts) and this table must name the same channels, both ways.
type SameKeys<A extends string, B extends string> = [A] extends [B]
  ? [B] extends [A]
    ? true
    : never
  : never;
export const CHANNEL_LIST_MATCHES: SameKeys<Channel, ChannelName> = true;

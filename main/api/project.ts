// A project as saved on disk (`.catalog.json`): what the user decided — which workbook, how to read
// it, the mapping, the template and its settings, the outputs — and nothing the contract answered,
// so re-opening it next month re-reads the workbook afresh. It mirrors the renderer's `Project`
// (renderer/state/project.ts); renderer/state/project-file.ts converts one to the other, typed both
// ways, so a field added to one and not the other fails to compile. A password is never kept.
import { z } from 'zod';
import { FieldMapping } from '../engine/mapping/mapping-schema.ts';
import { Format, IsoDate, MoneyRequest } from './contract.ts';
import { LayoutSettings } from './layout-settings.ts';

export { PROJECT_SUFFIX } from './file-kinds.ts';

/** Strict: a typo in a hand-edited project ("templete"), or a password, is refused, not ignored. */
export const ProjectOutput = z.strictObject({
  /** Folder the files are written to. */
  out: z.string().optional(),
  formats: z.array(Format).min(1),
  mode: z.enum(['print', 'screen']),
  bleed: z.number().min(0).max(10).optional(),
  marks: z.boolean().optional(),
  title: z.string().optional(),
  textVariant: z.enum(['win', 'mac']),
  /** The print PDF's printing condition (PRESS_IDS); none named when absent. */
  press: z.string().optional(),
  /** A price list's validity, ISO dates as the user gave them. */
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.optional(),
});
export type ProjectOutput = z.infer<typeof ProjectOutput>;

/** The price-grid flow's settings (issue 9): present only for a project made in that flow. */
export const ProjectGrid = z.strictObject({
  /** A sheet of the workbook or a separate file; found by its headers when absent. */
  resellers: z.string().optional(),
  whiteLabel: z.boolean().optional(),
  outputs: z.array(z.enum(['print', 'screen', 'tagged-text'])).min(1),
  encrypt: z.boolean(),
  /** Folder the lists are written to. */
  out: z.string().optional(),
  /** Only these resellers; all when absent. */
  only: z.array(z.string()).optional(),
});
export type ProjectGrid = z.infer<typeof ProjectGrid>;

export const ProjectFile = z.strictObject({
  kind: z.literal('catalog-project'),
  version: z.literal(1),
  /** The workbook's absolute path where the project was saved. */
  file: z.string().min(1),
  /**
   * The workbook's path relative to the project file: used when the absolute one is missing, as
   * when a project folder is copied to another Mac or another user's home. Written on save.
   */
  fileRelative: z.string().optional(),
  sheet: z.string().optional(),
  /** The header row the user picked; detected when absent. */
  headerRow: z.number().int().min(1).optional(),
  template: z.string().min(1),
  /** The user's mapping, field by field; the suggested one when absent. */
  fields: z.record(z.string(), FieldMapping).optional(),
  money: MoneyRequest,
  images: z.string().optional(),
  layout: LayoutSettings,
  output: ProjectOutput,
  /** The price-grid flow; absent for a catalog (and in every project saved before it). */
  grid: ProjectGrid.optional(),
});
export type ProjectFile = z.infer<typeof ProjectFile>;
export type ProjectFileInput = z.input<typeof ProjectFile>;

const Path = z.string().min(1);

export const SaveProjectRequest = z.object({
  /** Where to write; `.catalog.json` is added when the name lacks it. */
  path: Path,
  project: ProjectFile,
});
export const SaveProjectResponse = z.object({ path: z.string() });

export const LoadProjectRequest = z.object({ path: Path });
export const LoadProjectResponse = z.object({
  /** With `file` pointing at the workbook found (the relative path resolved when it had to be). */
  project: ProjectFile,
  /** True when the workbook is at neither the saved path nor the relative one. */
  missing: z.literal(true).optional(),
});

export const RecentProjectsRequest = z.object({});
export const RecentProjectsResponse = z.object({
  /** Most recent first. */
  projects: z.array(
    z.object({
      path: z.string(),
      /** The file's name without `.catalog.json`. */
      name: z.string(),
      /** ISO 8601. */
      savedAt: z.string(),
      exists: z.boolean(),
    }),
  ),
});

/** Kept apart from the saved project: recovery offers it, saving over the user's file is theirs to do. */
export const AutosaveRequest = z.object({ project: ProjectFile });
export const EmptyResponse = z.object({});

export const RecoverRequest = z.object({});
export const RecoverResponse = z.object({
  project: ProjectFile.optional(),
  /** ISO 8601. */
  savedAt: z.string().optional(),
});

export const DiscardAutosaveRequest = z.object({});

export const RememberMappingRequest = z.object({
  /** The opened sheet's column headers, in order: with the template, what the mapping is remembered by. */
  headers: z.array(z.string()).max(2000),
  template: z.string().min(1),
  fields: z.record(z.string(), FieldMapping),
});

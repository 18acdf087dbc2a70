// The contract every surface speaks: one zod schema per request, so the CLI today and the desktop
// app and browser mode next parse the same words into the same request, and a malformed one is
// refused naming its field (ErrorPayload) before any work starts.
import { z } from 'zod';
import { CatalogError } from '../engine/errors.ts';
import { FORMATS } from '../engine/export/export-catalog.ts';
import { formatIssuePath } from '../engine/issue-path.ts';
import { FieldMapping } from '../engine/mapping/mapping-schema.ts';
import { Lang, Translated } from '../engine/model.ts';
import { LayoutSettings } from './layout-settings.ts';
import { IsoDate } from './validity-dates.ts';

export { FORMATS };
export { checkValidity, IsoDate, userDate } from './validity-dates.ts';
/** The printing conditions `press` may name; plain data a surface can list. */
export { PRESS_CONDITIONS, PRESS_IDS, pressCondition } from '../engine/export/pdf/press-conditions.ts';
export const Format = z.enum(FORMATS);
export type Format = z.infer<typeof Format>;

/** What the user states about money; each fills only what the sheet leaves unsaid. */
export const MoneyRequest = z.object({
  /** ISO 4217 code (`EUR`, `PLN`). */
  currency: z.string().optional(),
  /** A rate in percent, or rates per family (`Vins=20;Livres=5,5`). */
  vat: z.string().optional(),
  /** Basis of the prices when neither header nor title says it: `excl`/`ht`, `incl`/`ttc`. */
  prices: z.string().optional(),
});
export type MoneyRequest = z.infer<typeof MoneyRequest>;

/** A workbook, and how to read it: the same for opening, validating and building. */
export const SourceRequest = z.object({
  file: z.string().min(1),
  sheet: z.string().optional(),
  /** A built-in template id, a user template's id, or the path of a template `.json`. */
  template: z.string().optional(),
  /** Path of a saved mapping profile. */
  mapping: z.string().optional(),
  /** The images folder; else `images/` or `photos/` beside the workbook. */
  images: z.string().optional(),
  money: MoneyRequest.default({}),
  /** Hidden rows are withdrawn products to Excel users: left out unless asked. */
  includeHidden: z.boolean().default(false),
  /** The header row the user picked (the sheet's row number, from 1); detected when absent. */
  headerRow: z.number().int().min(1).optional(),
  /**
   * A mapping given inline (the app's Mapping step): field id → its columns, as a profile keeps them.
   * It wins over `mapping`, the path of a saved profile.
   */
  fields: z.record(z.string(), FieldMapping).optional(),
});
export type SourceRequest = z.infer<typeof SourceRequest>;
export type SourceRequestInput = z.input<typeof SourceRequest>;

export const OpenRequest = SourceRequest.extend({
  /** Column samples are written the way this language's locale writes them; as typed when absent. */
  lang: Lang.optional(),
});
export type OpenRequest = z.infer<typeof OpenRequest>;

export const ValidateRequest = SourceRequest;
export type ValidateRequest = z.infer<typeof ValidateRequest>;

export const BuildRequest = SourceRequest.extend({
  out: z.string().min(1),
  /** What the Layout step changed in the template. */
  layout: LayoutSettings.optional(),
  formats: z.array(Format).min(1).default(['pdf']),
  mode: z.enum(['print', 'screen']).default('print'),
  /** Millimetres; the template's when absent. */
  bleed: z.number().min(0).max(10).optional(),
  marks: z.boolean().optional(),
  /** Path of the printer's CMYK profile. */
  icc: z.string().optional(),
  /**
   * A standard printing condition (`FOGRA39`, `FOGRA51`, `GRACoL2013`…: PRESS_IDS) the print PDF's
   * OutputIntent names, with `icc` as its profile, else the one installed for it on this computer.
   */
  press: z.string().optional(),
  /** `fr-FR`, `en-GB`…; the language's usual one when absent. */
  locale: z.string().optional(),
  title: z.string().optional(),
  /** A price list's validity (ISO dates, as the user gave them): printed by a template's terms. */
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.optional(),
  password: z.string().optional(),
  /** Lifts the screen PDF's limits (copying, editing); a random one nobody keeps when absent. */
  ownerPassword: z.string().optional(),
  textVariant: z.enum(['win', 'mac']).default('win'),
  /** Build although validation found errors. */
  force: z.boolean().default(false),
  lang: Lang,
});
export type BuildRequest = z.infer<typeof BuildRequest>;
export type BuildRequestInput = z.input<typeof BuildRequest>;

/** The pages a build would print, without writing anything (a preview's source). */
export const PlanRequest = SourceRequest.extend({
  layout: LayoutSettings.optional(),
  mode: z.enum(['print', 'screen']).default('print'),
  bleed: z.number().min(0).max(10).optional(),
  marks: z.boolean().optional(),
  locale: z.string().optional(),
  title: z.string().optional(),
  validFrom: IsoDate.optional(),
  validUntil: IsoDate.optional(),
  lang: Lang,
});
export type PlanRequest = z.infer<typeof PlanRequest>;

/** Some pages of the plan as a PDF, for a live preview (a screen PDF: light, RGB, no marks). */
export const PreviewRequest = PlanRequest.extend({
  /** First page, from 1. */
  from: z.number().int().min(1).default(1),
  /** Last page, inclusive; the first page alone when absent. */
  to: z.number().int().min(1).optional(),
});
export type PreviewRequest = z.infer<typeof PreviewRequest>;

/** A refusal as it crosses a boundary: a stable code, the user's words, the field at fault. */
export const ErrorPayload = z.object({
  code: z.string(),
  message: Translated,
  field: z.string().optional(),
});
export type ErrorPayload = z.infer<typeof ErrorPayload>;

/** Parses a request, or throws INVALID_REQUEST naming the first field at fault. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const field = formatIssuePath(issue.path);
  throw new CatalogError(
    'INVALID_REQUEST',
    {
      fr: `Requête invalide : ${field || 'requête'} — ${issue.message}`,
      en: `Invalid request: ${field || 'request'} — ${issue.message}`,
    },
    { field },
  );
}

/** Any failure as the payload a surface shows: our coded errors as they are, the rest as UNEXPECTED. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof CatalogError)
    return { code: error.code, message: error.text, ...(error.field ? { field: error.field } : {}) };
  return {
    code: 'UNEXPECTED',
    message: {
      fr: "Une erreur inattendue s'est produite.",
      en: 'An unexpected error occurred.',
    },
  };
}

/** A job's progress event (schema and type), as every stage reports it: stage, done, total. */
export { Progress as JobProgress, STAGES as JOB_STAGES } from '../engine/progress.ts';

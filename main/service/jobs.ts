// The service calls a job can run (main/service/run-job.ts), each with the schema its request is
// parsed by and the plain result it hands back: what crosses the worker boundary is data a
// structured clone keeps whole — no closures, no class instances, no open workbook.
import { z } from 'zod';
import { BuildRequest, ValidateRequest } from '../api/contract.ts';
import { Issue } from '../engine/model.ts';
import { buildCatalog } from './build-catalog.ts';
import { validateSource, type Hooks, type Validated } from './open-source.ts';

export const ValidateJobResult = z.object({
  /** The sheet read and the template checked against. */
  sheet: z.string(),
  template: z.string(),
  /** True when no profile was given and the mapping was suggested from the headers. */
  suggested: z.boolean(),
  /** Products in the catalog (variants are part of their product). */
  items: z.number().int(),
  issues: z.array(Issue),
});
export type ValidateJobResult = z.infer<typeof ValidateJobResult>;

export const BuildJobResult = z.object({
  status: z.enum(['built', 'refused']),
  /** Absolute paths of the files written; none when refused. */
  files: z.array(z.string()),
  pages: z.number().int(),
  /** Validation's issues, then preflight's. */
  issues: z.array(Issue),
  /** Built over validation errors (`force`): the files carry them. */
  forced: z.boolean(),
});
export type BuildJobResult = z.infer<typeof BuildJobResult>;

const validatedSummary = (validated: Validated): ValidateJobResult => ({
  sheet: validated.imported.table.sheet,
  template: validated.template.id,
  suggested: validated.suggested,
  items: validated.catalog.items.length,
  issues: validated.issues,
});

type Job<Request extends z.ZodType, Result extends z.ZodType> = {
  request: Request;
  result: Result;
  run(request: z.infer<Request>, hooks: Hooks): Promise<z.infer<Result>>;
};

const job = <Request extends z.ZodType, Result extends z.ZodType>(j: Job<Request, Result>) => j;

export const JOBS = {
  validate: job({
    request: ValidateRequest,
    result: ValidateJobResult,
    run: async (request, hooks) => validatedSummary(await validateSource(request, hooks)),
  }),
  build: job({
    request: BuildRequest,
    result: BuildJobResult,
    run: async (request, hooks) => {
      const built = await buildCatalog(request, hooks);
      if (built.status === 'refused')
        return { status: 'refused' as const, files: [], pages: 0, issues: built.issues, forced: false };
      const { status, files, pages, issues, forced } = built;
      return { status, files, pages, issues, forced };
    },
  }),
};

export type JobName = keyof typeof JOBS;
export const JOB_NAMES = Object.keys(JOBS) as JobName[];
export type JobRequestInput<N extends JobName> = z.input<(typeof JOBS)[N]['request']>;
export type JobResult<N extends JobName> = z.infer<(typeof JOBS)[N]['result']>;

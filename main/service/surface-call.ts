// One contract call as a surface makes it for a page it does not trust — the desktop app over IPC
// (main/app/ipc.ts), browser mode over HTTP (main/server/run-channel.ts) — written once so the two
// cannot drift: the paths the request names must have been chosen; `open` and the long channels are
// kept by key while they run, for a cancel to find and with their progress; the others go through
// `call`; and a project's answer makes the paths it names chosen too.
import { CHANNELS, type Channel } from '../api/channels.ts';
import { parseRequest, toErrorPayload, type ErrorPayload } from '../api/contract.ts';
import type { Progress as JobProgress } from '../engine/progress.ts';
import type { ChosenPaths } from './chosen-paths.ts';
import { call, handlers } from './handlers.ts';
import { JOB_NAMES, type JobName, type JobRequestInput } from './jobs.ts';
import { allowAnswerPaths } from './project-paths.ts';
import { runJob } from './run-job.ts';

export type SurfaceOutcome = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

/** An id a page gives a job: short, and safe to echo in an event. */
export const JOB_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const isJobChannel = (channel: string): channel is JobName =>
  (JOB_NAMES as readonly string[]).includes(channel);

/** Whether a call is kept while it runs: a job (a worker thread), or `open` (in this process). */
export const isTrackedChannel = (channel: string): boolean => isJobChannel(channel) || channel === 'open';

/** Refused: the caller already runs a job under this id. `field` names where the id came from. */
export const jobInProgress = (job: string, field: string): ErrorPayload => ({
  code: 'JOB_IN_PROGRESS',
  message: { fr: `Un travail « ${job} » est déjà en cours.`, en: `A job "${job}" is already running.` },
  field,
});

/** What runs a call; tests pass fakes. */
export type Runners = { call: typeof call; runJob: typeof runJob; open: typeof handlers.open };

export type SurfaceCallOptions = {
  chosen: ChosenPaths;
  /** The tracked calls running now, by key: what a cancel aborts. */
  running: Map<string, AbortController>;
  /** The key a tracked call is kept under; without one it stops only by `signal`. */
  key?: string;
  /** The caller's id of the job, and the request's field that gave it: to name it in a refusal. */
  job?: { id: string; field: string };
  signal?: AbortSignal;
  onProgress?: (progress: JobProgress) => void;
  runners?: Partial<Runners>;
};

/** Runs `channel` with `input` for a surface; never throws: a refusal is an ErrorPayload. */
export async function surfaceCall(
  channel: Channel,
  input: unknown,
  options: SurfaceCallOptions,
): Promise<SurfaceOutcome> {
  const { chosen, running, key } = options;
  try {
    chosen.check(input);
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
  if (key !== undefined && running.has(key))
    return { ok: false, error: jobInProgress(options.job?.id ?? key, options.job?.field ?? 'job') };
  const outcome = isTrackedChannel(channel)
    ? await runTracked(channel, input, options)
    : await (options.runners?.call ?? call)(channel, input);
  if (outcome.ok) allowAnswerPaths(chosen, channel, outcome.value);
  return outcome;
}

async function runTracked(
  channel: Channel,
  input: unknown,
  options: SurfaceCallOptions,
): Promise<SurfaceOutcome> {
  const { running, key, signal, onProgress } = options;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  if (signal?.aborted) controller.abort();
  if (key !== undefined) running.set(key, controller);
  const hooks = { signal: controller.signal, ...(onProgress ? { onProgress } : {}) };
  try {
    const value = isJobChannel(channel)
      ? await (options.runners?.runJob ?? runJob)(channel, input as JobRequestInput<typeof channel>, hooks)
      : // Opening stays in this process (rows reads the workbook it keeps) but reports and stops.
        await (options.runners?.open ?? handlers.open)(parseRequest(CHANNELS.open.request, input), hooks);
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (key !== undefined && running.get(key) === controller) running.delete(key);
  }
}

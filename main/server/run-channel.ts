// One contract call over HTTP, as the desktop app makes it over IPC: the paths it names must have
// been chosen by the user in this run, the long channels run as jobs in a worker thread (so this
// server's event loop stays free to stream progress and hear a cancel), and the rest run in-process
// through the service's `call` — `rows` reads the workbook `open` keeps by id in this process.
import { resolve } from 'node:path';
import { JOB_CHANNELS } from '../api/channel-names.ts';
import type { JobEvent } from '../api/bridge.ts';
import {
  CHANNELS,
  parseRequest,
  toErrorPayload,
  type Channel,
  type ErrorPayload,
  type JobProgress,
} from '../api/index.ts';
import {
  allowAnswerPaths,
  call,
  handlers,
  runJob,
  type ChosenPaths,
  type JobName,
  type JobRequestInput,
} from '../service/index.ts';

export type Outcome = { ok: true; value: unknown } | { ok: false; error: ErrorPayload };

/** What one run of browser mode remembers between requests. */
export type Session = {
  chosen: ChosenPaths;
  /** Jobs running now, by the id their caller gave (X-Job-Id): what /api/cancel aborts. */
  jobs: Map<string, AbortController>;
  /** Files a build of this run wrote: the only ones /api/download serves. */
  built: Set<string>;
  broadcast(event: JobEvent): void;
};

/** An id the page gives a job: short, and safe to echo in an event. */
export const JOB_ID = /^[A-Za-z0-9_-]{1,64}$/;

const isJob = (channel: Channel): channel is JobName => (JOB_CHANNELS as readonly string[]).includes(channel);

const jobInProgress = (job: string): Outcome => ({
  ok: false,
  error: {
    code: 'JOB_IN_PROGRESS',
    message: {
      fr: `Un travail « ${job} » est déjà en cours.`,
      en: `A job "${job}" is already running.`,
    },
    field: 'X-Job-Id',
  },
});

/**
 * Runs `channel` with `input` for this session. `job` names it for progress and cancel; `signal`
 * aborts it too (the browser went away before the answer).
 */
export async function runChannel(
  session: Session,
  channel: Channel,
  input: unknown,
  options: { job?: string; signal?: AbortSignal } = {},
): Promise<Outcome> {
  const { job } = options;
  try {
    session.chosen.check(input);
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  }
  if (job !== undefined && session.jobs.has(job)) return jobInProgress(job);
  if (!isJob(channel) && channel !== 'open') {
    const outcome = await call(channel, input);
    // A project the user opened names its workbook and folders: they become the user's choice too.
    if (outcome.ok) allowAnswerPaths(session.chosen, channel, outcome.value);
    // The annotated copy is a file this run wrote, as a build's are: the page may download it.
    if (outcome.ok && channel === 'annotate')
      session.built.add(resolve((outcome.value as { file: string }).file));
    return outcome;
  }

  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted) controller.abort();
  if (job !== undefined) session.jobs.set(job, controller);
  const hooks = {
    signal: controller.signal,
    ...(job !== undefined ? { onProgress: (p: JobProgress) => session.broadcast({ ...p, job }) } : {}),
  };
  try {
    const value = isJob(channel)
      ? await runJob(channel, input as JobRequestInput<typeof channel>, hooks)
      : // Opening stays in this process (rows reads what it keeps) but still reports and stops.
        await handlers.open(parseRequest(CHANNELS.open.request, input), hooks);
    if (channel === 'build') {
      const built = value as { status: string; files: string[] };
      if (built.status === 'built') for (const file of built.files) session.built.add(resolve(file));
    }
    return { ok: true, value };
  } catch (error) {
    return { ok: false, error: toErrorPayload(error) };
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (job !== undefined && session.jobs.get(job) === controller) session.jobs.delete(job);
  }
}

// One contract call over HTTP, as the desktop app makes it over IPC — both through the service's
// surfaceCall: the paths it names must have been chosen by the user in this run, the long channels
// run as jobs in a worker thread (so this server's event loop stays free to stream progress and hear
// a cancel), and the rest run in-process — `rows` reads the workbook `open` keeps by id in this
// process. What is this server's own: the files a call wrote become downloadable.
import { resolve } from 'node:path';
import type { JobEvent } from '../api/bridge.ts';
import type { Channel } from '../api/index.ts';
import { JOB_ID, surfaceCall, type ChosenPaths, type SurfaceOutcome } from '../service/index.ts';

export type Outcome = SurfaceOutcome;
export { JOB_ID };

/** What one run of browser mode remembers between requests. */
export type Session = {
  chosen: ChosenPaths;
  /** Jobs running now, by the id their caller gave (X-Job-Id): what /api/cancel aborts. */
  jobs: Map<string, AbortController>;
  /** Files a build of this run wrote: the only ones /api/download serves. */
  built: Set<string>;
  broadcast(event: JobEvent): void;
};

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
  const outcome = await surfaceCall(channel, input, {
    chosen: session.chosen,
    running: session.jobs,
    ...(job !== undefined
      ? {
          key: job,
          job: { id: job, field: 'X-Job-Id' },
          onProgress: (progress) => session.broadcast({ ...progress, job }),
        }
      : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!outcome.ok) return outcome;
  // The annotated copy is a file this run wrote, as a build's are: the page may download them.
  if (channel === 'annotate') session.built.add(resolve((outcome.value as { file: string }).file));
  if (channel === 'build') {
    const built = outcome.value as { status: string; files: string[] };
    if (built.status === 'built') for (const file of built.files) session.built.add(resolve(file));
  }
  return outcome;
}

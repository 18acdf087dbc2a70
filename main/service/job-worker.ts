// Runs inside a job's worker thread: parses the request again (what crossed is data, and this side
// trusts nothing), runs the service call, posts each progress event as it comes, then the plain
// result. Anything thrown crosses back as a code and the user's words; the host rebuilds the error.
import { parentPort, workerData } from 'node:worker_threads';
import { isCatalogError } from '../engine/errors.ts';
import { JOBS } from './jobs.ts';
import type { JobMessage, JobStart } from './run-job.ts';

const post = (message: JobMessage) => parentPort!.postMessage(message);

async function run({ name, request }: JobStart): Promise<void> {
  const job = JOBS[name];
  try {
    const parsed = job.request.parse(request);
    const result = await job.run(parsed as never, {
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
    post({ type: 'done', result });
  } catch (error) {
    post(
      isCatalogError(error)
        ? {
            type: 'error',
            code: error.code,
            text: error.text,
            ...(error.field ? { field: error.field } : {}),
          }
        : { type: 'failure', message: error instanceof Error ? error.message : String(error) },
    );
  }
}

// A thread is started for a job (workerData), or ahead of time and then given jobs one after another
// (run-job.ts keeps one loaded thread in the app and browser mode, so a preview waits neither for tsx
// and the engine to load nor for the fonts to be parsed again). It stays until the host ends it, so
// nothing it posted is lost to an early exit.
if (workerData) void run(workerData as JobStart);
parentPort?.on('message', (start: JobStart) => void run(start));
